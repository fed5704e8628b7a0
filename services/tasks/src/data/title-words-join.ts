import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { table, type ProjectsTable, type TasksDatabase, type TasksTable } from './tasks.tables.ts';

/** The list's rows: tasks `t` with their project `p`, whatever the columns chosen. */
export type TaskRows<O> = SelectQueryBuilder<
  TasksDatabase & { t: TasksTable; p: ProjectsTable },
  't' | 'p',
  O
>;

/**
 * Tasks `t` of the project whose titles hold each of `words`: the first word's rows `w1` in index
 * order (the list's order, newest first), merged with those of the others. The rows keep their
 * type: the joined tables only narrow them and give their order.
 */
export function joinTitleWords<O>(
  query: TaskRows<O>,
  projectId: string | RawBuilder<string>,
  words: string[],
): TaskRows<O> {
  return words.reduce((joined, word, index) => {
    const alias = `w${index + 1}`;
    const w = sql.raw(alias);
    const same =
      index === 0
        ? sql<boolean>`w1.project_id = ${projectId} and w1.created_at = t.created_at and w1.task_id = t.id`
        : sql<boolean>`${w}.project_id = w1.project_id and ${w}.created_at = w1.created_at and ${w}.task_id = w1.task_id`;
    return joined.innerJoin(sql`${table('task_title_words')}`.as(alias), (join) =>
      join.on(sql<boolean>`${same} and ${w}.word = ${word}`),
    );
  }, query);
}
