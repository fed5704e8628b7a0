import { defineEvent } from '@pm/kernel';
import { Type } from 'typebox';

// The users service's membership events, as ADR 0002 describes them; declared here so this
// service depends on the published shape rather than on the users package.
const Uuid = Type.String({ format: 'uuid' });
const OrgRole = Type.Union([
  Type.Literal('owner'),
  Type.Literal('admin'),
  Type.Literal('member'),
  Type.Literal('guest'),
]);

export const OrgMemberAdded = defineEvent(
  'users.member.added',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid, role: OrgRole }),
);
export const OrgMemberRoleChanged = defineEvent(
  'users.member.role_changed',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid, role: OrgRole }),
);
export const OrgMemberRemoved = defineEvent(
  'users.member.removed',
  1,
  Type.Object({ organization_id: Uuid, user_id: Uuid, role: Type.Optional(OrgRole) }),
);
