// The organization membership events this service keeps its access read model from.
export {
  MemberAdded as OrgMemberAdded,
  MemberRemoved as OrgMemberRemoved,
  MemberRoleChanged as OrgMemberRoleChanged,
} from '@pm/users/contract';
