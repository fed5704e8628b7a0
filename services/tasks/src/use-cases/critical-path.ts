import type { CriticalPath, CriticalPathQuery } from '../contract/critical-path.http.ts';
import type { TasksDeps } from '../deps.ts';
import { dateOf } from '../domain/calendar.ts';
import { CriticalPathTooLargeError, InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import { DONE_COUNTED_UP_TO } from '../domain/critical-path-assumptions.ts';
import { planCriticalPath, type PlanTask } from '../domain/critical-path.ts';
import { projectFor } from './task-access.ts';

/** Open tasks one plan may cover; beyond it the caller narrows to a milestone. */
export const CRITICAL_PATH_MAX_TASKS = 10_000;

/**
 * The critical path of a project's open tasks (or one milestone's): what must finish on time for
 * the work to end as early as possible. Viewers and up; outside the caller's projects 404.
 */
export async function criticalPath(
  deps: TasksDeps,
  userId: string,
  query: CriticalPathQuery,
): Promise<CriticalPath> {
  const project = await projectFor(deps, userId, query.project_id, 'read');
  const milestoneId = query.milestone_id;
  if (milestoneId && !(await deps.access.isMilestoneOf(project.id, milestoneId))) {
    throw new InvalidTaskFieldError('milestone_id', 'is not a milestone of the project');
  }
  const scope = { projectId: project.id, milestoneId };
  const tasks = await deps.criticalPath.openTasks(scope, CRITICAL_PATH_MAX_TASKS + 1);
  if (tasks.length > CRITICAL_PATH_MAX_TASKS) {
    throw new CriticalPathTooLargeError(CRITICAL_PATH_MAX_TASKS);
  }
  const dependencies = await deps.criticalPath.dependencies(scope);
  const outside = new Map<string, PlanTask>();
  for (const { in_scope: inScope, blocker } of dependencies) {
    if (!inScope) {
      outside.set(blocker.id, blocker);
    }
  }
  const plan = planCriticalPath({
    today: query.today ?? dateOf(deps.clock.now()),
    tasks,
    outside: [...outside.values()],
    dependencies,
    omittedDoneCount: await deps.criticalPath.doneCount(scope, DONE_COUNTED_UP_TO + 1),
  });
  return { project_id: project.id, milestone_id: milestoneId ?? null, ...plan };
}
