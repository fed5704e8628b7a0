import { Type, type Static } from 'typebox';

/** Settings every process reads, whichever services it runs. */
export const RuntimeConfig = Type.Object({
  /** Port the HTTP server listens on. */
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  /** Interface to bind. */
  HOST: Type.String({ default: '0.0.0.0' }),
  /** Folder of the embedded database, dev mailbox and local files. */
  DATA_DIR: Type.String({ default: './data' }),
  /** PostgreSQL server for every service of this process; unset: the embedded PGlite in DATA_DIR. */
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  /**
   * PostgreSQL connections this process may hold; unset: 20 for the all-in-one server, 10 for a
   * split-mode service process (nine of them stay within PostgreSQL's default 100).
   */
  DATABASE_POOL_SIZE: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  /**
   * Days a published event stays in its service's outbox, and a handled event's record in the
   * consumer's inbox, before an hourly sweep deletes them.
   */
  EVENT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 7 }),
  /** Redis for cache, rate limits and pub/sub; unset: process memory. */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** Prefix of every Redis key and channel, so deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, default: 'pm:' }),
  /** RabbitMQ for events between processes; unset: the in-process bus. */
  AMQP_URL: Type.Optional(Type.String({ pattern: '^amqps?://' })),
  /** Durable topic exchange every event goes through. */
  AMQP_EXCHANGE: Type.String({ minLength: 1, default: 'pm.events' }),
  /** Prefix of every consumer queue's name, so deployments (or test runs) can share one broker. */
  AMQP_QUEUE_PREFIX: Type.String({ default: '' }),
  /** SMTP server for outgoing mail; unset: mail is written to DATA_DIR/mail. */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  /** Sender of outgoing mail. */
  MAIL_FROM: Type.String({ default: 'Seed PM <no-reply@localhost>' }),
  /** Address users reach the app at, used in links sent by email. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  /** pino level. */
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 1_048_576 }),
  /** Proxies whose X-Forwarded-For is believed (addresses, CIDRs or `loopback`, `uniquelocal`, comma separated); empty: none. */
  TRUST_PROXY: Type.String({ default: '' }),
  /** Browser origins allowed by CORS, comma separated; empty: same origin only. */
  CORS_ORIGINS: Type.String({ default: '' }),
  NODE_ENV: Type.String({ default: 'development' }),
});
export type RuntimeConfig = Static<typeof RuntimeConfig>;

export function publicUrlOf(config: RuntimeConfig): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
