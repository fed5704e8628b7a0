import { subscribeWithInbox, type EventBus, type Logger, type Metrics } from '@pm/kernel';
import {
  TimeEntryCreated,
  TimeEntryDeleted,
  TimeEntryUpdated,
  type TaskTotal,
} from '@pm/time-tracking/contract';
import { sql, type Kysely, type Transaction } from 'kysely';

export interface TimeEventsSubscriberOptions {
  bus: EventBus;
  db: Kysely<any>;
  logger: Logger;
  metrics?: Metrics;
  /** Queue and inbox name; tests may pass their own. */
  consumer?: string;
}

const ENTRY_EVENTS = [TimeEntryCreated, TimeEntryUpdated, TimeEntryDeleted];

/** Keeps the total if it is newer than the one known, then sets the task's actual hours from it. */
async function applyTotal(trx: Transaction<any>, total: TaskTotal): Promise<void> {
  const applied = await sql<{ task_id: string }>`
    insert into ${sql.table('tasks.task_time_totals')} (task_id, total_minutes, seq)
    values (${total.task_id}, ${total.total_minutes}, ${total.seq})
    on conflict (task_id) do update set total_minutes = excluded.total_minutes, seq = excluded.seq
      where task_time_totals.seq < excluded.seq
    returning task_id`.execute(trx);
  if (applied.rows.length > 0) {
    // The version stays: logged time is not an edit, and must not make a user's edit stale.
    await sql`update ${sql.table('tasks.tasks')} set actual_hours = round(${total.total_minutes}::numeric / 60, 2)
      where id = ${total.task_id}`.execute(trx);
  }
}

/**
 * Keeps each task's `actual_hours` equal to the sum of its time entries. Every time.entry event
 * carries the totals of the tasks it touched with a sequence number, so events may arrive late,
 * twice (inbox) or out of order: the highest sequence wins.
 */
export async function subscribeToTimeEvents(options: TimeEventsSubscriberOptions): Promise<void> {
  await subscribeWithInbox({
    bus: options.bus,
    db: options.db,
    consumer: options.consumer ?? 'tasks',
    patterns: ['time.entry.*'],
    ...(options.metrics ? { metrics: options.metrics } : {}),
    handler: async (event, trx) => {
      const definition = ENTRY_EVENTS.find((candidate) => candidate.is(event));
      if (!definition?.is(event)) {
        options.logger.error(
          { event_id: event.id, type: event.type },
          'time event with an unexpected shape ignored',
        );
        return;
      }
      for (const total of event.data.task_totals) {
        await applyTotal(trx, total);
      }
    },
  });
}
