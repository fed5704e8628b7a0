import { apiClient } from '../../shared/api/client.ts';
import { withQuery } from '../../shared/api/page.ts';
import type { Task } from './task.types.ts';

/** The due-date buckets of `GET /my-work`, in the order the page shows them. */
export const MY_WORK_GROUPS = ['overdue', 'today', 'this_week', 'later', 'no_date'] as const;
export type MyWorkGroupKey = (typeof MY_WORK_GROUPS)[number];

export interface MyWorkGroup {
  key: MyWorkGroupKey;
  tasks: Task[];
}

export interface MyWork {
  groups: MyWorkGroup[];
  /** More than the 500 tasks the answer holds are assigned; the latest-due ones were left out. */
  truncated: boolean;
}

/**
 * Open tasks assigned to the caller in every project they see, grouped by due date relative to
 * `today` (the user's local calendar day, so "Today" means their today, not the server's).
 */
export function getMyWork(today: string, signal?: AbortSignal): Promise<MyWork> {
  return apiClient.request<MyWork>(withQuery('/my-work', { today }), signal ? { signal } : {});
}
