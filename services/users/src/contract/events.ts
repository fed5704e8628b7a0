import { defineEvent } from '@pm/kernel';
import { Type, type TSchema } from 'typebox';
import { InvitableRole, OrgRole, TeamRole } from './http.ts';
import { NotificationPreferences, OrganizationSettings } from './settings.ts';

// Every event carries org_id in its envelope, except the person-level ones (profile, deletion).
const Uuid = Type.String({ format: 'uuid' });
function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

const organizationData = Type.Object({
  organization_id: Uuid,
  name: Type.String(),
  domain: Nullable(Type.String()),
  settings: OrganizationSettings,
});

/** An organization was created (by a person, or as someone's personal workspace at sign-up). */
export const OrganizationCreated = defineEvent('users.organization.created', 1, organizationData);
export const OrganizationUpdated = defineEvent('users.organization.updated', 1, organizationData);

/** Someone joined an organization: created it, accepted an invitation or joined by email domain. */
export const MemberAdded = defineEvent(
  'users.member.added',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid, role: OrgRole }),
);
export const MemberRoleChanged = defineEvent(
  'users.member.role_changed',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid, role: OrgRole }),
);
/** Someone left or was removed, also when their account was deleted. */
export const MemberRemoved = defineEvent(
  'users.member.removed',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid }),
);

const teamData = Type.Object({
  team_id: Uuid,
  organization_id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
});
export const TeamCreated = defineEvent('users.team.created', 1, teamData);
export const TeamUpdated = defineEvent('users.team.updated', 1, teamData);
export const TeamDeleted = defineEvent(
  'users.team.deleted',
  1,
  Type.Object({ team_id: Uuid, organization_id: Uuid }),
);

const teamMemberData = Type.Object({ team_id: Uuid, organization_id: Uuid, user_id: Uuid, role: TeamRole });
export const TeamMemberAdded = defineEvent('users.team_member.added', 1, teamMemberData);
export const TeamMemberRoleChanged = defineEvent('users.team_member.role_changed', 1, teamMemberData);
export const TeamMemberRemoved = defineEvent('users.team_member.removed', 1, teamMemberData);

export const InvitationCreated = defineEvent(
  'users.invitation.created',
  1,
  Type.Object({
    invitation_id: Uuid,
    organization_id: Uuid,
    email: Type.String(),
    role: InvitableRole,
    team_id: Nullable(Uuid),
  }),
);
/** A new token and expiry were emailed. */
export const InvitationResent = defineEvent(
  'users.invitation.resent',
  1,
  Type.Object({ invitation_id: Uuid, organization_id: Uuid, expires_at: Type.String() }),
);
export const InvitationRevoked = defineEvent(
  'users.invitation.revoked',
  1,
  Type.Object({ invitation_id: Uuid, organization_id: Uuid }),
);
export const InvitationAccepted = defineEvent(
  'users.invitation.accepted',
  1,
  Type.Object({ invitation_id: Uuid, organization_id: Uuid, user_id: Uuid }),
);

/** A profile changed; carries the whole profile so notifications can follow the preferences. */
export const ProfileUpdated = defineEvent(
  'users.profile.updated',
  1,
  Type.Object({
    user_id: Uuid,
    avatar_url: Nullable(Type.String()),
    bio: Nullable(Type.String()),
    timezone: Nullable(Type.String()),
    language: Nullable(Type.String()),
    notification_preferences: NotificationPreferences,
  }),
);

/** The account was deleted: its personal data is gone here, the auth service deactivates it. */
export const UserDeleted = defineEvent('users.user.deleted', 1, Type.Object({ user_id: Uuid }));
