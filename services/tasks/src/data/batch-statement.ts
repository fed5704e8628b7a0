import { outboxRows, templatesPerShape, StatementBatcher, type EventEnvelope } from '@pm/kernel';
import type { Compilable, Kysely } from 'kysely';
import { activityJson, type ActivityEntry } from './activity-rows.ts';
import type { Db, TasksDatabase } from './tasks.tables.ts';

/** A write of one task in a batch statement: when, its activity rows and its events. */
interface TaskWrite {
  at: Date;
  activity: ActivityEntry[];
  events: EventEnvelope[];
}

/** A batch statement over its parameters (`batchParameters`), answering rows of tasks. */
type BatchStatement = (
  db: Kysely<TasksDatabase>,
  parameters: string[],
) => Compilable<unknown> & {
  execute(): Promise<unknown[]>;
};

/**
 * A batch statement's three parameters, each JSON text: the writes' own rows (`row`), all their
 * activity rows, and all their events as outbox rows.
 */
export function batchParameters<W extends TaskWrite>(
  writes: W[],
  row: (write: W, n: number) => object,
): string[] {
  return [
    JSON.stringify(writes.map(row)),
    activityJson(writes),
    outboxRows(writes.flatMap((write) => write.events)),
  ];
}

/**
 * Batch statements of one kind, compiled once per set of fields (building one was a tenth of a
 * write's server CPU); past 100 sets (unusual mixes) a statement is built each time.
 */
export function batchStatements(build: (fields: string[]) => BatchStatement) {
  const templates = templatesPerShape<TasksDatabase, unknown>(100);
  return async (db: Db, fields: string[], parameters: string[]) => {
    const statement = build(fields);
    const template = templates.templateFor(fields.join(','), parameters.length, (db, ...args) =>
      statement(db, args as string[]),
    );
    const rows = template ? await template.run(db, ...parameters) : await statement(db, parameters).execute();
    return rows as Record<string, unknown>[];
  };
}

/**
 * How the tasks' writes are batched: one statement of a kind at a time (with two or four at once
 * the batches were smaller and fewer status changes went through a second; bench/RESULTS.md).
 */
export const ONE_STATEMENT_AT_A_TIME = { maxBatch: 64, maxRunning: 1 };

/**
 * A batcher per set of fields, made on first use: writes that set the same fields share statements
 * of `write`; `keyOf` keeps writes of one task apart.
 */
export function batchersPerFields<W extends { fields: string[] }, R>(
  write: (writes: W[]) => Promise<R[]>,
  keyOf?: (write: W) => string,
): (item: W) => Promise<R> {
  const batchers = new Map<string, StatementBatcher<W, R>>();
  return (item) => {
    const fields = item.fields.join(',');
    let batcher = batchers.get(fields);
    if (!batcher) {
      batcher = new StatementBatcher(write, { ...ONE_STATEMENT_AT_A_TIME, ...(keyOf ? { keyOf } : {}) });
      batchers.set(fields, batcher);
    }
    return batcher.run(item);
  };
}
