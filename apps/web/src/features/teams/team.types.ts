// The users service's team types, straight from its contract (type-only: nothing is bundled).
export type {
  AddTeamMemberBody,
  CreateTeamBody,
  Team,
  TeamMember,
  TeamRole,
  UpdateTeamBody,
} from '@pm/users/contract';
