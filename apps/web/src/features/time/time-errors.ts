import { ApiError } from '../../shared/api/problem.ts';
import type { TimeEntry } from './time.types.ts';

/** The record (an entry, a rate) as someone else saved it, carried by 409 TIME_VERSION_CONFLICT. */
export function versionConflictCurrent<T extends { id: string }>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'TIME_VERSION_CONFLICT') {
    return null;
  }
  const current = error.problem.current;
  return typeof current === 'object' && current !== null && 'id' in current ? (current as T) : null;
}

/** The entry as someone (another tab, an admin) saved it, carried by 409 TIME_VERSION_CONFLICT. */
export function entryConflictCurrent(error: unknown): TimeEntry | null {
  return versionConflictCurrent<TimeEntry>(error);
}
