import { decodeCursor, ValidationError } from '@pm/kernel';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The (sort key, id) a page continues after. A cursor is opaque but travels through clients, so a
 * tampered one answers 400 here instead of failing a cast in SQL (the list checks the key's type).
 */
export function keysetAfter(cursor: string | undefined): [string | number, string] | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) {
    return undefined;
  }
  const [key, id] = values;
  if ((typeof key !== 'string' && typeof key !== 'number') || typeof id !== 'string' || !UUID.test(id)) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return [key, id];
}
