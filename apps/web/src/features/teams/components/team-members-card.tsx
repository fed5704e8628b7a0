import { describeError } from '../../../shared/api/problem.ts';
import { formatDate } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useOrganizationMembers } from '../../organizations/hooks/use-organizations.ts';
import { useChangeTeamMemberRole, useRemoveTeamMember, useTeamMembers } from '../hooks/use-teams.ts';
import type { Team, TeamMember, TeamRole } from '../team.types.ts';
import { AddTeamMemberForm } from './add-team-member-form.tsx';

interface TeamMembersCardProps {
  team: Team;
  /** Organization admins and the team's leads manage members. */
  canManage: boolean;
  myId: string;
}

export function TeamMembersCard({ team, canManage, myId }: TeamMembersCardProps) {
  const members = useTeamMembers(team.id);
  const orgMembers = useOrganizationMembers(team.organization_id);
  const changeRole = useChangeTeamMemberRole(team);
  const remove = useRemoveTeamMember(team);
  const toast = useToast();
  const inTeam = new Set((members.data ?? []).map((m) => m.user_id));
  const candidates = (orgMembers.data ?? []).filter((m) => !inTeam.has(m.user_id) && m.user.is_active);
  const failed = (error: unknown) => toast.show(describeError(error), 'error');

  const onRole = (member: TeamMember, role: TeamRole) =>
    changeRole.mutate(
      { userId: member.user_id, role },
      {
        onSuccess: () =>
          toast.show(`${member.user.display_name} is now ${role === 'lead' ? 'a lead' : 'a member'}`),
        onError: failed,
      },
    );
  const onRemove = (member: TeamMember) =>
    remove.mutate(member.user_id, {
      onSuccess: () =>
        toast.show(member.user_id === myId ? `You left ${team.name}` : `Removed ${member.user.display_name}`),
      onError: failed,
    });

  return (
    <Card
      title="Members"
      description={`${team.member_count} ${team.member_count === 1 ? 'person' : 'people'}`}
    >
      {canManage && members.isSuccess && orgMembers.isSuccess ? (
        <AddTeamMemberForm team={team} candidates={candidates} />
      ) : null}
      {members.isError ? <ErrorBanner error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.isPending ? <Skeleton height={40} /> : null}
      {members.data && members.data.length > 0 ? (
        <table className="table table-flush">
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
          <tbody>
            {members.data.map((member) => (
              <tr key={member.user_id}>
                <td>
                  <div className="person-cell">
                    <Avatar name={member.user.display_name} src={member.user.avatar_url} size={28} />
                    <div className="person-text">
                      <span className="person-name">{member.user.display_name}</span>
                      <span className="person-email">{member.user.email ?? `@${member.user.username}`}</span>
                    </div>
                  </div>
                </td>
                <td>
                  {canManage ? (
                    <select
                      className="input select select-sm"
                      value={member.role}
                      aria-label={`Team role of ${member.user.display_name}`}
                      onChange={(e) => onRole(member, e.target.value as TeamRole)}
                    >
                      <option value="member">Member</option>
                      <option value="lead">Lead</option>
                    </select>
                  ) : (
                    <span className={member.role === 'lead' ? 'badge badge-accent' : 'badge'}>
                      {member.role === 'lead' ? 'Lead' : 'Member'}
                    </span>
                  )}
                </td>
                <td className="muted nowrap">{formatDate(member.joined_at)}</td>
                <td className="cell-actions">
                  {canManage || member.user_id === myId ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => onRemove(member)}
                      aria-label={
                        member.user_id === myId
                          ? `Leave ${team.name}`
                          : `Remove ${member.user.display_name} from the team`
                      }
                    >
                      {member.user_id === myId ? 'Leave' : 'Remove'}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {members.isSuccess && members.data.length === 0 ? (
        <p className="muted">Nobody is in this team yet.</p>
      ) : null}
    </Card>
  );
}
