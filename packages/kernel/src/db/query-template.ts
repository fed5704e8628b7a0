import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/** A query built and compiled once, then run with new values. */
export interface QueryTemplate<DB, A extends unknown[], R> {
  /** Runs on `db`: the Kysely the template was made for, or one of its transactions. */
  run(db: Kysely<DB>, ...args: A): Promise<R[]>;
}

interface Compiled {
  query: CompiledQuery;
  /** For each argument, where it sits among the compiled parameters. */
  slots: number[][];
}

/** A stand-in no real value is: the compiled parameters are searched for it. */
const standIn = (index: number) => `\u0000query-template-argument-${index}\u0000`;

/**
 * A query whose text depends only on its shape, compiled on its first run and afterwards run with
 * each call's values put in place of the first call's. Building and compiling a Kysely query (its
 * nodes frozen, copied again by the schema plugin, then printed) was a fifth of the server's CPU
 * for reading one task in the benchmark (bench/RESULTS.md); the same SQL text also lets the pool
 * find its prepared statement without hashing a new string.
 *
 * `build` must use its arguments as values only: never branch on them, never splice them into raw
 * SQL. It gets stand-ins to compile with; a stand-in missing from the compiled parameters, or
 * found in the text, is refused when the template first compiles. `arity` is how many arguments
 * `build` takes after `db`.
 */
export function queryTemplate<DB, A extends unknown[], R>(
  arity: number,
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): QueryTemplate<DB, A, R> {
  let compiled: Compiled | undefined;

  const compile = (db: Kysely<DB>): Compiled => {
    const standIns = Array.from({ length: arity }, (_, index) => standIn(index));
    const query = build(db, ...(standIns as A)).compile();
    const slots = standIns.map((value, index) => {
      const at = query.parameters.flatMap((parameter, position) => (parameter === value ? [position] : []));
      if (at.length === 0 || query.sql.includes(value)) {
        throw new Error(
          `query template argument ${index} must be used as a value of the query: ${query.sql}`,
        );
      }
      return at;
    });
    return { query, slots };
  };

  return {
    async run(db, ...args) {
      compiled ??= compile(db);
      const parameters = [...compiled.query.parameters];
      compiled.slots.forEach((positions, index) => {
        for (const position of positions) {
          parameters[position] = args[index];
        }
      });
      const result = await db.executeQuery<R>({ ...compiled.query, parameters });
      return result.rows;
    },
  };
}

/**
 * Query templates of one query whose text depends on a few choices (which filters, which fields):
 * each shape, named by `key`, is compiled once, up to `max` shapes; past that (unusual mixes)
 * `templateFor` answers undefined and the caller builds the query each time.
 */
export function templatesPerShape<DB, R>(max: number) {
  const templates = new Map<string, QueryTemplate<DB, unknown[], R>>();
  return {
    templateFor(
      key: string,
      arity: number,
      build: (db: Kysely<DB>, ...args: unknown[]) => Compilable<R>,
    ): QueryTemplate<DB, unknown[], R> | undefined {
      let template = templates.get(key);
      if (!template && templates.size < max) {
        template = queryTemplate(arity, build);
        templates.set(key, template);
      }
      return template;
    },
  };
}
