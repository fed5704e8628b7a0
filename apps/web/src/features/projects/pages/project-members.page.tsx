import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { pageTitle } from '../../../shared/brand.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useOrganizationMembers } from '../../organizations/hooks/use-organizations.ts';
import { isOrgAdmin } from '../../organizations/organization-roles.ts';
import { AddProjectMemberForm } from '../components/add-project-member-form.tsx';
import { ProjectMemberRow } from '../components/project-member-row.tsx';
import { useChangeProjectMemberRole, useRemoveProjectMember } from '../hooks/use-project-member-mutations.ts';
import { useProjectMembers } from '../hooks/use-projects.ts';
import { canManageProject, PROJECT_ROLE_LABELS } from '../project-labels.ts';
import type { ProjectMember } from '../project.types.ts';
import { useProjectOutlet } from './project-layout.tsx';

export function ProjectMembersPage() {
  const { project } = useProjectOutlet();
  const me = useSignedInUser();
  const members = useProjectMembers(project.id);
  const orgMembers = useOrganizationMembers(project.organization_id);
  const changeRole = useChangeProjectMemberRole(project.id);
  const remove = useRemoveProjectMember(project.id);
  const [actionError, setActionError] = useState<unknown>(null);
  const toast = useToast();
  const navigate = useNavigate();
  const canManage = canManageProject(project.my_role) && project.status !== 'archived';

  const people = new Map((orgMembers.data ?? []).map((m) => [m.user_id, m]));
  const explicit = new Set((members.data ?? []).map((m) => m.user_id));
  const orgAdmins = (orgMembers.data ?? []).filter((m) => isOrgAdmin(m.role));
  const candidates = (orgMembers.data ?? []).filter(
    (m) => !explicit.has(m.user_id) && !isOrgAdmin(m.role) && m.user.is_active,
  );
  const nameOf = (userId: string) => people.get(userId)?.user.display_name ?? 'this person';

  const onChangeRole = (member: ProjectMember, role: ProjectMember['role']) => {
    setActionError(null);
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () =>
          toast.show(`${nameOf(member.user_id)} is now ${PROJECT_ROLE_LABELS[role].toLowerCase()}`),
        onError: setActionError,
      },
    );
  };
  const onRemove = (member: ProjectMember) => {
    setActionError(null);
    const isSelf = member.user_id === me.id;
    remove.mutate(member.user_id, {
      onSuccess: () => {
        toast.show(isSelf ? `You left ${project.name}` : `Removed ${nameOf(member.user_id)}`);
        if (isSelf) {
          void navigate('/projects');
        }
      },
      onError: setActionError,
    });
  };

  return (
    <>
      <title>{pageTitle(`Members · ${project.name}`)}</title>
      {canManage && members.isSuccess && orgMembers.isSuccess ? (
        <Card title="Add people" description="Anyone in the organization can join with a role.">
          <AddProjectMemberForm projectId={project.id} candidates={candidates} />
        </Card>
      ) : null}
      {actionError ? <ErrorBanner error={describeError(actionError)} /> : null}
      {members.isError ? <ErrorBanner error={members.error} onRetry={() => void members.refetch()} /> : null}
      <Card
        title="Project members"
        description={members.data ? `${members.data.length} with a role on this project` : undefined}
      >
        {members.isPending || orgMembers.isPending ? (
          <Skeleton height={44} />
        ) : (
          <table className="table table-flush">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(members.data ?? []).map((member) => (
                <ProjectMemberRow
                  key={member.user_id}
                  member={member}
                  user={people.get(member.user_id)?.user}
                  canManage={canManage}
                  isSelf={member.user_id === me.id}
                  isBusy={
                    (changeRole.isPending && changeRole.variables.userId === member.user_id) ||
                    (remove.isPending && remove.variables === member.user_id)
                  }
                  onChangeRole={(role) => onChangeRole(member, role)}
                  onRemove={() => onRemove(member)}
                />
              ))}
            </tbody>
          </table>
        )}
        <p className="card-note">
          {orgAdmins.length > 0
            ? `Organization owners and admins (${orgAdmins.map((m) => m.user.display_name).join(', ')}) are admins of every project. Other members of the organization can view it.`
            : 'Organization owners and admins are admins of every project. Other members of the organization can view it.'}
        </p>
      </Card>
    </>
  );
}
