import { join, resolve } from 'node:path';
import type { TokenVerifier } from './auth/token-verifier.ts';
import { MemoryKeyValueStore, MemoryPubSub } from './cache/memory.ts';
import { RedisKeyValueStore, RedisPubSub } from './cache/redis.ts';
import type { KeyValueStore, PubSub } from './cache/store.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import { migrateSchema } from './db/migrations.ts';
import type { EventBus } from './events/bus.ts';
import { MemoryEventBus } from './events/memory-bus.ts';
import { Outbox, OutboxRelay } from './events/outbox.ts';
import { RabbitMqEventBus } from './events/rabbitmq-bus.ts';
import { EventRetention } from './events/retention.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { Metrics } from './metrics.ts';
import { publicUrlOf, type RuntimeConfig } from './runtime-config.ts';
import type { ServiceFactory, ServiceModule } from './service.ts';

/** The adapters one process shares between its services, chosen from configuration. */
export interface Infrastructure {
  config: RuntimeConfig;
  logger: Logger;
  metrics: Metrics;
  bus: EventBus;
  cache: KeyValueStore;
  pubsub: PubSub;
  mailer: Mailer;
  clock: Clock;
  dataDir: string;
  close(): Promise<void>;
}

export function createInfrastructure(config: RuntimeConfig, name: string): Infrastructure {
  const logger = createLogger(name, config.LOG_LEVEL);
  const dataDir = resolve(config.DATA_DIR);
  const bus: EventBus = config.AMQP_URL
    ? new RabbitMqEventBus({ url: config.AMQP_URL, exchange: config.AMQP_EXCHANGE, queuePrefix: config.AMQP_QUEUE_PREFIX, logger })
    : new MemoryEventBus(logger);
  const cache = config.REDIS_URL ? RedisKeyValueStore.connect(config.REDIS_URL, config.REDIS_KEY_PREFIX) : new MemoryKeyValueStore();
  const pubsub = config.REDIS_URL ? RedisPubSub.connect(config.REDIS_URL, config.REDIS_KEY_PREFIX) : new MemoryPubSub();
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, devMailDir: join(dataDir, 'mail'), logger });
  return {
    config,
    logger,
    metrics: new Metrics(),
    bus,
    cache,
    pubsub,
    mailer,
    clock: systemClock,
    dataDir,
    async close() {
      await bus.close();
      await Promise.allSettled([cache.close(), pubsub.close()]);
    },
  };
}

/** The PostgreSQL schema of a service: its name, `-` written `_` (`time-tracking` → `time_tracking`). */
export function schemaNameOf(service: string): string {
  return service.replaceAll('-', '_');
}

/** A service after boot: its module, plus what the launcher needs to stop it. */
export interface BootedService {
  module: ServiceModule;
  relay: OutboxRelay;
  stop(): Promise<void>;
}

/**
 * Builds one service on the shared infrastructure: migrates its schema and subscribes it. Its outbox
 * relay is returned unstarted: the launcher starts every relay once every service has subscribed,
 * so no event is published before its consumers listen.
 */
export async function bootService(
  factory: ServiceFactory,
  options: { name: string; infra: Infrastructure; database: Database; tokens: TokenVerifier; env?: NodeJS.ProcessEnv },
): Promise<BootedService> {
  const { name, infra, database } = options;
  const schema = schemaNameOf(name);
  const db = database.forSchema<any>(schema);
  const logger = infra.logger.child({ service: name });
  const outbox = new Outbox(logger);
  const module = await factory({
    name,
    db,
    database,
    bus: infra.bus,
    outbox,
    cache: infra.cache,
    pubsub: infra.pubsub,
    tokens: options.tokens,
    mailer: infra.mailer,
    logger,
    metrics: infra.metrics,
    clock: infra.clock,
    env: options.env ?? process.env,
    publicUrl: publicUrlOf(infra.config),
  });
  await migrateSchema(database.root, schema, module.migrationsDir, logger);
  const relay = new OutboxRelay({ db, schema, bus: infra.bus, outbox, logger, metrics: infra.metrics });
  const retentionDays = infra.config.EVENT_RETENTION_DAYS;
  const retention = new EventRetention({ db, schema, logger, retentionDays });
  await module.start?.();
  retention.start();
  return {
    module,
    relay,
    async stop() {
      await module.stop?.();
      await Promise.all([relay.stop(), retention.stop()]);
    },
  };
}
