import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { TokenVerifier } from './auth/token-verifier.ts';
import type { KeyValueStore, PubSub } from './cache/store.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { EventBus } from './events/bus.ts';
import type { Outbox } from './events/outbox.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Metrics } from './metrics.ts';

/** Everything the kernel hands a service: its schema's database, events, cache, mail, time. */
export interface ServiceContext {
  name: string;
  db: Kysely<any>;
  database: Database;
  bus: EventBus;
  outbox: Outbox;
  cache: KeyValueStore;
  pubsub: PubSub;
  tokens: TokenVerifier;
  mailer: Mailer;
  logger: Logger;
  metrics: Metrics;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** Base URL users reach the app at, for links in emails. */
  publicUrl: string;
}

/** What a service gives the launcher; `createXService(ctx)` returns it. */
export interface ServiceModule {
  name: string;
  /** Paths under `/api/v1` this service answers (the gateway's route table). */
  routePrefixes: string[];
  migrationsDir: string;
  /** Routes, registered under `/api/v1`. */
  routes: FastifyPluginAsync;
  /** Routes outside `/api/v1`, such as `/.well-known/jwks.json`. */
  rootRoutes?: FastifyPluginAsync;
  /** Subscribes to events and starts timers, after migrations ran. */
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export type ServiceFactory = (ctx: ServiceContext) => ServiceModule | Promise<ServiceModule>;
