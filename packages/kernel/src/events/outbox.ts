import { sql, type Expression, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { jsonRows } from '../db/json-rows.ts';
import { queryTemplate } from '../db/query-template.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';

/** Work run inside one transaction by {@link Outbox.transaction}. */
export type TransactionWork<DB, T> = (trx: Transaction<DB>) => Promise<T>;

/**
 * Writes events into the service's outbox table inside the caller's transaction, and tells the
 * relay once they are committed, so an event goes out a few milliseconds after its change is
 * visible (never before: the relay would not see the row yet, or would publish a change that is
 * then rolled back).
 */
export class Outbox {
  private readonly listeners = new Set<() => void>();
  /** Transactions run by {@link transaction}, and whether they wrote events. */
  private readonly open = new WeakMap<Kysely<any>, { wroteEvents: boolean }>();
  private warnedUntracked = false;

  constructor(private readonly logger?: Logger) {}

  /**
   * Runs `work` in a transaction on `db` and, if it added events, wakes the relay right after the
   * commit. A rollback (`work` throws) wakes nobody. Called with a transaction, `work` joins it
   * and the outer call announces the events on its own commit.
   */
  async transaction<DB, T>(db: Kysely<DB>, work: TransactionWork<DB, T>): Promise<T> {
    if (db.isTransaction) {
      return work(db as Transaction<DB>);
    }
    const state = { wroteEvents: false };
    const result = await db.transaction().execute(async (trx) => {
      this.open.set(trx, state);
      try {
        return await work(trx);
      } finally {
        this.open.delete(trx);
      }
    });
    if (state.wroteEvents) {
      this.committed();
    }
    return result;
  }

  async add(trx: Transaction<any> | Kysely<any>, ...events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    await trx
      .insertInto('outbox')
      .values(events.map((event) => ({ id: event.id, type: event.type, envelope: JSON.stringify(event) })))
      .execute();
    this.wrote(trx, events[0]!.type);
  }

  /**
   * After a statement on `trx` wrote events itself ({@link outboxInsert}): wakes the relay now if
   * it ran on its own, or once the transaction that ran it commits.
   */
  wrote(trx: Transaction<any> | Kysely<any>, eventType: string): void {
    if (!trx.isTransaction) {
      // Outside a transaction the insert has committed already.
      this.committed();
      return;
    }
    const state = this.open.get(trx);
    if (state) {
      state.wroteEvents = true;
    } else if (!this.warnedUntracked) {
      this.warnedUntracked = true;
      this.logger?.warn(
        { event_type: eventType },
        "outbox event written in a transaction not run by outbox.transaction(): it waits for the relay's next poll",
      );
    }
  }

  /** Called after each commit that wrote events (the relay listens). */
  onCommit(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private committed(): void {
    this.listeners.forEach((listener) => listener());
  }
}

/** The outbox rows of `events` as JSON text: what {@link outboxInsert} takes from a query template. */
export function outboxRows(events: EventEnvelope[]): string {
  return JSON.stringify(events.map((event) => ({ id: event.id, type: event.type, envelope: event })));
}

/**
 * Inserts `events` (or their {@link outboxRows}) into the outbox as a part of a bigger statement (a data-modifying `with`), and
 * only if `onlyIf` holds when it runs (say, `exists (select 1 from changed)`): a change and its
 * events commit together in one round trip, with no explicit transaction. Call
 * {@link Outbox.wrote} once the statement has written them.
 */
export function outboxInsert(
  db: QueryCreator<any>,
  events: EventEnvelope[] | string,
  onlyIf: Expression<boolean> = sql<boolean>`true`,
) {
  const rows = typeof events === 'string' ? events : outboxRows(events);
  return db
    .insertInto('outbox')
    .columns(['id', 'type', 'envelope'])
    .expression(
      db
        .selectFrom(jsonRows(rows, 'e', { id: 'uuid', type: 'text', envelope: 'jsonb' }))
        .select(['e.id', 'e.type', 'e.envelope'])
        .where(onlyIf),
    );
}

/** The columns of a schema's outbox table (kernel migrations) that the relay reads and writes. */
interface OutboxTable {
  id: string;
  envelope: EventEnvelope;
  created_at: Date;
  published_at: Date | null;
  claimed_until: Date | null;
}

/**
 * How long a relay holds the rows it claimed while it publishes them. Longer than any batch takes;
 * if the relay dies, its rows wait this long before another relay publishes them.
 */
export const OUTBOX_CLAIM_SECONDS = 15;

/** How often the relay looks for rows nobody announced (another process, a missed signal). */
export const OUTBOX_SAFETY_POLL_MS = 5_000;

export interface OutboxRelayOptions {
  db: Kysely<any>;
  schema: string;
  bus: EventBus;
  outbox: Outbox;
  logger: Logger;
  metrics?: Metrics;
  /** Safety-net poll; committed events wake the relay at once. Default {@link OUTBOX_SAFETY_POLL_MS}. */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes committed outbox rows in order. A batch of rows is claimed for a while in one statement
 * (SKIP LOCKED, so several instances can relay one schema and never take the same row); a row is
 * marked published only after the bus accepted it, so a relay that dies between the two leaves
 * rows another publishes once the claim lapses (at least once; consumers are idempotent). The
 * outbox wakes the relay after each commit that wrote events; a slow poll picks up anything else.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;

  /**
   * The relay's two statements, compiled once for its schema (built by Kysely for every batch they
   * were a quarter of its share of the server's CPU under a write load); the ids as one array
   * parameter, so every batch size is one prepared statement.
   */
  private readonly claim = queryTemplate(
    2,
    (db: Kysely<{ outbox: OutboxTable }>, limit: number, seconds: number) =>
      db
        .with('claimed', (qb) =>
          qb
            .updateTable('outbox')
            .set({ claimed_until: sql`now() + make_interval(secs => ${seconds})` })
            .where('id', 'in', (eb) =>
              eb
                .selectFrom('outbox')
                .select('id')
                .where('published_at', 'is', null)
                .where((w) =>
                  w.or([w('claimed_until', 'is', null), w('claimed_until', '<', sql<Date>`now()`)]),
                )
                .orderBy('created_at')
                .orderBy('id')
                .limit(limit)
                .forUpdate()
                .skipLocked(),
            )
            .returning(['id', 'envelope', 'created_at']),
        )
        .selectFrom('claimed')
        .select(['id', 'envelope'])
        .orderBy('created_at')
        .orderBy('id'),
  );

  private readonly markPublished = queryTemplate(1, (db: Kysely<{ outbox: OutboxTable }>, ids: string[]) =>
    db
      .updateTable('outbox')
      .set({ published_at: sql`now()` })
      .where(sql<boolean>`id = any(${ids}::uuid[])`),
  );

  constructor(private readonly options: OutboxRelayOptions) {
    options.outbox.onCommit(() => {
      // While the bus refuses events the relay keeps its backoff instead of retrying per commit.
      if (this.failures === 0) {
        this.kick(0);
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
        this.options.logger.warn(
          { err: error, schema: this.options.schema },
          'outbox relay could not publish',
        );
      })
      .finally(() => {
        this.running = undefined;
        const backoff = Math.min(250 * 2 ** this.failures, 10_000);
        const next = this.again
          ? 0
          : this.failures > 0
            ? backoff
            : (this.options.pollIntervalMs ?? OUTBOX_SAFETY_POLL_MS);
        this.again = false;
        this.kick(next);
      });
  }

  private async publishBatch(): Promise<boolean> {
    const { db, bus, batchSize = 200 } = this.options;
    const rows = await this.claimBatch(batchSize);
    const published: string[] = [];
    let failure: unknown;
    for (const row of rows) {
      try {
        await bus.publish(row.envelope);
      } catch (error) {
        // What went out is marked as published; the rest is released for the next attempt.
        failure = error;
        break;
      }
      published.push(row.id);
    }
    if (published.length > 0) {
      await this.markPublished.run(db as Kysely<{ outbox: OutboxTable }>, published);
      this.options.metrics?.eventsPublished.inc({ schema: this.options.schema }, published.length);
    }
    if (failure !== undefined) {
      const unpublished = rows.slice(published.length).map((row) => row.id);
      await db.updateTable('outbox').set({ claimed_until: null }).where('id', 'in', unpublished).execute();
      throw failure instanceof Error ? failure : new Error('The bus refused an event');
    }
    return rows.length === batchSize;
  }

  /**
   * Claims up to `limit` of the oldest unpublished rows nobody else holds, for
   * {@link OUTBOX_CLAIM_SECONDS}, in one statement; oldest first.
   */
  private claimBatch(limit: number): Promise<{ id: string; envelope: EventEnvelope }[]> {
    return this.claim.run(this.options.db as Kysely<{ outbox: OutboxTable }>, limit, OUTBOX_CLAIM_SECONDS);
  }
}
