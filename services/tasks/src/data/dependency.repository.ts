import { sql, type Kysely } from 'kysely';
import type { DependencyType, TaskDependency } from '../contract/http.ts';
import { table, type Db, type TasksDatabase } from './tasks.tables.ts';

/** Links between tasks (the seed's task_dependencies); `task_id` depends on `depends_on_task_id`. */
export class DependencyRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  private query(db: Db) {
    return db
      .selectFrom('task_dependencies as d')
      .innerJoin('tasks as b', 'b.id', 'd.depends_on_task_id')
      .innerJoin('projects as p', 'p.id', 'b.project_id')
      .select([
        'd.id',
        'd.task_id',
        'd.depends_on_task_id',
        sql<string>`p.key || '-' || b.number`.as('depends_on_key'),
        'b.status_category as depends_on_status_category',
        'd.dependency_type',
        'd.created_at',
      ]);
  }

  async list(taskId: string): Promise<TaskDependency[]> {
    const rows = await this.query(this.db)
      .where('d.task_id', '=', taskId)
      .orderBy('d.created_at')
      .orderBy('d.id')
      .execute();
    return rows as unknown as TaskDependency[];
  }

  async find(taskId: string, dependencyId: string, db: Db = this.db): Promise<TaskDependency | undefined> {
    const row = await this.query(db)
      .where('d.task_id', '=', taskId)
      .where('d.id', '=', dependencyId)
      .executeTakeFirst();
    return row as unknown as TaskDependency | undefined;
  }

  async exists(trx: Db, taskId: string, dependsOnId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('task_dependencies')
      .select('id')
      .where('task_id', '=', taskId)
      .where('depends_on_task_id', '=', dependsOnId)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Serializes dependency writes of one organization, so two concurrent links cannot form a cycle. */
  async lockOrganization(trx: Db, organizationId: string): Promise<void> {
    await sql`select pg_advisory_xact_lock(hashtext(${`tasks-deps:${organizationId}`}))`.execute(trx);
  }

  /**
   * A chain `from` → … → `to` along existing dependencies (ids, both ends included), if there is
   * one: adding `to` → `from` would close it into a cycle.
   */
  async path(trx: Db, from: string, to: string): Promise<string[] | undefined> {
    const result = await sql<{ path: string }>`
      with recursive walk(id, path) as (
        select d.depends_on_task_id, array[d.task_id, d.depends_on_task_id]
        from ${table('task_dependencies')} d where d.task_id = ${from}
        union all
        select d.depends_on_task_id, w.path || d.depends_on_task_id
        from ${table('task_dependencies')} d join walk w on d.task_id = w.id
        where not d.depends_on_task_id = any(w.path) and cardinality(w.path) < 1000
      )
      select array_to_string(path, ',') as path from walk where id = ${to} limit 1`.execute(trx);
    return result.rows[0]?.path.split(',');
  }

  async keysOf(trx: Db, ids: string[]): Promise<Map<string, string>> {
    const rows = await trx
      .selectFrom('tasks as t')
      .innerJoin('projects as p', 'p.id', 't.project_id')
      .select(['t.id', sql<string>`p.key || '-' || t.number`.as('key')])
      .where('t.id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.key]));
  }

  async insert(
    trx: Db,
    values: {
      task_id: string;
      depends_on_task_id: string;
      dependency_type: DependencyType;
      created_by: string;
    },
    now: Date,
  ): Promise<TaskDependency> {
    const { id } = await trx
      .insertInto('task_dependencies')
      .values({ ...values, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.find(values.task_id, id, trx))!;
  }

  async delete(trx: Db, dependencyId: string): Promise<void> {
    await trx.deleteFrom('task_dependencies').where('id', '=', dependencyId).execute();
  }
}
