import type { Clock, Logger, Mailer, Outbox, RateLimiter } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { UsersConfig } from './config.ts';
import type { DirectoryRepository } from './data/directory.repository.ts';
import type { InvitationRepository } from './data/invitation.repository.ts';
import type { MemberRepository } from './data/member.repository.ts';
import type { OrganizationRepository } from './data/organization.repository.ts';
import type { ProfileRepository } from './data/profile.repository.ts';
import type { TeamMemberRepository } from './data/team-member.repository.ts';
import type { TeamRepository } from './data/team.repository.ts';
import type { UsersDatabase } from './data/users.tables.ts';

/** Everything the users use cases need, built once in service.ts. */
export interface UsersDeps {
  db: Kysely<UsersDatabase>;
  directory: DirectoryRepository;
  profiles: ProfileRepository;
  organizations: OrganizationRepository;
  members: MemberRepository;
  teams: TeamRepository;
  teamMembers: TeamMemberRepository;
  invitations: InvitationRepository;
  outbox: Outbox;
  mailer: Mailer;
  limiter: RateLimiter;
  clock: Clock;
  config: UsersConfig;
  publicUrl: string;
  logger: Logger;
}

/** The signed-in caller, from the access token's claims. */
export interface Caller {
  id: string;
  email: string;
  username: string;
}
