import { formatDate } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import { PROJECT_ROLE_LABELS } from '../project-labels.ts';
import type { ProjectMember, ProjectRole } from '../project.types.ts';

interface ProjectMemberRowProps {
  member: ProjectMember;
  /** From the organization's member list; undefined for someone who has left it. */
  user: UserSummary | undefined;
  canManage: boolean;
  isSelf: boolean;
  isBusy: boolean;
  onChangeRole: (role: ProjectRole) => void;
  onRemove: () => void;
}

const ROLES: ProjectRole[] = ['admin', 'member', 'viewer'];

export function ProjectMemberRow({
  member,
  user,
  canManage,
  isSelf,
  isBusy,
  onChangeRole,
  onRemove,
}: ProjectMemberRowProps) {
  const name = user?.display_name ?? 'Former member';
  return (
    <tr>
      <td>
        <div className="person-cell">
          <Avatar name={name} src={user?.avatar_url} size={28} />
          <div className="person-text">
            <span className="person-name">
              {name}
              {isSelf ? <span className="badge">You</span> : null}
            </span>
            <span className="person-email">
              {user ? (user.email ?? `@${user.username}`) : 'No longer in the organization'}
            </span>
          </div>
        </div>
      </td>
      <td>
        {canManage ? (
          <select
            className="input select select-sm"
            value={member.role}
            aria-label={`Project role of ${name}`}
            disabled={isBusy}
            onChange={(event) => onChangeRole(event.target.value as ProjectRole)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {PROJECT_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          <span className={member.role === 'admin' ? 'badge badge-accent' : 'badge'}>
            {PROJECT_ROLE_LABELS[member.role]}
          </span>
        )}
      </td>
      <td className="muted nowrap">{formatDate(member.joined_at)}</td>
      <td className="cell-actions">
        {canManage || isSelf ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={isBusy}
            onClick={onRemove}
            aria-label={isSelf ? 'Leave project' : `Remove ${name} from the project`}
          >
            {isSelf ? 'Leave' : 'Remove'}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
