import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { ConfirmDialog } from '../../../shared/ui/dialog.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useOrganizationMembers } from '../hooks/use-organizations.ts';
import { useChangeMemberRole, useRemoveMember } from '../hooks/use-organization-mutations.ts';
import { ORG_ROLE_LABELS } from '../organization-roles.ts';
import type { Organization, OrganizationMember, OrgRole } from '../organization.types.ts';
import { MemberRow } from './member-row.tsx';

function MembersSkeleton() {
  return (
    <tbody aria-busy="true">
      {[0, 1, 2].map((i) => (
        <tr key={i}>
          <td>
            <div className="person-cell">
              <Skeleton width={28} height={28} />
              <Skeleton width={`${30 + i * 10}%`} />
            </div>
          </td>
          <td>
            <Skeleton width={80} height={24} />
          </td>
          <td>
            <Skeleton width={90} />
          </td>
          <td />
        </tr>
      ))}
    </tbody>
  );
}

/** The organization's people; admins change roles and remove, anyone may leave. */
export function MembersTable({ organization }: { organization: Organization }) {
  const me = useSignedInUser();
  const members = useOrganizationMembers(organization.id);
  const changeRole = useChangeMemberRole(organization.id);
  const remove = useRemoveMember(organization.id);
  const [actionError, setActionError] = useState<unknown>(null);
  const [removing, setRemoving] = useState<OrganizationMember | null>(null);
  const toast = useToast();
  const navigate = useNavigate();

  const onChangeRole = (member: OrganizationMember, role: OrgRole) => {
    setActionError(null);
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () =>
          toast.show(`${member.user.display_name} is now ${ORG_ROLE_LABELS[role].toLowerCase()}`),
        onError: setActionError,
      },
    );
  };
  const onRemove = (member: OrganizationMember) => {
    const isSelf = member.user_id === me.id;
    remove.mutate(member.user_id, {
      onSuccess: () => {
        setRemoving(null);
        toast.show(isSelf ? `You left ${organization.name}` : `Removed ${member.user.display_name}`);
        if (isSelf) {
          void navigate('/');
        }
      },
      onError: (error) => {
        setRemoving(null);
        setActionError(error);
      },
    });
  };

  const isSelfRemoval = removing?.user_id === me.id;
  return (
    <>
      {actionError ? <ErrorBanner error={describeError(actionError)} /> : null}
      {members.isError ? <ErrorBanner error={members.error} onRetry={() => void members.refetch()} /> : null}
      <div className="table-card">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          {members.isPending ? (
            <MembersSkeleton />
          ) : (
            <tbody>
              {(members.data ?? []).map((member) => (
                <MemberRow
                  key={member.user_id}
                  member={member}
                  callerRole={organization.my_role}
                  isSelf={member.user_id === me.id}
                  isBusy={
                    (changeRole.isPending && changeRole.variables.userId === member.user_id) ||
                    (remove.isPending && remove.variables === member.user_id)
                  }
                  onChangeRole={(role) => onChangeRole(member, role)}
                  onRemove={() => setRemoving(member)}
                />
              ))}
            </tbody>
          )}
        </table>
      </div>
      <ConfirmDialog
        open={removing !== null}
        title={isSelfRemoval ? `Leave ${organization.name}?` : `Remove ${removing?.user.display_name ?? ''}?`}
        confirmLabel={isSelfRemoval ? 'Leave organization' : 'Remove member'}
        isPending={remove.isPending}
        onConfirm={() => removing && onRemove(removing)}
        onClose={() => setRemoving(null)}
      >
        {isSelfRemoval
          ? "You'll lose access to its projects and teams. You can only come back if someone invites you again."
          : 'They lose access to every project and team of this organization right away.'}
      </ConfirmDialog>
    </>
  );
}
