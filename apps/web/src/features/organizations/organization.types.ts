// The users service's HTTP types, straight from its contract (type-only: nothing is bundled).
export type {
  CreateInvitationBody,
  CreateOrganizationBody,
  InvitableRole,
  Invitation,
  InvitationLookup,
  InvitationStatus,
  Me,
  Organization,
  OrganizationMember,
  OrganizationSettings,
  OrgRole,
  UpdateOrganizationBody,
  UserSummary,
} from '@pm/users/contract';
