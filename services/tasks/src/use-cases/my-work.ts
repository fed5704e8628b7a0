import type { MyWork, MyWorkQuery } from '../contract/my-work.http.ts';
import type { TasksDeps } from '../deps.ts';
import { dateOf } from '../domain/calendar.ts';
import { groupMyWork } from '../domain/my-work.ts';

/** At most this many tasks in one answer. */
export const MY_WORK_LIMIT = 500;

/** Everything assigned to the caller, grouped by due date relative to their `today`. */
export async function myWork(deps: TasksDeps, userId: string, query: MyWorkQuery): Promise<MyWork> {
  const today = query.today ?? dateOf(deps.clock.now());
  const tasks = await deps.myWork.assignedTo(userId, query.include_done ?? false, MY_WORK_LIMIT + 1);
  return {
    groups: groupMyWork(tasks.slice(0, MY_WORK_LIMIT), today),
    truncated: tasks.length > MY_WORK_LIMIT,
  };
}
