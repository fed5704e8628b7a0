import { sql, type Kysely } from 'kysely';
import type { PlanDependency, PlanTask } from '../domain/critical-path.ts';
import type { TasksDatabase } from './tasks.tables.ts';

/** The tasks a plan covers: a project, or one milestone of it. */
export interface PlanScope {
  projectId: string;
  milestoneId?: string | undefined;
}

/** Task `alias` belongs to the scope. */
function inScope(alias: 's' | 'b', scope: PlanScope) {
  const project = sql<boolean>`${sql.ref(`${alias}.project_id`)} = ${scope.projectId}`;
  return scope.milestoneId
    ? sql<boolean>`(${project} and ${sql.ref(`${alias}.milestone_id`)} = ${scope.milestoneId})`
    : project;
}

/** What the critical path needs: open tasks of the scope, their dependencies and the blockers' facts. */
export class CriticalPathRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  /** Open tasks of the scope in board order; at most `limit`. */
  async openTasks(scope: PlanScope, limit: number): Promise<PlanTask[]> {
    return this.db
      .selectFrom('tasks as s')
      .innerJoin('projects as p', 'p.id', 's.project_id')
      .select([
        's.id',
        sql<string>`p.key || '-' || s.number`.as('key'),
        's.title',
        sql<number | null>`s.estimated_hours::float8`.as('estimated_hours'),
        sql<boolean>`false`.as('is_done'),
      ])
      .where(inScope('s', scope))
      .where('s.status_category', '!=', 'done')
      .orderBy('s.rank')
      .orderBy('s.id')
      .limit(limit)
      .execute();
  }

  /** Done tasks of the scope, counted up to `upTo` (a project may hold a million of them). */
  async doneCount(scope: PlanScope, upTo: number): Promise<number> {
    const row = await this.db
      .selectFrom((db) =>
        db
          .selectFrom('tasks as s')
          .select('s.id')
          .where(inScope('s', scope))
          .where('s.status_category', '=', 'done')
          .limit(upTo)
          .as('done'),
      )
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Dependencies of the scope's open tasks, each with its blocker and whether that is in the scope. */
  async dependencies(
    scope: PlanScope,
  ): Promise<(PlanDependency & { blocker: PlanTask; in_scope: boolean })[]> {
    const rows = await this.db
      .selectFrom('task_dependencies as d')
      .innerJoin('tasks as s', 's.id', 'd.task_id')
      .innerJoin('tasks as b', 'b.id', 'd.depends_on_task_id')
      .innerJoin('projects as bp', 'bp.id', 'b.project_id')
      .select([
        'd.task_id',
        'd.depends_on_task_id',
        'd.dependency_type',
        sql<string>`bp.key || '-' || b.number`.as('key'),
        'b.title',
        sql<number | null>`b.estimated_hours::float8`.as('estimated_hours'),
        sql<boolean>`b.status_category = 'done'`.as('is_done'),
        inScope('b', scope).as('in_scope'),
      ])
      .where(inScope('s', scope))
      .where('s.status_category', '!=', 'done')
      .execute();
    return rows.map(({ key, title, estimated_hours, is_done, in_scope, ...dependency }) => ({
      ...dependency,
      in_scope: Boolean(in_scope),
      blocker: { id: dependency.depends_on_task_id, key, title, estimated_hours, is_done },
    }));
  }
}
