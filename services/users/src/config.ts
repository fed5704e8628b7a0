import { Type, type Static } from 'typebox';

export const UsersConfig = Type.Object({
  /** Days an emailed invitation link stays valid. */
  USERS_INVITATION_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
  /** Invitation emails (new and resent) one organization may send per hour. */
  USERS_INVITATIONS_PER_HOUR: Type.Integer({ minimum: 1, default: 100 }),
});
export type UsersConfig = Static<typeof UsersConfig>;
