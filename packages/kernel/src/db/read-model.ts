import { sql, type Kysely, type Transaction } from 'kysely';

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
  const set = Object.fromEntries(
    Object.keys(values)
      .filter((column) => !keys.includes(column))
      .map((column) => [
        column,
        keep.includes(column)
          ? sql`coalesce(${sql.id(table, column)}, excluded.${sql.id(column)})`
          : sql`excluded.${sql.id(column)}`,
      ]),
  );
  await db
    .insertInto(table)
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(keys as never[])
        .doUpdateSet(set)
        .where(sql<boolean>`${sql.id(table, 'updated_at')} <= excluded.updated_at`),
    )
    .execute();
}
