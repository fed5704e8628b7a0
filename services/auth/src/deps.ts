import type { Clock, KeyValueStore, Logger, Mailer, Outbox, RateLimiter } from '@pm/kernel';
import type { Kysely } from 'kysely';
import type { AuthConfig } from './config.ts';
import type { AuthDatabase } from './data/auth.tables.ts';
import type { EmailTokenRepository } from './data/email-token.repository.ts';
import type { OAuthAccountRepository } from './data/oauth-account.repository.ts';
import type { OAuthHandoffRepository } from './data/oauth-handoff.repository.ts';
import type { SessionRepository } from './data/session.repository.ts';
import type { UserRepository } from './data/user.repository.ts';
import type { SigningKeyRing } from './domain/signing-key-ring.ts';
import type { SignInProviders } from './oauth/sign-in-providers.ts';

/** Everything the auth use cases need, built once in service.ts. */
export interface AuthDeps {
  db: Kysely<AuthDatabase>;
  users: UserRepository;
  sessions: SessionRepository;
  emailTokens: EmailTokenRepository;
  oauthAccounts: OAuthAccountRepository;
  oauthHandoffs: OAuthHandoffRepository;
  signInProviders: SignInProviders;
  keys: SigningKeyRing;
  outbox: Outbox;
  mailer: Mailer;
  cache: KeyValueStore;
  limiter: RateLimiter;
  clock: Clock;
  config: AuthConfig;
  publicUrl: string;
  logger: Logger;
}

/** Who is asking, for session records and rate limits. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}
