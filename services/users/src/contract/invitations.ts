import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';
import { InvitableRole } from './roles.ts';

const Uuid = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });
/** See http.ts: query schemas close themselves. */
const Closed = { additionalProperties: false } as const;

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const InvitationStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('revoked'),
  Type.Literal('expired'),
]);
export type InvitationStatus = Static<typeof InvitationStatus>;

/** An invitation as admins see it; the token only ever travels in the email. */
export const Invitation = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  team_id: Nullable(Uuid),
  email: Type.String(),
  role: InvitableRole,
  status: InvitationStatus,
  invited_by: Uuid,
  expires_at: Timestamp,
  accepted_at: Nullable(Timestamp),
  created_at: Timestamp,
});
export type Invitation = Static<typeof Invitation>;

/** `team_id`: the invitee also joins this team of the organization. */
export const CreateInvitationBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 255 }),
  role: Type.Optional(InvitableRole),
  team_id: Type.Optional(Uuid),
});
export type CreateInvitationBody = Static<typeof CreateInvitationBody>;

/** Newest first. */
export const InvitationListQuery = Type.Object(
  { status: Type.Optional(InvitationStatus), ...PageQuery },
  Closed,
);
export type InvitationListQuery = Static<typeof InvitationListQuery>;
export const InvitationPage = PageOf(Invitation);

export const InvitationLookupQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512 }) },
  Closed,
);

/** What the accept page shows before the person signs in or up. */
export const InvitationLookup = Type.Object({
  organization_name: Type.String(),
  inviter_name: Type.String(),
  email: Type.String(),
  role: InvitableRole,
  team_name: Type.Optional(Type.String()),
  expires_at: Timestamp,
  status: InvitationStatus,
});
export type InvitationLookup = Static<typeof InvitationLookup>;

export const AcceptInvitationBody = Type.Object({ token: Type.String({ minLength: 1, maxLength: 512 }) });
export type AcceptInvitationBody = Static<typeof AcceptInvitationBody>;
