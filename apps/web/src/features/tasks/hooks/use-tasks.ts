import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { collectPages } from '../../../shared/api/page.ts';
import { getTask, listActivity, listAttachments, listDependencies, listTasks } from '../tasks.api.ts';
import { taskKeys } from '../tasks.keys.ts';
import type { TaskFilters } from '../task.types.ts';

const LIST_PAGE_SIZE = 50;
const BOARD_PAGE_SIZE = 100;
/** A board shows at most this many pages (1,000 cards); narrower filters show the rest. */
const BOARD_MAX_PAGES = 10;

/** A filtered list a page at a time ("Load more", infinite scroll). */
export function useTaskList(filters: TaskFilters, options: { enabled?: boolean; pageSize?: number } = {}) {
  const limit = options.pageSize ?? LIST_PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: taskKeys.list({ ...filters, limit }),
    queryFn: ({ pageParam, signal }) =>
      listTasks({ ...filters, limit, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // Keep the old rows on screen while a new filter loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Every task a board shows, in rank order, as one array (cards move between columns locally). */
export function useBoardTasks(filters: TaskFilters) {
  return useQuery({
    queryKey: taskKeys.board(filters),
    queryFn: ({ signal }) =>
      collectPages(
        (cursor) =>
          listTasks(
            { ...filters, sort: 'rank', limit: BOARD_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
            signal,
          ),
        BOARD_MAX_PAGES,
      ),
    // While other filters load, keep the cards of the same project on screen (never another's).
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2].project_id === filters.project_id ? previous : undefined,
    enabled: Boolean(filters.project_id),
  });
}

/** One task by its UUID or its key (`WEB-42`). */
export function useTask(ref: string | null) {
  return useQuery({
    queryKey: taskKeys.detail(ref ?? ''),
    queryFn: ({ signal }) => getTask(ref ?? '', signal),
    enabled: Boolean(ref),
  });
}

/** Direct sub-tasks of a task, in rank order. */
export function useSubtasks(parentId: string | undefined) {
  return useQuery({
    queryKey: taskKeys.subtasks(parentId ?? ''),
    queryFn: ({ signal }) =>
      collectPages((cursor) =>
        listTasks(
          { parent_task_id: parentId, sort: 'rank', limit: BOARD_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
          signal,
        ),
      ),
    enabled: Boolean(parentId),
  });
}

export function useTaskActivity(ref: string | undefined) {
  return useQuery({
    queryKey: taskKeys.activity(ref ?? ''),
    queryFn: ({ signal }) => listActivity(ref ?? '', signal),
    enabled: Boolean(ref),
  });
}

export function useTaskDependencies(ref: string | undefined) {
  return useQuery({
    queryKey: taskKeys.dependencies(ref ?? ''),
    queryFn: ({ signal }) => listDependencies(ref ?? '', signal),
    enabled: Boolean(ref),
  });
}

export function useTaskAttachments(ref: string | undefined) {
  return useQuery({
    queryKey: taskKeys.attachments(ref ?? ''),
    queryFn: ({ signal }) => listAttachments(ref ?? '', signal),
    enabled: Boolean(ref),
  });
}

/** Tasks whose title or description matches `q` (pickers: parent, dependency). */
export function useTaskSearch(q: string, projectId?: string) {
  const text = q.trim();
  return useQuery({
    queryKey: taskKeys.search(text, projectId),
    queryFn: ({ signal }) => listTasks({ q: text, project_id: projectId, limit: 10 }, signal),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
  });
}
