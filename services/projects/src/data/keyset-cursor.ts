import { decodeCursor, ValidationError } from '@pm/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isKey(value: unknown, kind: 'text' | 'number' | 'date'): boolean {
  if (kind === 'number') {
    return typeof value === 'number' && Number.isInteger(value);
  }
  if (typeof value !== 'string') {
    return false;
  }
  return (
    kind === 'text' ||
    value === 'infinity' ||
    (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)))
  );
}

/**
 * The (sort key, id) a page continues after. A cursor is opaque but travels through clients, so a
 * tampered one answers 400 here instead of failing a cast in SQL.
 */
export function keysetAfter<K extends string | number>(
  cursor: string | undefined,
  kind: 'text' | 'number' | 'date',
): [K, string] | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) {
    return undefined;
  }
  const [key, id] = values;
  if (!isKey(key, kind) || typeof id !== 'string' || !UUID.test(id)) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return [key as K, id];
}
