import { jsonRows, StatementBatcher } from '@pm/kernel';

/**
 * Lookups that come while one runs go together in the next statement; up to four statements at
 * once, as reads wait on nothing. Every change of a task starts with one: batched, status changes
 * went through 3–35% faster (bench/RESULTS.md).
 */
export const LOOKUPS_TOGETHER = { maxBatch: 64, maxRunning: 4 };

/** The lookups of a batch as a `from` item `l`: their JSON text, `n` each one's place, with `columns` (name: SQL type). */
export function lookupRows<L extends object>(json: string, columns: Record<keyof L & string, string>) {
  return jsonRows<L & { n: number }, 'l'>(json, 'l', { n: 'integer', ...columns });
}

/**
 * Lookups batched (LOOKUPS_TOGETHER) into one statement, `run`, over their JSON text (lookupRows);
 * each lookup gets the row whose `placeOf` is its place, or undefined.
 */
export function lookupBatcher<L extends object, R>(
  run: (json: string) => Promise<R[]>,
  placeOf: (row: R) => number,
): StatementBatcher<L, R | undefined> {
  return new StatementBatcher(async (lookups: L[]) => {
    const rows = await run(JSON.stringify(lookups.map((lookup, n) => ({ n, ...lookup }))));
    const byPlace = new Map(rows.map((row) => [placeOf(row), row]));
    return lookups.map((_, n) => byPlace.get(n));
  }, LOOKUPS_TOGETHER);
}
