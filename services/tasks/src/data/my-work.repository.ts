import { sql, type Kysely } from 'kysely';
import type { Task } from '../contract/http.ts';
import { PRIORITY_ORDER } from './list-orders.ts';
import { visibleProjects } from './visible-projects.ts';
import { taskQuery } from './task-fields.ts';
import { asTask } from './task.repository.ts';
import type { TasksDatabase } from './tasks.tables.ts';

/** The tasks assigned to one person, across the projects they see (index tasks_by_assignee). */
export class MyWorkRepository {
  constructor(private readonly db: Kysely<TasksDatabase>) {}

  /** Open tasks (all with `includeDone`) of live, unarchived projects, soonest due first, then priority. */
  async assignedTo(userId: string, includeDone: boolean, limit: number): Promise<Task[]> {
    let query = taskQuery(this.db)
      .where('t.assigned_to', '=', userId)
      .where('p.status', '!=', 'archived')
      .where(visibleProjects(userId));
    if (!includeDone) {
      query = query.where('t.status_category', '!=', 'done');
    }
    const rows = await query
      .orderBy(sql`t.due_date asc nulls last`)
      .orderBy(PRIORITY_ORDER)
      .orderBy('t.created_at')
      .orderBy('t.id')
      .limit(limit)
      .execute();
    return rows.map(asTask);
  }
}
