import { fileURLToPath } from 'node:url';
import { loadConfig, RateLimiter, requireAuth, type ServiceContext, type ServiceModule } from '@pm/kernel';
import type { Kysely } from 'kysely';
import { UsersConfig } from './config.ts';
import { DirectoryRepository } from './data/directory.repository.ts';
import { InvitationRepository } from './data/invitation.repository.ts';
import { MemberRepository } from './data/member.repository.ts';
import { OrganizationRepository } from './data/organization.repository.ts';
import { ProfileRepository } from './data/profile.repository.ts';
import { TeamMemberRepository } from './data/team-member.repository.ts';
import { TeamRepository } from './data/team.repository.ts';
import type { UsersDatabase } from './data/users.tables.ts';
import type { UsersDeps } from './deps.ts';
import { invitationLookupRoutes, invitationRoutes } from './routes/invitation.routes.ts';
import { membershipRoutes } from './routes/membership.routes.ts';
import { organizationRoutes } from './routes/organization.routes.ts';
import { teamMemberRoutes } from './routes/team-member.routes.ts';
import { teamRoutes } from './routes/team.routes.ts';
import { userRoutes } from './routes/user.routes.ts';
import { subscribeToAuthEvents } from './subscribers/auth-events.subscriber.ts';

/** The users service: organizations, members, profiles, teams, invitations (ADR 0002). */
export function createUsersService(ctx: ServiceContext): ServiceModule & { deps: UsersDeps } {
  const config = loadConfig(UsersConfig, ctx.env);
  const db = ctx.db as Kysely<UsersDatabase>;
  const deps: UsersDeps = {
    db,
    directory: new DirectoryRepository(db),
    profiles: new ProfileRepository(db),
    organizations: new OrganizationRepository(db),
    members: new MemberRepository(db),
    teams: new TeamRepository(db),
    teamMembers: new TeamMemberRepository(db),
    invitations: new InvitationRepository(db),
    outbox: ctx.outbox,
    mailer: ctx.mailer,
    limiter: new RateLimiter(ctx.cache),
    clock: ctx.clock,
    config,
    publicUrl: ctx.publicUrl,
    logger: ctx.logger,
  };
  return {
    name: 'users',
    deps,
    routePrefixes: ['/users', '/teams', '/organizations', '/invitations'],
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    routes: async (app) => {
      await app.register(invitationLookupRoutes, { prefix: '/invitations', deps });
      await app.register(async (signedIn) => {
        // Checking before validation answers 401, not 400, to anonymous requests.
        signedIn.addHook('onRequest', async (request) => {
          requireAuth(request);
        });
        await signedIn.register(userRoutes, { prefix: '/users', deps });
        await signedIn.register(organizationRoutes, { prefix: '/organizations', deps });
        await signedIn.register(membershipRoutes, { prefix: '/organizations', deps });
        await signedIn.register(teamRoutes, { prefix: '/teams', deps });
        await signedIn.register(teamMemberRoutes, { prefix: '/teams', deps });
        await signedIn.register(invitationRoutes, { prefix: '/invitations', deps });
      });
    },
    start: () => subscribeToAuthEvents(deps, { bus: ctx.bus, metrics: ctx.metrics }),
  };
}
