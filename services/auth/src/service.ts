import { fileURLToPath } from 'node:url';
import { loadConfig, RateLimiter, type ServiceContext, type ServiceModule } from '@pm/kernel';
import type { Kysely } from 'kysely';
import { AuthConfig } from './config.ts';
import type { AuthDatabase } from './data/auth.tables.ts';
import { EmailTokenRepository } from './data/email-token.repository.ts';
import { OAuthAccountRepository } from './data/oauth-account.repository.ts';
import { OAuthHandoffRepository } from './data/oauth-handoff.repository.ts';
import { SessionRepository } from './data/session.repository.ts';
import { SigningKeyRepository } from './data/signing-key.repository.ts';
import { UserRepository } from './data/user.repository.ts';
import type { AuthDeps } from './deps.ts';
import { SigningKeyRing } from './domain/signing-key-ring.ts';
import { SignInProviders } from './oauth/sign-in-providers.ts';
import { accountRoutes } from './routes/account.routes.ts';
import { oauthRoutes } from './routes/oauth.routes.ts';
import { profileRoutes } from './routes/profile.routes.ts';
import { subscribeToUserDeletions } from './subscribers/user-deleted.subscriber.ts';

/** The auth service: accounts, sessions, tokens and the keys that sign them. */
export function createAuthService(ctx: ServiceContext): ServiceModule & { deps: AuthDeps } {
  const config = loadConfig(AuthConfig, ctx.env);
  const db = ctx.db as Kysely<AuthDatabase>;
  const deps: AuthDeps = {
    db,
    users: new UserRepository(db),
    sessions: new SessionRepository(db),
    emailTokens: new EmailTokenRepository(),
    oauthAccounts: new OAuthAccountRepository(db),
    oauthHandoffs: new OAuthHandoffRepository(ctx.cache),
    signInProviders: new SignInProviders(config, ctx.publicUrl),
    keys: new SigningKeyRing(new SigningKeyRepository(db), config.AUTH_ACCESS_TOKEN_TTL_SECONDS),
    outbox: ctx.outbox,
    mailer: ctx.mailer,
    cache: ctx.cache,
    limiter: new RateLimiter(ctx.cache),
    clock: ctx.clock,
    config,
    publicUrl: ctx.publicUrl,
    logger: ctx.logger,
  };
  return {
    name: 'auth',
    deps,
    routePrefixes: ['/auth'],
    migrationsDir: fileURLToPath(new URL('../migrations', import.meta.url)),
    start: () => subscribeToUserDeletions(deps, ctx.bus, ctx.metrics),
    routes: async (app) => {
      await app.register(accountRoutes, { prefix: '/auth', deps });
      await app.register(profileRoutes, { prefix: '/auth', deps });
      await app.register(oauthRoutes, { prefix: '/auth', deps });
    },
    rootRoutes: async (app) => {
      app.get('/.well-known/jwks.json', { schema: { tags: ['auth'], summary: 'Public keys of access tokens' } }, async (_request, reply) => {
        void reply.header('cache-control', 'public, max-age=60');
        return deps.keys.jwks();
      });
    },
  };
}
