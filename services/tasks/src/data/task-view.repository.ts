import type { Kysely, Selectable } from 'kysely';
import type { TaskSort } from '../contract/http.ts';
import type { TaskView, TaskViewFilters, TaskViewLayout } from '../contract/http-views.ts';
import type { TaskViewsTable } from './templates-attachments-views.tables.ts';
import type { Db, TasksDatabase } from './tasks.tables.ts';

export interface NewTaskView {
  project_id: string;
  owner_id: string;
  name: string;
  filters: TaskViewFilters;
  sort: TaskSort | null;
  layout: TaskViewLayout;
  shared: boolean;
}

export type TaskViewChanges = Partial<Pick<NewTaskView, 'name' | 'filters' | 'sort' | 'layout' | 'shared'>>;

function toTaskView(row: Selectable<TaskViewsTable>): TaskView {
  return {
    ...row,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

function encoded<T extends { filters?: TaskViewFilters }>(values: T) {
  const { filters, ...rest } = values;
  return { ...rest, ...(filters ? { filters: JSON.stringify(filters) } : {}) };
}

/** Saved views of projects' tasks (`task_views`). */
export class TaskViewRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  async findById(id: string): Promise<TaskView | undefined> {
    const row = await this.db.selectFrom('task_views').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTaskView(row) : undefined;
  }

  /** The user's personal views of the project and its shared ones, by name. */
  async visibleIn(projectId: string, userId: string): Promise<TaskView[]> {
    const rows = await this.db
      .selectFrom('task_views')
      .selectAll()
      .where('project_id', '=', projectId)
      .where((eb) => eb.or([eb('shared', '=', true), eb('owner_id', '=', userId)]))
      .orderBy((eb) => eb.fn('lower', ['name']))
      .orderBy('id')
      .execute();
    return rows.map(toTaskView);
  }

  /** Views the user owns in the project (to cap how many one person keeps). */
  async countOwned(trx: Db, projectId: string, userId: string): Promise<number> {
    const row = await trx
      .selectFrom('task_views')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('project_id', '=', projectId)
      .where('owner_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async insert(trx: Db, values: NewTaskView, now: Date): Promise<TaskView> {
    const row = await trx
      .insertInto('task_views')
      .values({
        ...encoded(values),
        filters: JSON.stringify(values.filters),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTaskView(row);
  }

  async update(trx: Db, id: string, changes: TaskViewChanges, now: Date): Promise<TaskView> {
    const row = await trx
      .updateTable('task_views')
      .set({ ...encoded(changes), updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTaskView(row);
  }

  async delete(trx: Db, id: string): Promise<void> {
    await trx.deleteFrom('task_views').where('id', '=', id).execute();
  }
}
