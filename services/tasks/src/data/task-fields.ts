import { sql, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import { type Db, type TasksDatabase, type TasksTable } from './tasks.tables.ts';

/**
 * Whether task `t` is blocked: a finish_to_start blocker is not done. `open_blockers` counts those,
 * kept by triggers in every transaction that changes one (migrations/0003_task_open_blockers.sql);
 * `blocked=true` reads the partial index tasks_blocked.
 */
export function isBlocked(blocked: boolean) {
  return blocked ? sql<boolean>`t.open_blockers > 0` : sql<boolean>`t.open_blockers = 0`;
}

/** Task column `name` of rows `t`, typed as the table has it. */
const column = <K extends Extract<keyof TasksTable, string>>(name: K) =>
  sql<Selectable<TasksTable>[K]>`${sql.ref(`t.${name}`)}`;

/**
 * The task as the API shows it (key, dates as YYYY-MM-DD, hours as numbers, `is_blocked`), field
 * by field in the contract's order: the columns of taskQuery; the stored JSON of TASK_JSON writes
 * the same fields (ids, enums and dates quoted, text escaped, timestamps as toISOString does).
 */
const TASK_FIELDS = {
  id: column('id'),
  key: sql<string>`p.key || '-' || t.number`,
  number: column('number'),
  organization_id: column('organization_id'),
  project_id: column('project_id'),
  title: column('title'),
  description: column('description'),
  status: column('status'),
  status_category: column('status_category'),
  priority: column('priority'),
  assigned_to: column('assigned_to'),
  created_by: column('created_by'),
  due_date: sql<string | null>`to_char(t.due_date, 'YYYY-MM-DD')`,
  estimated_hours: sql<number | null>`t.estimated_hours::float8`,
  actual_hours: sql<number | null>`t.actual_hours::float8`,
  tags: column('tags'),
  milestone_id: column('milestone_id'),
  parent_task_id: column('parent_task_id'),
  rank: column('rank'),
  version: column('version'),
  is_blocked: isBlocked(true),
  // Direct sub-tasks, counted on the task by triggers (migrations/0009_task_subtask_counts.sql).
  subtasks: sql<{
    total: number;
    done: number;
  }>`json_build_object('total', t.subtasks_total, 'done', t.subtasks_done)`,
  created_at: column('created_at'),
  updated_at: column('updated_at'),
};
type TaskRow = {
  [K in keyof typeof TASK_FIELDS]: (typeof TASK_FIELDS)[K] extends RawBuilder<infer T> ? T : never;
};

/**
 * Task `t` (joined with its project `p`) as the text of its JSON in the API's answer: a list page is
 * sent without parsing each field into JavaScript and serializing it again (Node's CPU for a page
 * of 25: 0.36–0.49 ms through objects, 0.16–0.19 ms as JSON text). The fields after `id` and `key`
 * are kept on the row by PostgreSQL (`json_tail`, migrations/0011_task_json.sql), in the order and
 * the forms of TASK_FIELDS; built here field by field, they were three quarters of PostgreSQL's work
 * for a list page (bench/RESULTS.md).
 */
export const TASK_JSON = sql<string>`('{"id":"' || t.id || '","key":"' || p.key || '-' || t.number || '"' || t.json_tail)`;

/** The task as the API shows it (TASK_FIELDS). */
export function taskQuery(db: Db) {
  return taskColumns(db.selectFrom('tasks as t'));
}

/** Tasks `t` (the table, or the rows `from` gives) with their project `p`, each as its id and `json` (TASK_JSON). */
export function taskJsonQuery(db: Db, from?: RawBuilder<TasksTable>) {
  return asTaskRows(from ? db.selectFrom(from.as('t')) : db.selectFrom('tasks as t'))
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(['t.id', TASK_JSON.as('json')]);
}

/** Rows `t` a data-modifying `with` returned (`returning *`), typed as the table they came from. */
export function asTaskRows(rows: unknown) {
  return rows as SelectQueryBuilder<TasksDatabase & { t: TasksTable }, 't', object>;
}

/**
 * The task columns of `taskQuery` over rows `t`: the table, or (cast to it) the rows a write in the
 * same statement returned, so a write answers the task without a second round trip.
 */
export function taskColumns(rows: SelectQueryBuilder<TasksDatabase & { t: TasksTable }, 't', object>) {
  return rows
    .innerJoin('projects as p', 'p.id', 't.project_id')
    .select(Object.entries(TASK_FIELDS).map(([name, value]) => (value as RawBuilder<unknown>).as(name)))
    .$castTo<TaskRow>();
}
