import { sql, type AliasedRawBuilder } from 'kysely';

/**
 * `rows` as the rows of a `from` item named `alias`, with the given column types (`rows` may also
 * come as their JSON text already, as a query template's argument does): one `jsonb`
 * parameter whatever their number, so a statement that inserts them keeps one text (and one
 * prepared statement). Lets an insert be part of a bigger statement and depend on it, as in
 * `insert … select … from <rows> where exists (select 1 from changed)`. Column names and types are
 * the caller's constants, never input.
 */
export function jsonRows<R extends Record<string, unknown>, A extends string>(
  rows: R[] | string,
  alias: A,
  columns: { [K in keyof R & string]: string },
): AliasedRawBuilder<R, A> {
  const definition = Object.entries(columns)
    .map(([name, type]) => `"${name}" ${type}`)
    .join(', ');
  return sql<R>`jsonb_to_recordset(${typeof rows === 'string' ? rows : JSON.stringify(rows)}::jsonb)`.as<A>(sql.raw(`${alias}(${definition})`));
}
