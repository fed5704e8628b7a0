import type { Priority, StatusCategory, TaskSort, TaskViewFilters } from './task.types.ts';

export type FilterName = keyof TaskViewFilters;

export const PRIORITIES: readonly Priority[] = ['urgent', 'high', 'medium', 'low', 'none'];
export const STATUS_CATEGORIES: readonly StatusCategory[] = ['todo', 'in_progress', 'done'];
export const TASK_SORTS: readonly TaskSort[] = ['rank', 'due_date', 'priority', 'created_at', 'updated_at'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TAG = /^[^\s,]{1,50}$/;

type Parser<T> = (raw: string) => T | undefined;

const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw) =>
    (values as readonly string[]).includes(raw) ? (raw as T) : undefined;
const matching =
  (pattern: RegExp, max = 200): Parser<string> =>
  (raw) =>
    raw.length <= max && pattern.test(raw) ? raw : undefined;
const flag: Parser<boolean> = (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined);

/**
 * How each filter is read from the URL. Values the API would refuse are dropped, so a hand-edited
 * or outdated link still opens the list instead of an error.
 */
const PARSERS: { [K in FilterName]-?: Parser<NonNullable<TaskViewFilters[K]>> } = {
  status: matching(/^.{1,50}$/),
  status_category: oneOf(STATUS_CATEGORIES),
  assignee: (raw) => (raw === 'me' || raw === 'unassigned' || UUID.test(raw) ? raw : undefined),
  priority: oneOf(PRIORITIES),
  tag: matching(TAG),
  milestone_id: matching(UUID),
  due_before: matching(DAY),
  due_after: matching(DAY),
  overdue: flag,
  blocked: flag,
  q: (raw) => (raw.trim() && raw.length <= 200 ? raw : undefined),
};

export const FILTER_NAMES = Object.keys(PARSERS) as FilterName[];

/** The filters in a URL's query (unknown or invalid values left out). */
export function readFilters(params: URLSearchParams): TaskViewFilters {
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const raw = params.get(name);
    const value = raw === null ? undefined : PARSERS[name](raw);
    if (value !== undefined) {
      filters[name] = value;
    }
  }
  return filters;
}

/** Keeps only the filters the list endpoint knows, with valid values (a saved view from an older client). */
export function cleanFilters(filters: Record<string, unknown>): TaskViewFilters {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (typeof value === 'string' || typeof value === 'boolean') {
      params.set(name, String(value));
    }
  }
  return readFilters(params);
}

export function readSort(params: URLSearchParams): TaskSort | undefined {
  const raw = params.get('sort');
  return raw ? oneOf(TASK_SORTS)(raw) : undefined;
}

/**
 * The URL query with these filters and sort, keeping the parameters that are not filters
 * (the open task, the selected view).
 */
export function writeFilters(
  params: URLSearchParams,
  filters: TaskViewFilters,
  sort: TaskSort | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of [...FILTER_NAMES, 'sort']) {
    next.delete(name);
  }
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== '') {
      next.set(name, String(value));
    }
  }
  if (sort && sort !== 'rank') {
    next.set('sort', sort);
  }
  return next;
}

export function countFilters(filters: TaskViewFilters): number {
  return FILTER_NAMES.filter((name) => filters[name] !== undefined && filters[name] !== '').length;
}

/** Same filters and sort, whatever the order they were written in. */
export function isSameQuery(
  a: { filters: TaskViewFilters; sort: TaskSort | undefined },
  b: { filters: TaskViewFilters; sort: TaskSort | undefined },
): boolean {
  const sortOf = (sort: TaskSort | undefined) => sort ?? 'rank';
  return (
    sortOf(a.sort) === sortOf(b.sort) &&
    FILTER_NAMES.every((name) => (a.filters[name] ?? undefined) === (b.filters[name] ?? undefined))
  );
}
