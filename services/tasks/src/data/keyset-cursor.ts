import { decodeCursor, ValidationError } from '@pm/kernel';
import type { Order } from './list-orders.ts';
import type { SearchTier } from './search-conditions.ts';

/** A list's sort key: the cursor's first value. */
export type SortKey = string | number;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalidCursor = () =>
  new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);

/**
 * The (sort key, id) a page continues after. A cursor is opaque but travels through clients, so a
 * tampered one answers 400 here instead of failing a cast in SQL (the list checks the key's type).
 */
export function keysetAfter(cursor: string | undefined): [SortKey, string] | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) {
    return undefined;
  }
  const [key, id] = values;
  if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string' || !UUID.test(id)) {
    throw invalidCursor();
  }
  return [key, id];
}

/** Throws unless the key fits the list's order (its type, a date's or a time's form). */
export function checkCursor(after: [SortKey, string] | undefined, order: Order) {
  if (!after) {
    return;
  }
  const [key, id] = after;
  const numeric = order.cast === 'float8' || order.cast === 'int';
  const valid =
    /^[0-9a-f-]{36}$/i.test(id) &&
    (numeric ? typeof key === 'number' : typeof key === 'string') &&
    (order.cast !== 'date' || key === 'infinity' || /^\d{4}-\d{2}-\d{2}$/.test(String(key))) &&
    (order.cast !== 'timestamptz' || !Number.isNaN(Date.parse(String(key))));
  if (!valid) {
    throw invalidCursor();
  }
}

/** The search cursor's tier, and the key within the tier. */
export function searchAfter(
  after: [SortKey, string] | undefined,
): [SearchTier, [SortKey, string]] | undefined {
  if (!after) {
    return undefined;
  }
  const match = typeof after[0] === 'string' ? /^([01]):(.+)$/.exec(after[0]) : null;
  if (!match) {
    throw invalidCursor();
  }
  return [Number(match[1]) as SearchTier, [match[2]!, after[1]]];
}
