import type { ProjectRole } from '../contract/http.ts';

/** Roles in an organization, as the users service announces them. */
export const ORG_ROLES = ['owner', 'admin', 'member', 'guest'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** What a caller wants to do with a project, from least to most privileged. */
export type ProjectAction = 'read' | 'manage_milestones' | 'manage_project';

const RANK: Record<ProjectRole, number> = { viewer: 0, member: 1, admin: 2 };
const NEEDS: Record<ProjectAction, ProjectRole> = {
  read: 'viewer',
  manage_milestones: 'member',
  manage_project: 'admin',
};

/**
 * The caller's role on a project (ADR 0002). Someone no longer in the project's organization has
 * no access even if a membership row is left, so leaving the organization always revokes access.
 * The project query in project.repository.ts computes the same in SQL for lists.
 */
export function effectiveProjectRole(
  orgRole: OrgRole | null,
  memberRole: ProjectRole | null,
): ProjectRole | null {
  if (!orgRole) {
    return null;
  }
  if (orgRole === 'owner' || orgRole === 'admin') {
    return 'admin';
  }
  if (memberRole) {
    return memberRole;
  }
  return orgRole === 'member' ? 'viewer' : null;
}

export function mayDo(role: ProjectRole, action: ProjectAction): boolean {
  return RANK[role] >= RANK[NEEDS[action]];
}

/** Guests work only inside projects they are invited to; they do not start new ones. */
export function mayCreateProjects(orgRole: OrgRole | null): boolean {
  return orgRole === 'owner' || orgRole === 'admin' || orgRole === 'member';
}

/** Organization owners and admins manage every template of their organization. */
export function managesOrganization(orgRole: OrgRole | null): boolean {
  return orgRole === 'owner' || orgRole === 'admin';
}
