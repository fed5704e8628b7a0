import { sql, type DeleteResult, type Kysely, type RawBuilder } from 'kysely';
import type { Logger } from '../logger.ts';

/** How often a schema's old events are swept; the first sweep comes a minute after start. */
export const EVENT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;

const FIRST_SWEEP_MS = 60 * 1000;

/** Rows one statement deletes, so a sweep never holds many row locks or writes one huge transaction. */
const SWEEP_BATCH = 5_000;

export interface EventRetentionOptions {
  db: Kysely<any>;
  schema: string;
  logger: Logger;
  /** Published outbox rows and inbox records older than this many days go. */
  retentionDays: number;
  batchSize?: number;
}

/** The columns of a schema's outbox and inbox tables (kernel migrations) that a sweep reads. */
interface KernelTables {
  outbox: { id: string; published_at: Date | null };
  inbox: { event_id: string; consumer: string; processed_at: Date };
}

export interface SweepResult {
  outbox: number;
  inbox: number;
}

/**
 * Deletes a schema's published outbox rows and its inbox records (events its consumers handled)
 * once they are older than the retention. Without it both grow by a row a change for good: a full
 * benchmark run left 221 MB of published events (bench/RESULTS.md). Unpublished events stay
 * whatever their age. The retention is far longer than any redelivery (a relay's claim lapses
 * after seconds, a broker redelivers within minutes), so a deleted inbox record is never needed to
 * recognise an event again. Several instances may sweep one schema: they delete disjoint batches
 * or find the rows gone. A sweep reads the whole outbox, once an hour: an index on `published_at`
 * would cost every write of every service an index entry more.
 */
export class EventRetention {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(private readonly options: EventRetentionOptions) {}

  start(): void {
    this.schedule(FIRST_SWEEP_MS);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Deletes everything past the retention now, batch by batch. */
  async sweep(): Promise<SweepResult> {
    const db = this.options.db as Kysely<KernelTables>;
    const result = {
      outbox: await this.deleteAll((before, limit) =>
        db
          .deleteFrom('outbox')
          .where('id', 'in', (eb) =>
            eb.selectFrom('outbox').select('id').where('published_at', '<', before).limit(limit),
          ),
      ),
      inbox: await this.deleteAll((before, limit) =>
        db
          .deleteFrom('inbox')
          .where((eb) =>
            eb(
              eb.refTuple('event_id', 'consumer'),
              'in',
              eb
                .selectFrom('inbox')
                .select(['event_id', 'consumer'])
                .where('processed_at', '<', before)
                .limit(limit)
                .$asTuple('event_id', 'consumer'),
            ),
          ),
      ),
    };
    if (result.outbox + result.inbox > 0) {
      this.options.logger.info({ schema: this.options.schema, ...result }, 'old events swept');
    }
    return result;
  }

  /** Runs `batch` until it deletes fewer rows than a batch holds; returns how many went. */
  private async deleteAll(
    batch: (before: RawBuilder<Date>, limit: number) => { executeTakeFirst(): Promise<DeleteResult> },
  ): Promise<number> {
    const { retentionDays, batchSize = SWEEP_BATCH } = this.options;
    const before = sql<Date>`now() - make_interval(days => ${retentionDays})`;
    let deleted = 0;
    for (;;) {
      const n = Number((await batch(before, batchSize).executeTakeFirst()).numDeletedRows);
      deleted += n;
      if (n < batchSize) {
        return deleted;
      }
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((error: unknown) => {
          this.options.logger.warn({ err: error, schema: this.options.schema }, 'sweeping old events failed');
        })
        .finally(() => {
          this.running = undefined;
          if (this.timer) {
            this.schedule(EVENT_SWEEP_INTERVAL_MS);
          }
        });
    }, delayMs);
    this.timer.unref();
  }
}
