import { useOrganizationMembers } from '../../organizations/hooks/use-organizations.ts';
import { useProjectList } from '../../projects/hooks/use-projects.ts';

/** Names of the organization's people and projects, for time screens that hold only ids. */
export function useTimeNames(organizationId: string) {
  const members = useOrganizationMembers(organizationId);
  const projects = useProjectList({ organization_id: organizationId });
  const people = new Map((members.data ?? []).map((member) => [member.user_id, member.user.display_name]));
  const projectList = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const projectNames = new Map(projectList.map((project) => [project.id, project.name]));
  return {
    members: members.data ?? [],
    projects: projectList,
    person: (userId: string) => people.get(userId) ?? 'Former member',
    project: (projectId: string | null) =>
      projectId === null ? 'No project' : (projectNames.get(projectId) ?? 'Unknown project'),
  };
}
