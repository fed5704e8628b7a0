import { toJsonPage, toPage, type Page } from '@pm/kernel';
import type { TaskActivity, TaskListQuery } from '../contract/http.ts';
import { keysetAfter } from '../data/keyset-cursor.ts';
import type { TasksDeps } from '../deps.ts';
import { InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import { projectFor, taskFor } from './task-access.ts';

/** Both bounds are exclusive: a `due_before` not later than `due_after` can match nothing, a client mistake. */
export function checkDueRange(
  filters: Pick<TaskListQuery, 'due_before' | 'due_after'>,
  field = 'querystring.due_before',
) {
  if (filters.due_before && filters.due_after && filters.due_before <= filters.due_after) {
    throw new InvalidTaskFieldError(field, `must be later than due_after (${filters.due_after})`);
  }
}

/**
 * Tasks of one project (`project_id`) or of every project the caller sees: the page's JSON (a
 * `Page<Task>`) in UTF-8, each task's JSON built by the database.
 */
export async function listTasks(deps: TasksDeps, userId: string, query: TaskListQuery): Promise<Buffer> {
  checkDueRange(query);
  const { limit = 25, cursor, sort, ...filters } = query;
  // The list itself keeps to projects the caller sees; only an empty answer needs to know whether
  // the project is there for them (404) or just has no such tasks. One round trip instead of two.
  const rows = await deps.lists.list({ ...filters, userId }, sort, limit, keysetAfter(cursor));
  if (query.project_id && rows.length === 0) {
    await projectFor(deps, userId, query.project_id, 'read');
  }
  return toJsonPage(
    rows,
    limit,
    (row) => [row.sort_key, row.id],
    (row) => row.json,
  );
}

export async function taskActivity(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  query: { limit?: number; cursor?: string },
): Promise<Page<TaskActivity>> {
  const { task } = await taskFor(deps, userId, idOrKey, 'read');
  const limit = query.limit ?? 25;
  const after = keysetAfter(query.cursor) as [string, string] | undefined;
  const rows = await deps.tasks.activity(task.id, limit, after);
  return toPage(rows, limit, (row) => [new Date(row.at).toISOString(), row.id]);
}
