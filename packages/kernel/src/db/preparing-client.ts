import pg from 'pg';

/**
 * Statements one connection keeps prepared. Kysely builds a bounded set of query shapes, so this is
 * a safety cap (an `in (…)` list of every length is a new text), not a working limit: past it, new
 * texts run unnamed as before.
 */
const MAX_PREPARED = 300;

/**
 * Put in a query's text (a comment) to have it planned on every execution. For queries whose best
 * plan depends on the values: after five runs PostgreSQL may switch a prepared statement to one
 * generic plan that assumes an average project, and a full-text search in the 1,000,000-task
 * project then scanned the project's whole index (190 ms instead of 17 ms).
 */
export const PLAN_EVERY_TIME = '/* plan every time */';

/**
 * A `pg` client that prepares each parameterized statement the first time its connection runs it
 * and reuses it afterwards. Unnamed statements are planned on every execution, and the task
 * queries (a dozen indexes, a sub-query) cost more to plan than to run: the list query ran at
 * 1,195/s unnamed and 6,222/s prepared in pgbench on the 2-core bench machine (bench/RESULTS.md).
 * PostgreSQL re-plans a prepared statement when a table it reads changes; `plan_cache_mode=auto`
 * keeps custom plans where the parameters matter.
 *
 * Statements without parameters (`begin`, `commit`, migration files with several statements) go
 * through the simple protocol as before.
 */
export class PreparingClient extends pg.Client {
  readonly #names = new Map<string, string>();

  override query(...args: unknown[]): any {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = this.#nameFor(text);
      if (name) {
        return super.query({ name, text, values });
      }
    }
    return (super.query as (...inner: unknown[]) => unknown)(...args);
  }

  #nameFor(text: string): string | undefined {
    let name = this.#names.get(text);
    if (name === undefined && this.#names.size < MAX_PREPARED && !text.includes(PLAN_EVERY_TIME)) {
      name = `pm${this.#names.size + 1}`;
      this.#names.set(text, name);
    }
    return name;
  }
}
