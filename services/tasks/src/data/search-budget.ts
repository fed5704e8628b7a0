import { sql } from 'kysely';
import { table } from './tasks.tables.ts';

/**
 * How a search tier that no index reads in its order (the description matches; the title matches
 * of a search no title words narrow, search-words.ts) finds a page of a project's tasks. Walking the project's tasks
 * newest first and testing each stops after a page when the words are common, but reads every task
 * when they are rare: in the benchmark's 1,000,000-task project a word no task has took 0.8–1.1 s,
 * and `zebra or yak` 3.8–4.6 s. Looking the matches up as a set (the words' GIN index) and sorting them
 * is quick when they are few and slow when they are many (a word of a fifth of the descriptions:
 * 1.8 s). So a walk reads at most `walk` tasks and a look-up sorts at most `matches` matches;
 * past those, a walk goes on, the words being common after all. The title tier walks first, the
 * description tier looks up first (TaskListRepository.walkThenMatch; bench/RESULTS.md).
 */
export interface SearchBudget {
  /** The newest tasks (past the cursor) the title tier walks before its older matches are looked up. */
  walk: number;
  /** The matches looked up and sorted before the walk goes on instead. */
  matches: number;
}

export const SEARCH_BUDGET: SearchBudget = { walk: 1_000, matches: 1_000 };

/**
 * The creation time of the project's newest task past the cursor after `offset` others (newest
 * first): where a walk of `offset` + 1 tasks stops. Null when fewer tasks are left. An uncorrelated
 * sub-query, so PostgreSQL reads it once before the list.
 */
export function walkBoundary(projectId: string, offset: number, after?: [string, string]) {
  const pastCursor = after
    ? sql`and (b.created_at, b.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
    : sql``;
  return sql<Date>`(select b.created_at from ${table('tasks')} b where b.project_id = ${projectId} ${pastCursor}
    order by b.created_at desc, b.id desc offset ${offset} limit 1)`;
}
