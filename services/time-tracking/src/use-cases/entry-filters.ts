import { decodeCursor, ValidationError } from '@pm/kernel';
import type { EntryFilters } from '../contract/http.ts';
import type { EntryFilterValues } from '../data/entry.repository.ts';
import type { Caller } from './caller-scope.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query's filters with `user_id=me` resolved; a reversed range names `to`. */
export function entryFilters(caller: Caller, query: EntryFilters): EntryFilterValues {
  if (query.from && query.to && query.to < query.from) {
    throw new ValidationError([{ field: 'to', message: 'is before from' }]);
  }
  const { user_id: userId, ...rest } = query;
  return { ...rest, ...(userId ? { user_id: userId === 'me' ? caller.id : userId } : {}) };
}

/** The (start_time, id) a page continues after; a tampered cursor answers 400. */
export function pageAfter(cursor: string | undefined): [string, string] | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) {
    return undefined;
  }
  const [start, id] = values;
  if (
    typeof start !== 'string' ||
    Number.isNaN(Date.parse(start)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return [start, id];
}
