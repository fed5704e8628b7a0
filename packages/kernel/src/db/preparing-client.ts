import pg from 'pg';

/**
 * Statements one connection keeps prepared. Kysely builds a bounded set of query shapes, so this is
 * a safety cap (an `in (…)` list of every length is a new text), not a working limit: past it, new
 * texts run unnamed as before.
 */
const MAX_PREPARED = 300;

/**
 * Put in a query's text (a comment) to have it planned for its values on every execution: for
 * queries whose best plan depends on them. A full-text search in the 1,000,000-task project ran on
 * a plan made for an average project and scanned the project's whole index (190 ms instead of
 * 17 ms).
 */
export const PLAN_EVERY_TIME = '/* plan every time */';

/**
 * Run on each new connection (database.ts): prepared statements are planned once, for any values.
 * With PostgreSQL's default (`auto`) a statement whose plans for the values seen looked cheaper
 * than one plan for all is planned anew at every execution, for good: the task list of the
 * 1,000,000-task project was, and planning was two thirds of its PostgreSQL CPU (0.48 → 0.18 ms a
 * list, bench/RESULTS.md).
 */
export const PLAN_ONCE = 'set plan_cache_mode = force_generic_plan';
const PLAN_FOR_VALUES = 'set plan_cache_mode = force_custom_plan';

/**
 * Run on each new connection too: no JIT compilation of queries. PostgreSQL compiles a query whose
 * plan it estimates costly, again at every execution, and a generic plan's estimates are rough: a
 * search of three words no title holds, one index look-up a word, took 32–44 ms instead of 4, all of
 * it compiling (bench/RESULTS.md). The app's queries each read a page; none runs long enough to
 * gain from compiling.
 */
export const NO_JIT = 'set jit = off';

/**
 * A `pg` client that prepares each parameterized statement the first time its connection runs it
 * and reuses it afterwards, with its plan (PLAN_ONCE). Unnamed statements are planned on every
 * execution, and the task queries (a dozen indexes, a sub-query) cost more to plan than to run:
 * the list query ran at 1,195/s unnamed and 6,222/s prepared in pgbench on the 2-core bench
 * machine (bench/RESULTS.md). PostgreSQL plans a prepared statement again when a table it reads
 * changes. A PLAN_EVERY_TIME query runs unnamed, planned for its values, between two `set`s.
 *
 * Statements without parameters (`begin`, `commit`, migration files with several statements) go
 * through the simple protocol as before.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();

  override query(...args: unknown[]): any {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      if (text.includes(PLAN_EVERY_TIME)) {
        return this.#plannedForValues(text, values);
      }
      const name = this.#nameFor(text);
      if (name) {
        return super.query({ name, text, values });
      }
    }
    return (super.query as (...inner: unknown[]) => unknown)(...args);
  }

  /**
   * Within a transaction that then fails, the closing `set` fails too; the transaction's rollback
   * then restores the setting it started with.
   */
  async #plannedForValues(text: string, values: unknown[]): Promise<pg.QueryResult> {
    await super.query(PLAN_FOR_VALUES);
    try {
      return await super.query(text, values);
    } finally {
      await super.query(PLAN_ONCE).catch(() => undefined);
    }
  }

  #nameFor(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < MAX_PREPARED) {
      name = `pm${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return name;
  }
}
