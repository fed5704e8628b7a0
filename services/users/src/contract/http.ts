import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';
import {
  NotificationPreferences,
  NotificationPreferencesPatch,
  OrganizationSettings,
  OrganizationSettingsPatch,
} from './settings.ts';
import { OrgRole, TeamRole } from './roles.ts';

export * from './settings.ts';
export * from './roles.ts';
export * from './invitations.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: 255 });
/**
 * Query schemas close themselves: the kernel's closing hook copies the schema with a spread, which
 * drops TypeBox's kind marker and with it the string-to-number conversion of `limit`.
 */
const Closed = { additionalProperties: false } as const;
const Version = Type.Integer({ minimum: 1, description: 'version of the state the change is based on' });
const Search = Type.String({ minLength: 1, maxLength: 100 });

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

// ---- users and profiles ----

/** A person as lists show them. A deleted account keeps its id; its name reads "Deleted user". */
export const UserSummary = Type.Object({
  id: Uuid,
  username: Type.String(),
  email: Nullable(Type.String()),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  /** "First Last", else the username. */
  display_name: Type.String(),
  avatar_url: Nullable(Type.String()),
  is_active: Type.Boolean(),
});
export type UserSummary = Static<typeof UserSummary>;

export const Profile = Type.Object({
  avatar_url: Nullable(Type.String()),
  bio: Nullable(Type.String()),
  /** IANA time zone, e.g. Europe/Paris; null: the browser's. */
  timezone: Nullable(Type.String()),
  /** BCP 47 language tag, e.g. en-GB; null: the browser's. */
  language: Nullable(Type.String()),
  /** Shown to the person themselves only. */
  notification_preferences: Type.Optional(NotificationPreferences),
  version: Type.Integer(),
  updated_at: Timestamp,
});
export type Profile = Static<typeof Profile>;

const userFields = {
  id: Uuid,
  username: Type.String(),
  email: Nullable(Type.String()),
  first_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  display_name: Type.String(),
  is_active: Type.Boolean(),
  email_verified: Type.Boolean(),
  profile: Profile,
};

/** A person with their profile. Names and email belong to the auth service (`PUT /auth/profile`). */
export const User = Type.Object(userFields);
export type User = Static<typeof User>;

/** Omitted fields keep their value; names and username are changed through the auth service. */
export const UpdateUserBody = Type.Object({
  version: Version,
  /** https only; the server never fetches it. */
  avatar_url: Type.Optional(Nullable(Type.String({ maxLength: 500, format: 'uri', pattern: '^https://' }))),
  bio: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  timezone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 50 }))),
  language: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 35 }))),
  notification_preferences: Type.Optional(NotificationPreferencesPatch),
});
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** People who share an organization with the caller; `q` matches name, username or email. */
export const UserListQuery = Type.Object(
  { q: Type.Optional(Search), organization_id: Type.Optional(Uuid), ...PageQuery },
  Closed,
);
export type UserListQuery = Static<typeof UserListQuery>;
export const UserPage = PageOf(UserSummary);

export const IdParams = Type.Object({ id: Uuid });

// ---- organizations ----

/** Lowercased on the way in. */
const Domain = Type.String({
  maxLength: 255,
  pattern: '^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$',
  description: 'email domain, e.g. example.com',
});

const organizationFields = {
  id: Uuid,
  name: Type.String(),
  domain: Nullable(Type.String()),
  settings: OrganizationSettings,
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
  /** The caller's role in it. */
  my_role: OrgRole,
};
export const Organization = Type.Object(organizationFields);
export type Organization = Static<typeof Organization>;

/** The caller, their profile (with notification preferences) and their organizations. */
export const Me = Type.Object({ ...userFields, organizations: Type.Array(Organization) });
export type Me = Static<typeof Me>;

/** The domain must be the caller's own verified email domain (so nobody claims someone else's). */
export const CreateOrganizationBody = Type.Object({
  name: Name,
  domain: Type.Optional(Nullable(Domain)),
  settings: Type.Optional(OrganizationSettingsPatch),
});
export type CreateOrganizationBody = Static<typeof CreateOrganizationBody>;

/** Omitted fields keep their value; `settings` changes only the keys it names. */
export const UpdateOrganizationBody = Type.Object({
  version: Version,
  name: Type.Optional(Name),
  domain: Type.Optional(Nullable(Domain)),
  settings: Type.Optional(OrganizationSettingsPatch),
});
export type UpdateOrganizationBody = Static<typeof UpdateOrganizationBody>;

/** Sorted by name, then id. */
export const OrganizationListQuery = Type.Object({ ...PageQuery }, Closed);
export type OrganizationListQuery = Static<typeof OrganizationListQuery>;
export const OrganizationPage = PageOf(Organization);

export const OrganizationMember = Type.Object({
  organization_id: Uuid,
  user_id: Uuid,
  role: OrgRole,
  joined_at: Timestamp,
  user: UserSummary,
});
export type OrganizationMember = Static<typeof OrganizationMember>;

/** Sorted by username, then user id. */
export const MemberListQuery = Type.Object({ role: Type.Optional(OrgRole), ...PageQuery }, Closed);
export type MemberListQuery = Static<typeof MemberListQuery>;
export const MemberPage = PageOf(OrganizationMember);
export const MemberParams = Type.Object({ id: Uuid, user_id: Uuid });
export const UpdateMemberBody = Type.Object({ role: OrgRole });
export type UpdateMemberBody = Static<typeof UpdateMemberBody>;

// ---- teams ----

const teamFields = {
  id: Uuid,
  organization_id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  owner_id: Uuid,
  member_count: Type.Integer(),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
};
export const Team = Type.Object(teamFields);
export type Team = Static<typeof Team>;

/** A team of `GET /users/{id}/teams`, with that person's role in it. */
export const UserTeam = Type.Object({ ...teamFields, role: TeamRole });
export type UserTeam = Static<typeof UserTeam>;
export const UserTeamPage = PageOf(UserTeam);

/** The creator becomes the team's first lead. */
export const CreateTeamBody = Type.Object({
  organization_id: Uuid,
  name: Name,
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
});
export type CreateTeamBody = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object({
  version: Version,
  name: Type.Optional(Name),
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
});
export type UpdateTeamBody = Static<typeof UpdateTeamBody>;

/** Teams of the caller's organizations, sorted by name, then id. */
export const TeamListQuery = Type.Object(
  { organization_id: Type.Optional(Uuid), q: Type.Optional(Search), ...PageQuery },
  Closed,
);
export type TeamListQuery = Static<typeof TeamListQuery>;
export const TeamPage = PageOf(Team);
/** Sorted by name, then id. */
export const UserTeamListQuery = Type.Object({ ...PageQuery }, Closed);
export type UserTeamListQuery = Static<typeof UserTeamListQuery>;

export const TeamMember = Type.Object({
  team_id: Uuid,
  user_id: Uuid,
  role: TeamRole,
  joined_at: Timestamp,
  user: UserSummary,
});
export type TeamMember = Static<typeof TeamMember>;
export const TeamMemberListQuery = Type.Object({ ...PageQuery }, Closed);
export type TeamMemberListQuery = Static<typeof TeamMemberListQuery>;
export const TeamMemberPage = PageOf(TeamMember);
export const TeamMemberParams = Type.Object({ id: Uuid, user_id: Uuid });
/** The person must belong to the team's organization; `role` defaults to member. */
export const AddTeamMemberBody = Type.Object({ user_id: Uuid, role: Type.Optional(TeamRole) });
export type AddTeamMemberBody = Static<typeof AddTeamMemberBody>;
export const UpdateTeamMemberBody = Type.Object({ role: TeamRole });
