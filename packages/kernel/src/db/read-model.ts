import { sql, type Kysely, type Transaction } from 'kysely';
import { templatesPerShape } from './query-template.ts';

/**
 * Compiled statements per database handle and shape (table, keys, kept and written columns): a
 * subscriber writes the same few shapes for every event (built by Kysely each time, the copy of a
 * created task was 2% of the server's CPU creating tasks). A transaction is a handle of its own,
 * compiled for its lifetime only.
 */
const templates = new WeakMap<object, ReturnType<typeof templatesPerShape<any, unknown>>>();

function upsertIfNewer(
  db: Kysely<any>,
  table: string,
  keys: string[],
  columns: string[],
  keep: string[],
  values: unknown[],
) {
  const set = Object.fromEntries(
    columns
      .filter((column) => !keys.includes(column))
      .map((column) => [
        column,
        keep.includes(column)
          ? sql`coalesce(${sql.id(table, column)}, excluded.${sql.id(column)})`
          : sql`excluded.${sql.id(column)}`,
      ]),
  );
  return db
    .insertInto(table)
    .values(Object.fromEntries(columns.map((column, index) => [column, values[index]])))
    .onConflict((oc) =>
      oc
        .columns(keys as never[])
        .doUpdateSet(set)
        .where(sql<boolean>`${sql.id(table, 'updated_at')} <= excluded.updated_at`),
    );
}

/**
 * Writes one row of a read model fed by events, unless the row already reflects a newer event:
 * `updated_at` holds the `occurred_at` of the newest event applied, so a late, older event never
 * undoes a newer one. `keys` are the columns of the conflict target; every other column of `values`
 * is overwritten, except those `keep` names (coalesced with the stored value, e.g. a tombstone).
 */
export async function saveIfNewer(
  db: Kysely<any> | Transaction<any>,
  table: string,
  keys: string[],
  values: Record<string, unknown> & { updated_at: Date },
  keep: string[] = [],
): Promise<void> {
  // Kysely leaves out a column whose value is undefined; so does the shape.
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  let shapes = templates.get(db);
  if (!shapes) {
    shapes = templatesPerShape<any, unknown>(50);
    templates.set(db, shapes);
  }
  const key = JSON.stringify([table, keys, keep, columns]);
  const template = shapes.templateFor(key, columns.length, (handle, ...args) =>
    upsertIfNewer(handle, table, keys, columns, keep, args),
  );
  const row = columns.map((column) => values[column]);
  await (template ? template.run(db, ...row) : upsertIfNewer(db, table, keys, columns, keep, row).execute());
}
