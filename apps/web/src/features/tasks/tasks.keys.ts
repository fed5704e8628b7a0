import type { TaskFilters } from './task.types.ts';

/** Filters plus the page size: two screens asking different page sizes keep apart. */
type ListKey = TaskFilters & { limit?: number };

/** React Query keys of tasks data; invalidating `all` refreshes every task screen. */
export const taskKeys = {
  all: ['tasks'] as const,
  lists: () => ['tasks', 'list'] as const,
  /** Pages of a list (`useInfiniteQuery` data). */
  list: (filters: ListKey) => ['tasks', 'list', filters] as const,
  /** Every task of a filtered board, in one array (`useQuery` data). */
  boards: () => ['tasks', 'board'] as const,
  board: (filters: TaskFilters) => ['tasks', 'board', filters] as const,
  /** A picker's text search (one page). */
  search: (q: string, projectId: string | undefined) => ['tasks', 'search', q, projectId ?? null] as const,
  /** Keyed by what the screen asked for: a UUID or a key (`WEB-42`). */
  details: () => ['tasks', 'detail'] as const,
  detail: (ref: string) => ['tasks', 'detail', ref] as const,
  activity: (ref: string) => ['tasks', 'detail', ref, 'activity'] as const,
  dependencies: (ref: string) => ['tasks', 'detail', ref, 'dependencies'] as const,
  attachments: (ref: string) => ['tasks', 'detail', ref, 'attachments'] as const,
  subtasks: (parentId: string) => ['tasks', 'detail', parentId, 'subtasks'] as const,
};
