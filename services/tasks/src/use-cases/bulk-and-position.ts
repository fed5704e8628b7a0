import type { BulkUpdateBody, PositionBody, Task } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { rankBetween } from '../domain/rank.ts';
import { InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import type { TaskChanges } from '../data/task.repository.ts';
import { applyChanges, changeTask, validChanges } from './change-task.ts';
import { taskFor } from './task-access.ts';

/**
 * Applies the same changes to a selection. Every task and its changes are checked first (an
 * invisible task answers 404 naming its index, a read-only one 403, a status missing from one
 * task's workflow 400), so a refused selection changes nothing; then each task changes in its own
 * transaction with its own activity and events.
 */
export async function bulkUpdateTasks(
  deps: TasksDeps,
  userId: string,
  body: BulkUpdateBody,
): Promise<Task[]> {
  const { add_tags: addTags = [], remove_tags: removeTags = [], ...fields } = body.changes;
  const tagged = addTags.length > 0 || removeTags.length > 0;
  const checked: { task: Task; changes: TaskChanges }[] = [];
  for (const [i, id] of body.task_ids.entries()) {
    const { task, project } = await taskFor(deps, userId, id, 'write', `task_ids[${i}]`);
    const tags = [...new Set([...task.tags, ...addTags])].filter((tag) => !removeTags.includes(tag));
    const changes = await validChanges(deps, project, task, { ...fields, ...(tagged ? { tags } : {}) });
    checked.push({ task, changes });
  }
  const updated: Task[] = [];
  for (const { task, changes } of checked) {
    updated.push(await applyChanges(deps, userId, task, changes));
  }
  return updated;
}

async function neighbour(
  deps: TasksDeps,
  userId: string,
  task: Task,
  id: string,
  field: string,
): Promise<Task> {
  const { task: other } = await taskFor(deps, userId, id, 'read', field);
  if (other.project_id !== task.project_id || other.id === task.id) {
    throw new InvalidTaskFieldError(field, 'is not another task of the same project');
  }
  return other;
}

/** A new rank between the given neighbours; the rest of the board keeps its ranks. */
export async function moveTask(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  body: PositionBody,
): Promise<Task> {
  const { task } = await taskFor(deps, userId, idOrKey, 'write');
  const after = body.after_id ? await neighbour(deps, userId, task, body.after_id, 'after_id') : undefined;
  const before = body.before_id
    ? await neighbour(deps, userId, task, body.before_id, 'before_id')
    : undefined;
  let low: string | null;
  let high: string | null;
  if (after) {
    low = after.rank;
    high = before
      ? before.rank
      : await deps.tasks.neighbourRank(task.project_id, after.rank, 'next', task.id);
  } else if (before) {
    high = before.rank;
    low = await deps.tasks.neighbourRank(task.project_id, before.rank, 'previous', task.id);
  } else {
    low = await lastRank(deps, task);
    high = null;
  }
  if (low !== null && high !== null && low >= high) {
    throw new InvalidTaskFieldError('before_id', 'comes before after_id on the board');
  }
  const rank = rankBetween(low, high);
  return changeTask(
    deps,
    userId,
    task.id,
    { ...(body.status ? { status: body.status } : {}), rank },
    body.version,
  );
}

/** The last rank of the project other than the task's own. */
async function lastRank(deps: TasksDeps, task: Task): Promise<string | null> {
  const last = await deps.tasks.lastRank(deps.db, task.project_id);
  return last === task.rank
    ? await deps.tasks.neighbourRank(task.project_id, task.rank, 'previous', task.id)
    : last;
}
