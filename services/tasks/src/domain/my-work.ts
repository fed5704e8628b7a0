import type { Task } from '../contract/http.ts';
import type { MyWorkGroupKey } from '../contract/my-work.http.ts';
import { addDays } from './calendar.ts';

/** Days after `today` that still count as this week. */
export const THIS_WEEK_DAYS = 7;

/** The group order of the answer; every group is present, maybe empty. */
export const MY_WORK_GROUPS: MyWorkGroupKey[] = ['overdue', 'today', 'this_week', 'later', 'no_date'];

/** Where a task goes relative to `today` (both `YYYY-MM-DD`; ISO dates compare as strings). */
export function myWorkGroupOf(dueDate: string | null, today: string): MyWorkGroupKey {
  if (dueDate === null) {
    return 'no_date';
  }
  if (dueDate < today) {
    return 'overdue';
  }
  if (dueDate === today) {
    return 'today';
  }
  return dueDate <= addDays(today, THIS_WEEK_DAYS) ? 'this_week' : 'later';
}

/** Splits tasks (already sorted by due date, then priority) into the groups, keeping their order. */
export function groupMyWork(tasks: Task[], today: string): { key: MyWorkGroupKey; tasks: Task[] }[] {
  const groups = new Map(MY_WORK_GROUPS.map((key) => [key, [] as Task[]]));
  for (const task of tasks) {
    groups.get(myWorkGroupOf(task.due_date, today))!.push(task);
  }
  return MY_WORK_GROUPS.map((key) => ({ key, tasks: groups.get(key)! }));
}
