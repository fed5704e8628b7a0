import { formatDate } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { assignableRoles, canManageMember, ORG_ROLE_LABELS } from '../organization-roles.ts';
import type { OrganizationMember, OrgRole } from '../organization.types.ts';

interface MemberRowProps {
  member: OrganizationMember;
  callerRole: OrgRole;
  isSelf: boolean;
  isBusy: boolean;
  onChangeRole: (role: OrgRole) => void;
  onRemove: () => void;
}

/** A person in the organization: who they are, their role (editable by admins), and removal. */
export function MemberRow({ member, callerRole, isSelf, isBusy, onChangeRole, onRemove }: MemberRowProps) {
  const { user } = member;
  const canManage = canManageMember(callerRole, member.role);
  const roles = assignableRoles(callerRole);
  return (
    <tr>
      <td>
        <div className="person-cell">
          <Avatar name={user.display_name} src={user.avatar_url} size={28} />
          <div className="person-text">
            <span className="person-name">
              {user.display_name}
              {isSelf ? <span className="badge">You</span> : null}
            </span>
            <span className="person-email">{user.email ?? `@${user.username}`}</span>
          </div>
        </div>
      </td>
      <td>
        {canManage ? (
          <select
            className="input select select-sm"
            value={member.role}
            aria-label={`Role of ${user.display_name}`}
            disabled={isBusy}
            onChange={(event) => onChangeRole(event.target.value as OrgRole)}
          >
            {(roles.includes(member.role) ? roles : [member.role, ...roles]).map((role) => (
              <option key={role} value={role}>
                {ORG_ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        ) : (
          <span className="badge">{ORG_ROLE_LABELS[member.role]}</span>
        )}
      </td>
      <td className="muted nowrap">{formatDate(member.joined_at)}</td>
      <td className="cell-actions">
        {isSelf || canManage ? (
          <Button
            size="sm"
            variant="ghost"
            onClick={onRemove}
            disabled={isBusy}
            aria-label={isSelf ? 'Leave organization' : `Remove ${user.display_name}`}
          >
            {isSelf ? 'Leave' : 'Remove'}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}
