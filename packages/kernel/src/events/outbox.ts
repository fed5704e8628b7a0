import { sql, type Expression, type Kysely, type QueryCreator, type Transaction } from 'kysely';
import { jsonRows } from '../db/json-rows.ts';
import { queryTemplate } from '../db/query-template.ts';
import { StatementBatcher } from '../db/statement-batcher.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { EventBus } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';

/** Work run inside one transaction by {@link Outbox.transaction}. */
export type TransactionWork<DB, T> = (trx: Transaction<DB>) => Promise<T>;

/**
 * Writes events into the service's outbox table inside the caller's transaction, and hands them
 * to the relay once they are committed, so an event goes out a few milliseconds after its change
 * is visible (never before: a change can still be rolled back).
 */
export class Outbox {
  private readonly listeners = new Set<(events: EventEnvelope[]) => void>();
  /** Transactions run by {@link transaction}, and the events they wrote. */
  private readonly open = new WeakMap<Kysely<any>, { events: EventEnvelope[] }>();
  private warnedUntracked = false;

  constructor(private readonly logger?: Logger) {}

  /**
   * Runs `work` in a transaction on `db` and, if it added events, hands them to the relay right
   * after the commit. A rollback (`work` throws) hands nothing. Called with a transaction, `work`
   * joins it and the outer call announces the events on its own commit.
   */
  async transaction<DB, T>(db: Kysely<DB>, work: TransactionWork<DB, T>): Promise<T> {
    if (db.isTransaction) {
      return work(db as Transaction<DB>);
    }
    const state = { events: [] as EventEnvelope[] };
    const result = await db.transaction().execute(async (trx) => {
      this.open.set(trx, state);
      try {
        return await work(trx);
      } finally {
        this.open.delete(trx);
      }
    });
    if (state.events.length > 0) {
      this.committed(state.events);
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
    this.wrote(trx, events);
  }

  /**
   * After a statement on `trx` wrote `events` itself ({@link outboxInsert}): hands them to the
   * relay now if it ran on its own, or once the transaction that ran it commits.
   */
  wrote(trx: Transaction<any> | Kysely<any>, events: EventEnvelope[]): void {
    if (events.length === 0) {
      return;
    }
    if (!trx.isTransaction) {
      // Outside a transaction the insert has committed already.
      this.committed(events);
      return;
    }
    const state = this.open.get(trx);
    if (state) {
      state.events.push(...events);
    } else if (!this.warnedUntracked) {
      this.warnedUntracked = true;
      this.logger?.warn(
        { event_type: events[0]!.type },
        "outbox event written in a transaction not run by outbox.transaction(): it waits for the relay's next poll",
      );
    }
  }

  /** Called with the events of each commit that wrote some (the relay listens). */
  onCommit(listener: (events: EventEnvelope[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private committed(events: EventEnvelope[]): void {
    this.listeners.forEach((listener) => listener(events));
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

/** How often the relay looks for rows no commit here handed over (another process, an untracked transaction). */
export const OUTBOX_SAFETY_POLL_MS = 5_000;

/**
 * How old a row must be for the relay's own poll to take it while the bus takes events: a row
 * committed here becomes visible a moment before its commit hands it over, and a poll in that
 * moment would publish it a second time. `flush()` and the polls after a refusal take every row.
 */
export const OUTBOX_POLL_MIN_AGE_SECONDS = 2;

export interface OutboxRelayOptions {
  db: Kysely<any>;
  schema: string;
  bus: EventBus;
  outbox: Outbox;
  logger: Logger;
  metrics?: Metrics;
  /** Safety-net poll; the events of commits here go out at once. Default {@link OUTBOX_SAFETY_POLL_MS}. */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Publishes committed outbox rows. The events of each commit in this process come from the outbox
 * itself ({@link Outbox.onCommit}) and go out at once, one commit after another; each row is marked
 * published once the bus took its event, the marks that come meanwhile in one statement. Reading
 * them back first cost a claim statement per batch and, in the benchmark's live updates, a wait of
 * 11 ms at the median and 63 ms at p99 for it (bench/RESULTS.md). A poll publishes what no commit
 * here handed over (rows of a process that died, of a transaction the outbox did not run, those a
 * refusing bus left): it claims a batch of rows for a while in one statement (SKIP LOCKED, so
 * several instances can poll one schema and never take the same row), leaving out the rows handed
 * over here, and marks a row published only after the bus accepted it, so a relay that dies
 * between the two leaves rows another publishes once the claim lapses (at least once; consumers
 * are idempotent). One relay listens to an outbox.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private failures = 0;
  /** The events handed over at commit, published one commit after another. */
  private handedOver: Promise<void> = Promise.resolve();
  /** Ids of the events handed over and not marked yet: the poll leaves their rows. */
  private readonly unmarked = new Set<string>();
  /** Marks of handed-over events under way. */
  private readonly marking = new Set<Promise<void>>();
  private readonly marks: StatementBatcher<string, undefined>;

  /**
   * The relay's two statements, compiled once for its schema (built by Kysely for every batch they
   * were a quarter of its share of the server's CPU under a write load); the ids as one array
   * parameter, so every batch size is one prepared statement.
   */
  private readonly claim = queryTemplate(
    4,
    (
      db: Kysely<{ outbox: OutboxTable }>,
      limit: number,
      seconds: number,
      skipped: string[],
      minAge: number,
    ) =>
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
                .where(sql<boolean>`id <> all(${skipped}::uuid[])`)
                .where(sql<boolean>`created_at <= now() - make_interval(secs => ${minAge})`)
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
    this.marks = new StatementBatcher(
      async (ids: string[]) => {
        await this.markPublished.run(this.options.db as Kysely<{ outbox: OutboxTable }>, ids);
        return ids.map(() => undefined);
      },
      { maxBatch: 1_000, maxRunning: 1 },
    );
    options.outbox.onCommit((events) => this.handOver(events));
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
    await this.handedOverSettled();
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
    await this.publishPending(0);
  }

  private async publishPending(minAgeSeconds: number): Promise<void> {
    await this.handedOverSettled();
    while (await this.publishBatch(minAgeSeconds)) {
      // keep going while full batches come back
    }
  }

  /**
   * Publishes a commit's events after those of the commits before it. Not while stopped, nor
   * while the bus refuses events: the poll then keeps its backoff and takes them in order.
   */
  private handOver(events: EventEnvelope[]): void {
    if (this.stopped || this.failures > 0) {
      return;
    }
    events.forEach((event) => this.unmarked.add(event.id));
    this.handedOver = this.handedOver.then(() => this.publishHandedOver(events));
  }

  private async publishHandedOver(events: EventEnvelope[]): Promise<void> {
    if (this.failures > 0) {
      // An earlier commit's event was refused: these follow it through the poll, in order.
      events.forEach((event) => this.unmarked.delete(event.id));
      return;
    }
    let sent = 0;
    try {
      for (const event of events) {
        await this.options.bus.publish(event);
        sent += 1;
      }
    } catch (error) {
      // The rest is the poll's, unclaimed; it starts after the backoff.
      this.failures += 1;
      this.options.logger.warn({ err: error, schema: this.options.schema }, 'outbox relay could not publish');
      this.kick(this.backoff());
    }
    events.slice(sent).forEach((event) => this.unmarked.delete(event.id));
    const ids = events.slice(0, sent).map((event) => event.id);
    if (ids.length > 0) {
      this.markHandedOver(ids);
    }
  }

  /** Marks handed-over events published; a mark that fails leaves its rows to the poll (at least once). */
  private markHandedOver(ids: string[]): void {
    const marked = Promise.all(ids.map((id) => this.marks.run(id)))
      .then(() => this.options.metrics?.eventsPublished.inc({ schema: this.options.schema }, ids.length))
      .catch((error: unknown) =>
        this.options.logger.warn({ err: error, schema: this.options.schema }, 'outbox relay could not mark'),
      )
      .finally(() => {
        ids.forEach((id) => this.unmarked.delete(id));
        this.marking.delete(marked);
      });
    this.marking.add(marked);
  }

  private async handedOverSettled(): Promise<void> {
    await this.handedOver;
    await Promise.all([...this.marking]);
  }

  private backoff(): number {
    return Math.min(250 * 2 ** this.failures, 10_000);
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
    this.running = this.publishPending(this.failures > 0 ? 0 : OUTBOX_POLL_MIN_AGE_SECONDS)
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
        const next = this.again
          ? 0
          : this.failures > 0
            ? this.backoff()
            : (this.options.pollIntervalMs ?? OUTBOX_SAFETY_POLL_MS);
        this.again = false;
        this.kick(next);
      });
  }

  private async publishBatch(minAgeSeconds: number): Promise<boolean> {
    const { db, bus, batchSize = 200 } = this.options;
    const rows = await this.claimBatch(batchSize, minAgeSeconds);
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
   * {@link OUTBOX_CLAIM_SECONDS}, in one statement; oldest first. Leaves those handed over here,
   * and those younger than `minAgeSeconds`.
   */
  private claimBatch(
    limit: number,
    minAgeSeconds: number,
  ): Promise<{ id: string; envelope: EventEnvelope }[]> {
    const db = this.options.db as Kysely<{ outbox: OutboxTable }>;
    return this.claim.run(db, limit, OUTBOX_CLAIM_SECONDS, [...this.unmarked], minAgeSeconds);
  }
}
