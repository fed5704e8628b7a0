import { outboxInsert, queryTemplate, StatementBatcher, type EventEnvelope } from '@pm/kernel';
import { sql, type Kysely } from 'kysely';
import { activityInsert, type ActivityEntry } from './activity-rows.ts';
import {
  batchersPerFields,
  batchParameters,
  batchStatements,
  ONE_STATEMENT_AT_A_TIME,
} from './batch-statement.ts';
import { asTaskRows, taskColumns } from './task-fields.ts';
import { FIELD_TYPES } from './task-update-batch.ts';
import type { NewTask } from './task.repository.ts';
import { table, type Db, type TasksDatabase } from './tasks.tables.ts';

/** A new task (`TaskRepository.insert`), its id chosen, with its activity rows and events. */
export interface TaskCreation {
  id: string;
  at: Date;
  /** The fields it sets, sorted: creations with the same fields share a statement. */
  fields: (keyof NewTask)[];
  task: NewTask;
  activity: ActivityEntry[];
  events: EventEnvelope[];
}

/** The SQL type of each column a creation sets, as the statement's rows carry it. */
const COLUMN_TYPES: Record<keyof NewTask, string> = {
  ...FIELD_TYPES,
  organization_id: 'uuid',
  project_id: 'uuid',
  number: 'integer',
  created_by: 'uuid',
};

/** New tasks that set the same `fields` (rows: JSON text), their activity rows and events: one statement. */
function creationsQuery(db: Kysely<TasksDatabase>, fields: (keyof NewTask)[], json: string[]) {
  const [rows, activity, events] = json;
  const columns = ['id uuid, at timestamptz', ...fields.map((field) => `"${field}" ${COLUMN_TYPES[field]}`)];
  const names = sql.join(fields.map((field) => sql.ref(field)));
  const values = sql.join(fields.map((field) => sql.ref(`i.${field}`)));
  const statement = db
    .with(
      'created',
      () => sql`(insert into ${table('tasks')} (id, created_at, updated_at, ${names})
        select i.id, i.at, i.at, ${values} from jsonb_to_recordset(${rows}::jsonb) as i(${sql.raw(columns.join(', '))})
        returning *)`,
    )
    .with('activity', (db) => activityInsert(db, activity!))
    .with('events', (db) => outboxInsert(db, events!));
  return taskColumns(asTaskRows(statement.selectFrom('created as t')));
}

const creationStatements = batchStatements(
  (fields) => (db, parameters) => creationsQuery(db, fields as (keyof NewTask)[], parameters),
);

/** Inserts new tasks that set the same fields in one statement; answers each one's task. */
export async function writeCreations(db: Db, creations: TaskCreation[]): Promise<object[]> {
  const fields = creations[0]!.fields;
  const parameters = batchParameters(creations, (creation) => ({
    id: creation.id,
    at: creation.at,
    ...Object.fromEntries(fields.map((field) => [field, creation.task[field]])),
  }));
  const rows = await creationStatements(db, fields, parameters);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return creations.map((creation) => byId.get(creation.id)!);
}

/**
 * The next numbers of projects' tasks, as many per project as it appears in `projectIds` (JSON
 * text), with the rank at the end of each project's board, in one statement. Its commit does not
 * wait for the WAL to reach the disk (`synchronous_commit` off for this statement alone): the
 * counter rows stay locked until the commit, so each creation in a project waited for the one
 * before it to be flushed (bench/RESULTS.md). Nothing is lost by it: a task that takes a number
 * commits synchronously, which flushes all the WAL written before it, this update included; a
 * crash before that loses only numbers no task holds.
 */
const takePlaces = queryTemplate(1, (db: Kysely<TasksDatabase>, projectIds: string) =>
  db
    .with(
      'placed',
      () => sql`(insert into ${table('task_counters')} as c (project_id, last_number)
        select p::uuid, count(*)::int from jsonb_array_elements_text(${projectIds}::jsonb) as p group by p
        on conflict (project_id) do update set last_number = c.last_number + excluded.last_number
        returning c.project_id, c.last_number,
          (select max(rank) from ${table('tasks')} t where t.project_id = c.project_id) as last_rank,
          set_config('synchronous_commit', 'off', true) as commit_mode)`,
    )
    .selectFrom(sql<{ project_id: string; last_number: number; last_rank: string | null }>`placed`.as('p'))
    .select(['p.project_id', 'p.last_number', 'p.last_rank']),
);

/** Where a new task goes: its number in the project and the rank it is placed after. */
export interface Place {
  number: number;
  lastRank: string | null;
}

/** Takes the next number of each project named (once per creation), in one statement. */
async function writePlaces(db: Kysely<TasksDatabase>, projectIds: string[]): Promise<Place[]> {
  const rows = await takePlaces.run(db, JSON.stringify(projectIds));
  const next = new Map(
    rows.map((row) => [
      row.project_id,
      { number: row.last_number - count(projectIds, row.project_id) + 1, row },
    ]),
  );
  return projectIds.map((projectId) => {
    const place = next.get(projectId)!;
    const number = place.number;
    place.number += 1;
    return { number, lastRank: place.row.last_rank ?? null };
  });
}

function count(values: string[], value: string): number {
  return values.filter((each) => each === value).length;
}

/**
 * Creations made outside a caller's transaction share statements with those that come meanwhile
 * (group commit, as task-update-batch.ts does for changes): one takes the numbers of them all, one
 * inserts the tasks that set the same fields.
 */
export class TaskCreationBatches {
  private readonly places: StatementBatcher<string, Place>;
  readonly insert: (creation: TaskCreation) => Promise<object>;

  constructor(db: Kysely<TasksDatabase>) {
    this.places = new StatementBatcher(
      (projectIds: string[]) => writePlaces(db, projectIds),
      ONE_STATEMENT_AT_A_TIME,
    );
    this.insert = batchersPerFields((creations: TaskCreation[]) => writeCreations(db, creations));
  }

  /** The next number of the project's tasks and the rank at the end of its board. */
  place(projectId: string): Promise<Place> {
    return this.places.run(projectId);
  }
}
