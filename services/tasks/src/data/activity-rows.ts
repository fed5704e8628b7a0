import { jsonRows } from '@pm/kernel';
import { sql, type Expression, type QueryCreator } from 'kysely';
import type { TasksDatabase } from './tasks.tables.ts';

/** One changed field of a task, as its activity history records it. */
export interface ActivityEntry {
  task_id: string;
  actor_id: string;
  field: string;
  from: unknown;
  to: unknown;
}

/** Activity entries as rows of `task_activity` for Kysely's `values`. */
export function activityRows(entries: ActivityEntry[], now: Date) {
  return entries.map((entry) => ({
    ...entry,
    from: JSON.stringify(entry.from ?? null),
    to: JSON.stringify(entry.to ?? null),
    at: now,
  }));
}

/** Each activity entry as a row of `task_activity`, all as JSON text (one parameter). */
export function activityJson(entries: { activity: ActivityEntry[]; at: Date }[]): string {
  return JSON.stringify(
    entries.flatMap(({ activity, at }) =>
      activity.map((entry) => ({ ...entry, from: entry.from ?? null, to: entry.to ?? null, at })),
    ),
  );
}

/** Activity rows (JSON text, `activityJson`) inserted by a bigger statement, if `onlyIf` holds. */
export function activityInsert(
  db: QueryCreator<TasksDatabase>,
  rows: string,
  onlyIf: Expression<boolean> = sql<boolean>`true`,
) {
  return db
    .insertInto('task_activity')
    .columns(['task_id', 'actor_id', 'field', 'from', 'to', 'at'])
    .expression(
      db
        .selectFrom(
          jsonRows(rows, 'a', {
            task_id: 'uuid',
            actor_id: 'uuid',
            field: 'text',
            from: 'jsonb',
            to: 'jsonb',
            at: 'timestamptz',
          }),
        )
        .select(['a.task_id', 'a.actor_id', 'a.field', 'a.from', 'a.to', 'a.at'])
        .where(onlyIf),
    );
}
