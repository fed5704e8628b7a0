import { ApiError, describeError } from '../../shared/api/problem.ts';
import type { Task } from './task.types.ts';

export const VERSION_CONFLICT_MESSAGE =
  'Someone else changed this task — their version is shown; re-apply your edit.';

/** True for a write refused because it was based on an old version of the task. */
export function isVersionConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && error.code === 'TASKS_VERSION_CONFLICT';
}

/** The task as someone else saved it, carried by a version conflict. */
export function conflictCurrent(error: unknown): Task | null {
  if (!isVersionConflict(error)) {
    return null;
  }
  const current = error.problem.current;
  return typeof current === 'object' && current !== null && 'id' in current ? (current as Task) : null;
}

/** The task keys around a refused dependency cycle (`WEB-1 → WEB-2 → WEB-1`). */
export function dependencyCycle(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.code !== 'TASKS_DEPENDENCY_CYCLE') {
    return null;
  }
  const cycle = error.problem.cycle;
  return Array.isArray(cycle) ? cycle.map(String) : null;
}

/** A sentence for a banner or toast after a failed task change. */
export function describeTaskError(error: unknown): string {
  if (isVersionConflict(error)) {
    return VERSION_CONFLICT_MESSAGE;
  }
  const cycle = dependencyCycle(error);
  if (cycle) {
    return `That dependency would make a cycle: ${cycle.join(' → ')}.`;
  }
  return describeError(error);
}
