import { randomUUID } from 'node:crypto';
import { queryTemplate, type EventEnvelope, type StatementBatcher } from '@pm/kernel';
import { sql, type Kysely, type RawBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Task, TaskActivity } from '../contract/http.ts';
import type { OrgRole, ProjectRole } from '../domain/task-access.ts';
import type { ProjectAccess } from './access.repository.ts';
import { taskJsonQuery, taskQuery } from './task-fields.ts';
import { TaskCreationBatches, writeCreations, type Place } from './task-create-batch.ts';
import { TaskUpdateBatches, writeBatch } from './task-update-batch.ts';
import { activityRows, type ActivityEntry } from './activity-rows.ts';
import { lookupBatcher, lookupRows } from './lookup-batch.ts';
import { table, type Db, type ProjectsTable, type TasksDatabase, type TasksTable } from './tasks.tables.ts';

/** Columns a write may set (`number`, `rank` and identity are set by create and move only). */
export type TaskChanges = Partial<
  Pick<
    Selectable<TasksTable>,
    | 'title'
    | 'description'
    | 'status'
    | 'status_category'
    | 'priority'
    | 'assigned_to'
    | 'milestone_id'
    | 'parent_task_id'
    | 'tags'
    | 'rank'
  >
> & { due_date?: string | null; estimated_hours?: number | null; actual_hours?: number | null };

export type NewTask = TaskChanges &
  Pick<
    Selectable<TasksTable>,
    | 'organization_id'
    | 'project_id'
    | 'number'
    | 'title'
    | 'created_by'
    | 'status'
    | 'status_category'
    | 'rank'
  >;

/** Rows carry Date timestamps; the response schema serializes them. */
export function asTask(row: unknown): Task {
  return row as Task;
}

/** A task by id (compiled once: see the kernel's queryTemplate). */
const taskById = queryTemplate(1, (db: Kysely<TasksDatabase>, id: string) =>
  taskQuery(db).where('t.id', '=', id),
);

/** The project's next task number (its counter row created on the first) and its board's last rank. */
function nextNumberAndLastRank(db: Kysely<TasksDatabase>, projectId: string) {
  return db
    .insertInto('task_counters')
    .values({ project_id: projectId, last_number: 1 })
    .onConflict((oc) =>
      oc.column('project_id').doUpdateSet({ last_number: sql`task_counters.last_number + 1` }),
    )
    .returning((eb) => [
      'last_number',
      eb
        .selectFrom('tasks')
        .select((inner) => inner.fn.max('rank').as('rank'))
        .where('project_id', '=', projectId)
        .as('last_rank'),
    ]);
}

/** nextNumberAndLastRank within a caller's transaction. */
const placeInTransaction = queryTemplate(1, nextNumberAndLastRank);

/** Tasks `t` of projects `p` narrowed to live projects, with the caller's roles on each. */
function withCallerRoles<O>(
  tasks: SelectQueryBuilder<TasksDatabase & { t: TasksTable; p: ProjectsTable }, 't' | 'p', O>,
  userId: string | RawBuilder<string>,
) {
  return tasks
    .leftJoin('org_memberships as om', (join) =>
      join.onRef('om.organization_id', '=', 'p.organization_id').on('om.user_id', '=', userId),
    )
    .leftJoin('project_memberships as pm', (join) =>
      join.onRef('pm.project_id', '=', 'p.id').on('pm.user_id', '=', userId),
    )
    .select(['om.role as access_org_role', 'pm.role as access_member_role'])
    .where('p.deleted_at', 'is', null);
}

/** A task looked up for a caller. */
interface AccessLookup {
  id: string;
  user_id: string;
}

const ACCESS_LOOKUP_COLUMNS = { id: 'uuid', user_id: 'uuid' };

/**
 * Tasks of live projects, each with its caller's roles on that project and the project's details
 * (`lookupRows`; a task or caller not found answers no row for its `n`).
 */
const tasksWithAccess = queryTemplate(1, (db: Kysely<TasksDatabase>, json: string) =>
  withCallerRoles(
    taskQuery(db).innerJoin(lookupRows<AccessLookup>(json, ACCESS_LOOKUP_COLUMNS), 'l.id', 't.id'),
    sql.ref<string>('l.user_id'),
  ).select([
    sql<number>`l.n`.as('access_n'),
    'p.key as access_project_key',
    'p.status as access_project_status',
    'p.workflow as access_project_workflow',
    'p.updated_at as access_project_updated_at',
  ]),
);

/** Tasks the lookups name (`lookupRows`), as their JSON text (TASK_JSON), with the caller's roles on their live project. */
const taskJsonsWithAccess = queryTemplate(1, (db: Kysely<TasksDatabase>, json: string) =>
  withCallerRoles(
    taskJsonQuery(db).innerJoin(lookupRows<AccessLookup>(json, ACCESS_LOOKUP_COLUMNS), 'l.id', 't.id'),
    sql.ref<string>('l.user_id'),
  ).select(sql<number>`l.n`.as('access_n')),
);

type AccessRow = Awaited<ReturnType<typeof tasksWithAccess.run>>[number];
type JsonAccessRow = Awaited<ReturnType<typeof taskJsonsWithAccess.run>>[number];

export class TaskRepository {
  private readonly batches: TaskUpdateBatches;
  private readonly creations: TaskCreationBatches;

  private readonly lookups: StatementBatcher<AccessLookup, AccessRow | undefined>;
  private readonly jsonLookups: StatementBatcher<AccessLookup, JsonAccessRow | undefined>;

  constructor(private readonly db: Kysely<TasksDatabase>) {
    this.batches = new TaskUpdateBatches(db);
    this.creations = new TaskCreationBatches(db);
    this.lookups = lookupBatcher(
      (json) => tasksWithAccess.run(db, json),
      (row) => row.access_n,
    );
    this.jsonLookups = lookupBatcher(
      (json) => taskJsonsWithAccess.run(db, json),
      (row) => row.access_n,
    );
  }

  async findById(id: string, db: Db = this.db): Promise<Task | undefined> {
    const [row] = await taskById.run(db, id);
    return row ? asTask(row) : undefined;
  }

  /**
   * The task and the caller's roles on its live project, in one round trip (shared with the
   * lookups that came meanwhile, lookup-batch.ts): the separate access query was a third of the
   * database time of reading a task.
   */
  async findWithAccess(
    id: string,
    userId: string,
  ): Promise<{ task: Task; access: ProjectAccess } | undefined> {
    const row = await this.lookups.run({ id, user_id: userId });
    if (!row) {
      return undefined;
    }
    const {
      access_n: _n,
      access_org_role: orgRole,
      access_member_role: memberRole,
      access_project_key: key,
      access_project_status: status,
      access_project_workflow: workflow,
      access_project_updated_at: updatedAt,
      ...task
    } = row;
    const project = {
      id: task.project_id,
      organization_id: task.organization_id,
      key,
      status,
      workflow,
      deleted_at: null,
      updated_at: updatedAt,
    };
    return {
      task: asTask(task),
      access: { project, orgRole: orgRole ?? null, memberRole: memberRole ?? null },
    };
  }

  /**
   * The task as its JSON text, for reading it: the answer is sent as the database wrote it, as a
   * list sends its tasks. Parsing thirty columns into a task and serializing it again was a sixth
   * of the server's CPU for reading one task (bench/RESULTS.md). Read with the reads that came
   * meanwhile (lookup-batch.ts).
   */
  async findJsonWithAccess(
    id: string,
    userId: string,
  ): Promise<{ json: string; orgRole: OrgRole | null; memberRole: ProjectRole | null } | undefined> {
    const row = await this.jsonLookups.run({ id, user_id: userId });
    return (
      row && {
        json: row.json,
        orgRole: row.access_org_role ?? null,
        memberRole: row.access_member_role ?? null,
      }
    );
  }

  /** Tasks with this human key in any project (project keys are unique only per organization). */
  async idsByKey(projectKey: string, number: number): Promise<{ id: string; project_id: string }[]> {
    return this.db
      .selectFrom('tasks as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', 't.project_id'])
      .where('p.key', '=', projectKey)
      .where('t.number', '=', number)
      .where('p.deleted_at', 'is', null)
      .execute();
  }

  /** Locks the task row for the rest of the transaction and answers its version. */
  async lock(trx: Db, id: string): Promise<number | undefined> {
    const row = await trx
      .selectFrom('tasks')
      .select('version')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row?.version;
  }

  /**
   * The next number of the project's tasks and the rank at the end of its board, in one round trip:
   * in the caller's transaction, or on its own (`this.db`) with the numbers other creations take
   * meanwhile (task-create-batch.ts).
   */
  async nextPlace(trx: Db, projectId: string): Promise<Place> {
    if (trx === this.db) {
      return this.creations.place(projectId);
    }
    const [row] = await placeInTransaction.run(trx, projectId);
    return { number: row!.last_number, lastRank: row!.last_rank ?? null };
  }

  async lastRank(trx: Db, projectId: string): Promise<string | null> {
    const row = await trx
      .selectFrom('tasks')
      .select((eb) => eb.fn.max('rank').as('rank'))
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    return row?.rank ?? null;
  }

  /** The nearest rank above (`next`) or below (`previous`) `rank` in the project, ignoring one task. */
  async neighbourRank(
    projectId: string,
    rank: string,
    side: 'next' | 'previous',
    ignoreId: string,
  ): Promise<string | null> {
    const row = await this.db
      .selectFrom('tasks')
      .select('rank')
      .where('project_id', '=', projectId)
      .where('id', '!=', ignoreId)
      .where('rank', side === 'next' ? '>' : '<', rank)
      .orderBy('rank', side === 'next' ? 'asc' : 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.rank ?? null;
  }

  /**
   * Inserts the task, its activity rows and its events in one statement (data-modifying `with`s):
   * atomic on its own, so a creation needs no transaction around it; outside a caller's
   * transaction, with the creations that come meanwhile (task-create-batch.ts). The task's id is
   * chosen here so the activity rows and events can carry it; the caller tells the outbox (`wrote`)
   * afterwards.
   */
  async insert(
    trx: Db,
    task: NewTask,
    now: Date,
    activity: (id: string) => ActivityEntry[],
    events: (id: string) => EventEnvelope[] = () => [],
  ): Promise<Task> {
    const id = randomUUID();
    const fields = (Object.keys(task) as (keyof NewTask)[])
      .filter((field) => task[field] !== undefined)
      .sort();
    const creation = { id, at: now, fields, task, activity: activity(id), events: events(id) };
    const [row] =
      trx === this.db ? [await this.creations.insert(creation)] : await writeCreations(trx, [creation]);
    return asTask(row);
  }

  /**
   * Updates the task if its version is still `expected.version`, with the activity rows and events
   * of the change, in one statement that writes nothing else when the task changed meanwhile (or
   * is gone): answers the task as changed, or undefined then. Atomic on its own, with no lock or
   * transaction around it: the version check is the guard (optimistic concurrency). Outside a
   * caller's transaction, changes of other tasks that come meanwhile share the statement
   * (task-update-batch.ts).
   */
  async update(
    trx: Db,
    id: string,
    changes: TaskChanges,
    at: Date,
    expected: { version: number; activity: ActivityEntry[]; events: EventEnvelope[] },
  ): Promise<Task | undefined> {
    const fields = (Object.keys(changes) as (keyof TaskChanges)[])
      .filter((field) => changes[field] !== undefined)
      .sort();
    const update = { id, fields, changes, at, ...expected };
    const [task] = trx === this.db ? [await this.batches.write(update)] : await writeBatch(trx, [update]);
    return task && asTask(task);
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('tasks').where('id', '=', id).execute();
  }

  /** The chain of parents above `taskId` (nearest first), to refuse a parent that is a descendant. */
  async ancestorIds(taskId: string, db: Db = this.db): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive up(id, depth) as (
        select parent_task_id, 1 from ${table('tasks')} where id = ${taskId} and parent_task_id is not null
        union all
        select t.parent_task_id, up.depth + 1 from ${table('tasks')} t join up on t.id = up.id
        where t.parent_task_id is not null and up.depth < 1000
      )
      select id from up order by depth`.execute(db);
    return result.rows.map((row) => row.id);
  }

  async addActivity(trx: Db, entries: ActivityEntry[], now: Date): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    await trx.insertInto('task_activity').values(activityRows(entries, now)).execute();
  }

  async activity(taskId: string, limit: number, after?: [string, string]): Promise<TaskActivity[]> {
    let query = this.db
      .selectFrom('task_activity')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('at')
      .orderBy('id')
      .limit(limit + 1);
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('at', 'id'), '>', eb.tuple(new Date(after[0]), after[1])));
    }
    return (await query.execute()) as unknown as TaskActivity[];
  }
}
