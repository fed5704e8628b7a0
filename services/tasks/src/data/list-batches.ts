import { queryTemplate, StatementBatcher, type QueryTemplate } from '@pm/kernel';
import { sql, type Compilable, type Kysely } from 'kysely';
import { LOOKUPS_TOGETHER, lookupRows } from './lookup-batch.ts';
import type { ListedTask } from './task-list.repository.ts';
import type { TasksDatabase } from './tasks.tables.ts';

type Values = Record<string, string | number>;

/** A list query of one shape for these values: the caller's, or columns of the batch's lookups. */
export type ListBuild<F> = (db: Kysely<TasksDatabase>, values: Values, flags: F) => Compilable<unknown>;

/**
 * Lists of one shape (the same values set, the same flags) that come while one runs go together in
 * the next statement, up to four at once (LOOKUPS_TOGETHER); so do a search's title tiers in a
 * project (task_title_words read in the list's order). Each list is the query of its shape
 * run for one row of the lookups (`lateral`), the lookups' values in place of its parameters. Each
 * list was a statement of its own: in the benchmark the server spent a fifth of its CPU writing
 * queries to PostgreSQL's sockets (bench/RESULTS.md). The lists keep their plan: a list query is
 * planned once for every project (generic plans, the kernel's database.ts) and run in the order
 * of its index, so a list of the lateral join reads the same rows as a list on its own.
 */
export class ListBatches<F> {
  private readonly batchers = new Map<string, StatementBatcher<Values, ListedTask[]>>();

  constructor(
    private readonly db: Kysely<TasksDatabase>,
    private readonly build: ListBuild<F>,
    /** The SQL type of each value a list may carry. */
    private readonly types: Record<string, string>,
    /** Shapes batched; past it (unusual filter mixes), undefined: the caller runs the list alone. */
    private readonly maxShapes: number,
  ) {}

  /** The list's rows, read with the lists of its shape that came meanwhile; undefined past `maxShapes`. */
  run(key: string, values: Values, flags: F): Promise<ListedTask[]> | undefined {
    let batcher = this.batchers.get(key);
    if (!batcher) {
      if (this.batchers.size >= this.maxShapes) {
        return undefined;
      }
      const template = this.template(Object.keys(values), flags);
      batcher = new StatementBatcher(async (lists: Values[]) => {
        const rows = await template.run(this.db, JSON.stringify(lists.map((list, n) => ({ n, ...list }))));
        const byList = lists.map((): ListedTask[] => []);
        // Each list's rows come in its order: a lateral sub-query is run once for each row of the lookups.
        for (const { n, ...row } of rows) {
          byList[n]!.push(row);
        }
        return byList;
      }, LOOKUPS_TOGETHER);
      this.batchers.set(key, batcher);
    }
    return batcher.run(values);
  }

  private template(
    fields: string[],
    flags: F,
  ): QueryTemplate<TasksDatabase, [string], ListedTask & { n: number }> {
    const columns = Object.fromEntries(fields.map((field) => [field, this.types[field]!]));
    const refs = Object.fromEntries(fields.map((field) => [field, sql.ref(`l.${field}`)]));
    return queryTemplate(1, (db: Kysely<TasksDatabase>, json: string) =>
      db
        .selectFrom(lookupRows<Values>(json, columns))
        .innerJoinLateral(
          sql<ListedTask>`(${this.build(db, refs as unknown as Values, flags)})`.as('x'),
          (join) => join.onTrue(),
        )
        .select(['l.n', 'x.sort_key', 'x.id', 'x.json']),
    );
  }
}
