import { sql, type Kysely, type Transaction } from 'kysely';
import { templatesPerShape } from './query-template.ts';
import { StatementBatcher } from './statement-batcher.ts';

/** What a read-model row's statement is made of: the table, the conflict keys, the kept and written columns. */
interface RowShape {
  table: string;
  keys: string[];
  keep: string[];
  columns: string[];
}

type Row = Record<string, unknown> & { updated_at: Date };

/** Every column but the keys is overwritten, except those kept (coalesced with the stored value). */
function upsertIfNewer(db: Kysely<any>, { table, keys, keep, columns }: RowShape, rows: string) {
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
    .columns(columns)
    .expression((eb) =>
      eb
        .selectFrom(sql`jsonb_populate_recordset(null::${sql.table(table)}, ${rows}::jsonb)`.as('r'))
        .select(columns.map((column) => sql.ref(`r.${column}`).as(column))),
    )
    .onConflict((oc) =>
      oc
        .columns(keys as never[])
        .doUpdateSet(set)
        .where(sql<boolean>`${sql.id(table, 'updated_at')} <= excluded.updated_at`),
    );
}

/**
 * Compiled statements per database handle and shape: a subscriber writes the same few shapes for
 * every event (built by Kysely each time, the copy of a created task was 2% of the server's CPU
 * creating tasks). A transaction is a handle of its own, compiled for its lifetime only.
 */
const templates = new WeakMap<object, ReturnType<typeof templatesPerShape<any, unknown>>>();

/** One statement writing `rows` (JSON text) of one shape, compiled once per handle and shape. */
async function writeRows(db: Kysely<any>, shape: RowShape, key: string, rows: string): Promise<void> {
  let shapes = templates.get(db);
  if (!shapes) {
    shapes = templatesPerShape<any, unknown>(50);
    templates.set(db, shapes);
  }
  const template = shapes.templateFor(key, 1, (handle, json) => upsertIfNewer(handle, shape, json as string));
  await (template ? template.run(db, rows) : upsertIfNewer(db, shape, rows).execute());
}

/**
 * Rows saved outside a transaction while a statement of their shape runs go together in the next
 * (the kernel's group commit): a subscriber gets events as they come, one row each, and the copy
 * of each created task was a statement of its own (bench/RESULTS.md). Two rows with the same keys
 * never share a statement (an upsert may not touch one row twice); one at a time per shape, so
 * two statements never lock the same rows in opposite orders.
 */
const batchers = new WeakMap<object, Map<string, StatementBatcher<Row, undefined>>>();

function batcherFor(db: Kysely<any>, shape: RowShape, key: string): StatementBatcher<Row, undefined> {
  let byShape = batchers.get(db);
  if (!byShape) {
    byShape = new Map();
    batchers.set(db, byShape);
  }
  let batcher = byShape.get(key);
  if (!batcher) {
    batcher = new StatementBatcher(
      async (rows: Row[]) => {
        await writeRows(db, shape, key, JSON.stringify(rows));
        return rows.map(() => undefined);
      },
      {
        maxBatch: 64,
        maxRunning: 1,
        keyOf: (row) => JSON.stringify(shape.keys.map((column) => row[column])),
      },
    );
    byShape.set(key, batcher);
  }
  return batcher;
}

/**
 * Writes one row of a read model fed by events, unless the row already reflects a newer event:
 * `updated_at` holds the `occurred_at` of the newest event applied, so a late, older event never
 * undoes a newer one. `keys` are the columns of the conflict target; every other column of `values`
 * is overwritten, except those `keep` names (coalesced with the stored value, e.g. a tombstone).
 * Outside a transaction the row may share its statement with others of its shape (batcherFor).
 */
export async function saveIfNewer(
  db: Kysely<any> | Transaction<any>,
  table: string,
  keys: string[],
  values: Row,
  keep: string[] = [],
): Promise<void> {
  // A column whose value is undefined is left out, as Kysely leaves it out of an insert.
  const columns = Object.keys(values).filter((column) => values[column] !== undefined);
  const shape = { table, keys, keep, columns };
  const key = JSON.stringify([table, keys, keep, columns]);
  const row = Object.fromEntries(columns.map((column) => [column, values[column]])) as Row;
  if (db.isTransaction) {
    await writeRows(db, shape, key, JSON.stringify([row]));
    return;
  }
  await batcherFor(db, shape, key).run(row);
}
