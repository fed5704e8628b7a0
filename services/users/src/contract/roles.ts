import { Type, type Static } from 'typebox';

export const OrgRole = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('member'),
  Type.Literal('guest'),
]);
export type OrgRole = Static<typeof OrgRole>;
export const TeamRole = Type.Union([Type.Literal('lead'), Type.Literal('member')]);
export type TeamRole = Static<typeof TeamRole>;
/** Ownership is granted by an owner, through a role change, never by invitation. */
export const InvitableRole = Type.Union([
  Type.Literal('admin'),
  Type.Literal('member'),
  Type.Literal('guest'),
]);
export type InvitableRole = Static<typeof InvitableRole>;
