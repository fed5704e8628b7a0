import { useOrganizationMembers } from '../../organizations/hooks/use-organizations.ts';
import { isOrgAdmin } from '../../organizations/organization-roles.ts';
import type { UserSummary } from '../../organizations/organization.types.ts';
import { useProjectMembers } from '../../projects/hooks/use-projects.ts';
import type { Project } from '../../projects/project.types.ts';

/**
 * Who tasks of a project can be assigned to (its members and the organization's owners and
 * admins, as the server checks), by name; and every organization member's name by id, for
 * assignees who have since left the project.
 */
export function useAssignablePeople(project: Pick<Project, 'id' | 'organization_id'>) {
  const orgMembers = useOrganizationMembers(project.organization_id);
  const projectMembers = useProjectMembers(project.id);
  const explicit = new Set((projectMembers.data ?? []).map((m) => m.user_id));
  const people = (orgMembers.data ?? [])
    .filter((m) => m.user.is_active && (explicit.has(m.user_id) || isOrgAdmin(m.role)))
    .map((m) => m.user)
    .sort((a, b) => a.display_name.localeCompare(b.display_name));
  const byId = new Map<string, UserSummary>((orgMembers.data ?? []).map((m) => [m.user_id, m.user]));
  return { people, byId, isPending: orgMembers.isPending || projectMembers.isPending };
}
