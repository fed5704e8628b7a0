import { sql, type Kysely, type Transaction } from 'kysely';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';

/** Writes events into the service's outbox table inside the caller's transaction. */
export class Outbox {
  private listeners: (() => void)[] = [];

  async add(trx: Transaction<any> | Kysely<any>, ...events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    await trx
      .insertInto('outbox')
      .values(events.map((event) => ({ id: event.id, type: event.type, envelope: JSON.stringify(event) })))
      .execute();
    // The relay is told now and looks shortly after, once the transaction has committed.
    this.listeners.forEach((listener) => listener());
  }

  onAdd(listener: () => void): void {
    this.listeners.push(listener);
  }
}

export interface OutboxRelayOptions {
  db: Kysely<any>;
  schema: string;
  bus: EventBus;
  outbox: Outbox;
  logger: Logger;
  metrics?: Metrics;
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes committed outbox rows in order. Rows are claimed with SKIP LOCKED so several instances
 * can relay one schema; a row is marked published only after the bus accepted it.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {
    // The row is written inside a transaction that has not committed yet: look shortly after, and
    // again a little later in case the commit took longer, instead of waiting for the next poll.
    options.outbox.onAdd(() => {
      for (const delayMs of [5, 40, 200]) {
        setTimeout(() => this.kick(0), delayMs).unref();
      }
    });
    options.metrics?.watchOutbox(options.schema, () => this.backlog());
  }

  start(): void {
    this.stopped = false;
    this.kick(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  async backlog(): Promise<number> {
    const row = await this.options.db
      .selectFrom('outbox')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('published_at', 'is', null)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Publishes everything pending now; resolves when the outbox is empty or the bus refuses. */
  async flush(): Promise<void> {
    while (await this.publishBatch()) {
      // keep going while full batches come back
    }
  }

  private kick(delayMs: number): void {
    if (this.stopped) {
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delayMs);
  }

  private run(): void {
    this.running = this.flush()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.failures += 1;
        this.options.logger.warn({ err: error, schema: this.options.schema }, 'outbox relay could not publish');
      })
      .finally(() => {
        this.running = undefined;
        const backoff = Math.min(250 * 2 ** this.failures, 10_000);
        const next = this.again ? 0 : this.failures > 0 ? backoff : (this.options.pollIntervalMs ?? 1000);
        this.again = false;
        this.kick(next);
      });
  }

  private async publishBatch(): Promise<boolean> {
    const { db, bus, batchSize = 200 } = this.options;
    let count = 0;
    let failure: unknown;
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('outbox')
        .select(['id', 'envelope'])
        .where('published_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .execute();
      const published: string[] = [];
      for (const row of rows) {
        try {
          await bus.publish(row.envelope as EventEnvelope);
        } catch (error) {
          // Keep what went out marked as published; the rest waits for the next attempt.
          failure = error;
          break;
        }
        published.push(row.id as string);
      }
      if (published.length > 0) {
        await trx.updateTable('outbox').set({ published_at: sql`now()` }).where('id', 'in', published).execute();
        this.options.metrics?.eventsPublished.inc({ schema: this.options.schema }, published.length);
      }
      count = rows.length;
    });
    if (failure !== undefined) {
      throw failure instanceof Error ? failure : new Error('The bus refused an event');
    }
    return count === batchSize;
  }
}
