import type { Kysely, Transaction } from 'kysely';
import type { Metrics } from '../metrics.ts';
import type { EventBus, EventHandler } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';
import type { Outbox } from './outbox.ts';

export type InboxHandler = (event: EventEnvelope, trx: Transaction<any>) => Promise<void>;

/**
 * Subscribes a handler that runs at most once per event id: the inbox row and the handler's own
 * writes commit together, so a redelivered event is skipped and a failed one is retried whole.
 * A handler that publishes events of its own passes the service's `outbox`: they go out right
 * after the commit (otherwise at the relay's next poll).
 */
export async function subscribeWithInbox(options: {
  bus: EventBus;
  db: Kysely<any>;
  consumer: string;
  patterns: string[];
  handler: InboxHandler;
  metrics?: Metrics;
  outbox?: Outbox;
}): Promise<void> {
  const { bus, db, consumer, patterns, handler, metrics, outbox } = options;
  const inTransaction = <T>(work: (trx: Transaction<any>) => Promise<T>) =>
    outbox ? outbox.transaction(db, work) : db.transaction().execute(work);
  await bus.subscribe(
    consumer,
    patterns,
    counted(consumer, metrics, async (event) => {
      await inTransaction(async (trx) => {
        const inserted = await trx
          .insertInto('inbox')
          .values({ event_id: event.id, consumer, event_type: event.type })
          .onConflict((oc) => oc.doNothing())
          .returning('event_id')
          .executeTakeFirst();
        if (inserted) {
          await handler(event, trx);
        }
      });
    }),
  );
}

/**
 * Subscribes a handler whose writes are safe to repeat and to receive out of order by themselves,
 * such as one read-model row written with `saveIfNewer`: no inbox row and no transaction, so an
 * event costs the handler's own statement (one round trip where the inbox took four). A handler
 * that throws gets the event again, as with the inbox.
 */
export async function subscribeIdempotent(options: {
  bus: EventBus;
  consumer: string;
  patterns: string[];
  handler: EventHandler;
  metrics?: Metrics;
}): Promise<void> {
  const { bus, consumer, patterns, handler, metrics } = options;
  await bus.subscribe(consumer, patterns, counted(consumer, metrics, handler));
}

/** `handler`, counting its failures per consumer and event type. */
function counted(consumer: string, metrics: Metrics | undefined, handler: EventHandler): EventHandler {
  return async (event) => {
    try {
      await handler(event);
    } catch (error) {
      metrics?.handlerFailures.inc({ consumer, event_type: event.type });
      throw error;
    }
  };
}
