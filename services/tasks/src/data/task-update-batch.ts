import { outboxInsert, type EventEnvelope } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import { activityInsert, type ActivityEntry } from './activity-rows.ts';
import { batchersPerFields, batchParameters, batchStatements } from './batch-statement.ts';
import { asTaskRows, taskColumns } from './task-fields.ts';
import type { TaskChanges } from './task.repository.ts';
import { table, type Db, type TasksDatabase } from './tasks.tables.ts';

/** One version-guarded change of a task (`TaskRepository.update`): what it sets and what it records. */
export interface TaskUpdate {
  id: string;
  /** The task's version the change was based on; another version: nothing is written. */
  version: number;
  at: Date;
  /** The fields it sets, sorted: changes with the same fields share a statement. */
  fields: (keyof TaskChanges)[];
  changes: TaskChanges;
  activity: ActivityEntry[];
  events: EventEnvelope[];
}

/** The SQL type of each field a change may set, as the statement's rows carry it. */
export const FIELD_TYPES: Record<keyof TaskChanges, string> = {
  title: 'text',
  description: 'text',
  status: 'text',
  status_category: 'text',
  priority: 'text',
  assigned_to: 'uuid',
  milestone_id: 'uuid',
  parent_task_id: 'uuid',
  tags: 'text[]',
  rank: 'text',
  due_date: 'date',
  estimated_hours: 'numeric',
  actual_hours: 'numeric',
};

/**
 * Changes of tasks that set the same `fields` (rows: JSON text, one per change), in one statement:
 * each applies only to the version it was based on, and its activity rows and events (all the
 * changes' in one JSON text each) are written only if it applied. Answers the changed tasks, each
 * with `n`, its change's place in the rows. No two rows name one task (the batcher's key).
 */
function batchQuery(db: Kysely<TasksDatabase>, fields: (keyof TaskChanges)[], json: string[]) {
  const [rows, activity, events] = json;
  const columns = [
    'n integer, id uuid, version integer, at timestamptz, event_ids uuid[]',
    ...fields.map((field) => `"${field}" ${FIELD_TYPES[field]}`),
  ].join(', ');
  const set = sql.join(fields.map((field) => sql`${sql.ref(field)} = ${sql.ref(`i.${field}`)}`));
  const statement = db
    .with(
      'changed',
      () => sql`(update ${table('tasks')} as t set ${set}, version = t.version + 1, updated_at = i.at
        from jsonb_to_recordset(${rows}::jsonb) as i(${sql.raw(columns)})
        where t.id = i.id and t.version = i.version
        returning t.*, i.n, i.event_ids)`,
    )
    .with('activity', (db) =>
      activityInsert(db, activity!, sql<boolean>`a.task_id in (select id from changed)`),
    )
    .with('events', (db) =>
      outboxInsert(db, events!, sql<boolean>`e.id in (select unnest(event_ids) from changed)`),
    );
  return taskColumns(asTaskRows(statement.selectFrom('changed as t'))).select(sql<number>`t.n`.as('n'));
}

const changeStatements = batchStatements(
  (fields) => (db, parameters) => batchQuery(db, fields as (keyof TaskChanges)[], parameters),
);

/** Writes changes that set the same fields in one statement; answers each one's task, or undefined. */
export async function writeBatch(db: Db, updates: TaskUpdate[]): Promise<(object | undefined)[]> {
  const fields = updates[0]!.fields;
  const parameters = batchParameters(updates, (update, n) => ({
    n,
    id: update.id,
    version: update.version,
    at: update.at,
    event_ids: update.events.map((event) => event.id),
    ...Object.fromEntries(fields.map((field) => [field, update.changes[field]])),
  }));
  const rows = await changeStatements(db, fields, parameters);
  const byPlace = new Map(rows.map(({ n, ...task }) => [n, task]));
  return updates.map((_, n) => byPlace.get(n));
}

/**
 * Changes made outside a caller's transaction go through a batcher per set of fields: changes of
 * other tasks that come while one statement runs are written together by the next (group commit;
 * bench/RESULTS.md).
 */
export class TaskUpdateBatches {
  readonly write: (update: TaskUpdate) => Promise<object | undefined>;

  constructor(db: Kysely<TasksDatabase>) {
    this.write = batchersPerFields(
      (updates: TaskUpdate[]) => writeBatch(db, updates),
      (update) => update.id,
    );
  }
}
