import type { Kysely, Transaction } from 'kysely';
import type { Metrics } from '../metrics.ts';
import type { EventBus } from './bus.ts';
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
  await bus.subscribe(consumer, patterns, async (event) => {
    try {
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
    } catch (error) {
      metrics?.handlerFailures.inc({ consumer, event_type: event.type });
      throw error;
    }
  });
}
