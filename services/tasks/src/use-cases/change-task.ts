import type { Task, UpdateTaskBody } from '../contract/http.ts';
import type { TaskChanges } from '../data/task.repository.ts';
import type { TasksDeps } from '../deps.ts';
import { TaskNotFoundError, VersionConflictError } from '../domain/tasks.errors.ts';
import { taskFor, type ProjectContext } from './task-access.ts';
import { taskEvents } from './task-events.ts';
import { checkAssignee, checkDueDate, checkMilestone, checkParent, statusChange } from './task-rules.ts';

/** Fields a caller asks to change; `rank` comes from moves only. */
type Requested = Omit<UpdateTaskBody, 'version'> & { rank?: string };

/** The requested changes, checked against the task's project; throws naming the first bad field. */
export async function validChanges(
  deps: TasksDeps,
  project: ProjectContext,
  task: Task,
  requested: Requested,
): Promise<TaskChanges> {
  const { status, ...rest } = requested;
  const changes: TaskChanges = { ...rest };
  if (status !== undefined) {
    Object.assign(changes, statusChange(project, status));
  }
  if (requested.assigned_to !== undefined && requested.assigned_to !== task.assigned_to) {
    await checkAssignee(deps, project, requested.assigned_to);
  }
  if (requested.parent_task_id !== undefined) {
    await checkParent(deps, project, requested.parent_task_id, task.id);
  }
  checkDueDate(requested.due_date);
  if (requested.milestone_id !== undefined && requested.milestone_id !== task.milestone_id) {
    await checkMilestone(deps, project, requested.milestone_id);
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields whose value differs from the task's (status_category follows status, so it is not listed). */
function differences(task: Task, changes: TaskChanges): string[] {
  return Object.entries(changes)
    .filter(([field, value]) => field !== 'status_category' && !sameValue(task[field as keyof Task], value))
    .map(([field]) => field);
}

/**
 * Applies a change to a task: PUT /tasks/{id}, /assign and /status. With `version`, a stale base
 * answers 409 with the current task; without it (assign, status) the last write wins. Each changed
 * field gets an activity row; events follow the outbox.
 */
export async function changeTask(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  requested: Requested,
  version?: number,
): Promise<Task> {
  const { task, project } = await taskFor(deps, userId, idOrKey, 'write');
  return applyChanges(deps, userId, task, await validChanges(deps, project, task, requested), version);
}

/**
 * How often a change is tried again on a task that others keep changing between its read and its
 * write, before it answers 409 (each retry means another change got in, so the task moves on).
 */
const MAX_ATTEMPTS = 10;

/**
 * Writes checked changes with their activity rows and events in one statement that applies only
 * to the version read (optimistic concurrency: no lock, no transaction around it, two round trips
 * fewer than locking the row first). If the task changed in between, it is read again and the
 * changes compared with it anew: with `version` a stale base answers 409, without it the last
 * write wins.
 */
export async function applyChanges(
  deps: TasksDeps,
  userId: string,
  task: Task,
  changes: TaskChanges,
  version?: number,
): Promise<Task> {
  const now = deps.clock.now();
  let current = task;
  for (let attempt = 1; ; attempt += 1) {
    if (version !== undefined && version !== current.version) {
      throw new VersionConflictError(current);
    }
    const changed = differences(current, changes);
    if (changed.length === 0) {
      return current;
    }
    const applied = Object.fromEntries(changed.map((field) => [field, changes[field as keyof TaskChanges]]));
    if (changed.includes('status')) {
      applied.status_category = changes.status_category;
    }
    const activity = changed.map((field) => ({
      task_id: current.id,
      actor_id: userId,
      field,
      from: current[field as keyof Task],
      to: changes[field as keyof TaskChanges],
    }));
    const events = taskEvents('updated', { ...current, ...applied }, userId, changed);
    const updated = await deps.tasks.update(deps.db, current.id, applied, now, {
      version: current.version,
      activity,
      events,
    });
    if (updated) {
      deps.outbox.wrote(deps.db, events);
      return updated;
    }
    const again = await deps.tasks.findById(current.id);
    if (!again) {
      throw new TaskNotFoundError();
    }
    if (attempt === MAX_ATTEMPTS) {
      throw new VersionConflictError(again);
    }
    current = again;
  }
}

export async function deleteTask(deps: TasksDeps, userId: string, idOrKey: string): Promise<void> {
  const { task } = await taskFor(deps, userId, idOrKey, 'write');
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.tasks.delete(trx, task.id);
    await deps.outbox.add(trx, ...taskEvents('deleted', task, userId));
  });
}
