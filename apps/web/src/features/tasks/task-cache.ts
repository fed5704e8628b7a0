import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../../shared/api/page.ts';
import { taskKeys } from './tasks.keys.ts';
import type { Task } from './task.types.ts';

function replaceIn(tasks: Task[], task: Task): Task[] {
  return tasks.some((t) => t.id === task.id) ? tasks.map((t) => (t.id === task.id ? task : t)) : tasks;
}

/**
 * Puts a task's new state everywhere it is shown: its detail (by id and by key), boards, lists
 * and sub-task lists. Filters it may have left are settled by the refetch callers ask for.
 */
export function storeTask(queryClient: QueryClient, task: Task): void {
  queryClient.setQueryData(taskKeys.detail(task.id), task);
  queryClient.setQueryData(taskKeys.detail(task.key), task);
  queryClient.setQueriesData<Task[]>({ queryKey: taskKeys.boards() }, (old) => old && replaceIn(old, task));
  queryClient.setQueriesData<Task[]>(
    { queryKey: taskKeys.details(), predicate: (q) => q.queryKey[3] === 'subtasks' },
    (old) => old && replaceIn(old, task),
  );
  queryClient.setQueriesData<InfiniteData<Page<Task>>>({ queryKey: taskKeys.lists() }, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, items: replaceIn(page.items, task) })) } : old,
  );
}

/**
 * Every collection of tasks refetches — lists, boards, searches, my work — since a changed task
 * may have entered or left their filters. Single-task details are kept (callers store those).
 */
export function refreshTaskLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({
    queryKey: taskKeys.all,
    predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[3] === 'subtasks',
  });
}

/**
 * Refetches one task wherever it is cached, whether the screen asked for it by id or by key,
 * with its history, dependencies and sub-tasks.
 */
export function invalidateTask(queryClient: QueryClient, taskId: string): void {
  void queryClient.invalidateQueries({
    queryKey: taskKeys.details(),
    predicate: (query) =>
      query.queryKey[2] === taskId || (query.state.data as Partial<Task> | undefined)?.id === taskId,
  });
}
