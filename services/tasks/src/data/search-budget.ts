import { sql, type Kysely, type RawBuilder } from 'kysely';
import { table, type TasksDatabase, type TasksTable } from './tasks.tables.ts';
import { projectsSeenBy } from './visible-projects.ts';

/**
 * How a search tier that no index reads in its order (the description matches; the title matches
 * of a search no title words narrow, search-words.ts) finds a page of a project's tasks. Walking the project's tasks
 * newest first and testing each stops after a page when the words are common, but reads every task
 * when they are rare: in the benchmark's 1,000,000-task project a word no task has took 0.8–1.1 s,
 * and `zebra or yak` 3.8–4.6 s. Looking the matches up as a set (the words' GIN index) and sorting them
 * is quick when they are few and slow when they are many (a word of a fifth of the descriptions:
 * 1.8 s). So a walk reads at most `walk` tasks and a look-up sorts at most `matches` matches;
 * past those, both go on with budgets four times larger (budgetOfRound). The title tier walks
 * first, the description tier looks up first (TaskListRepository.walkThenMatch; bench/RESULTS.md).
 */
export interface SearchBudget {
  /** The newest tasks (past the cursor) the title tier walks before its older matches are looked up. */
  walk: number;
  /** The matches looked up and sorted before the walk goes on instead. */
  matches: number;
}

export const SEARCH_BUDGET: SearchBudget = { walk: 1_000, matches: 1_000 };

/** How much larger each round's budgets are than the last's (budgetOfRound). */
export const BUDGET_GROWTH = 4;

/**
 * The budgets of a search tier's round `n` (from 0): each round walks its newest tasks past the
 * cursor (none in the description tier's first round, which only looks up), then looks up the
 * matches past the walk's last match, until a walk fills the page or a look-up finds no more
 * matches than it sorts. Past the first round's matches the walk used to go on without a bound,
 * reading every task newer than the matches: 4.3 s for a word that only the 2,000 oldest of
 * 1,000,000 descriptions hold, which the second round sorts. Growing both budgets fourfold keeps
 * the rounds' cost within a small factor of the cheaper way to the page, whichever it is. The
 * matches grow from at least one, so that a look-up eventually holds every match and the rounds
 * end.
 */
export function budgetOfRound(budget: SearchBudget, walkFirst: boolean, n: number): SearchBudget {
  if (n === 0) {
    return { walk: walkFirst ? budget.walk : 0, matches: budget.matches };
  }
  const growth = BUDGET_GROWTH ** n;
  return { walk: budget.walk * growth, matches: Math.max(budget.matches, 1) * growth };
}

/**
 * The `walk` newest tasks of the project past the cursor, newest first: the rows `t` a walk reads
 * (TaskListRepository.walkThenMatch). PostgreSQL reads them as the list asks for more, so a walk
 * that fills its page stops there. The walk's bound was the creation time of its last task, read
 * before the walk: 4,000 entries of the creation-time index and their tasks, 56 ms when those
 * tasks were not cached, however soon the walk found its page (bench/RESULTS.md).
 */
export function walkedTasks(projectId: string | RawBuilder<string>, walk: number, after?: [string, string]) {
  return sql<TasksTable>`(select * from ${table('tasks')} b where b.project_id = ${projectId} ${pastCursor(after)}
    order by b.created_at desc, b.id desc limit ${walk})`;
}

function pastCursor(after?: [string, string]) {
  return after ? sql`and (b.created_at, b.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``;
}

/**
 * A walk of each project `userId` sees (`page`: its page of `walk` tasks, walkedTasks in project
 * `vp.id`), as the newest `limit` rows of all; then, where a project's walk stopped before its page
 * was full, the newest of those stops as a row without `json`, whose `complete` says whether the
 * rows above are the search's page all the same: a full page newer than every stop. A project
 * whose walk reached its end has no stop (its count of tasks is read only when its page is short).
 */
export function walkedInEachProject(
  db: Kysely<TasksDatabase>,
  userId: string,
  page: RawBuilder<unknown>,
  walk: number,
  limit: number,
  after?: [string, string],
) {
  const rows = sql<{ id: string; json: string | null; sort_key: string | null; complete: boolean | null }>`(
    with x as materialized (
      select x.* from (select p.id from ${projectsSeenBy(userId)}) vp
      cross join lateral (
        with page as (${page})
        select page.id, page.json, page.sort_key, page.created_at from page
        union all
        (select b.id, null, null, b.created_at from ${table('tasks')} b
          where b.project_id = vp.id ${pastCursor(after)} and (select count(*) from page) < ${limit}::int
          order by b.created_at desc, b.id desc offset ${walk}::int - 1 limit 1)
      ) x
    ),
    merged as (
      select * from x where x.json is not null order by x.created_at desc, x.id desc limit ${limit}::int
    ),
    stop as (select * from x where x.json is null order by x.created_at desc, x.id desc limit 1)
    select m.id, m.json, m.sort_key, null::boolean as complete, m.created_at from merged m
    union all
    select s.id, null, null, (select count(*) from merged) = ${limit}::int
      and (select (m.created_at, m.id) from merged m order by m.created_at, m.id limit 1) > (s.created_at, s.id),
      s.created_at
    from stop s)`;
  return db
    .selectFrom(rows.as('w'))
    .select(['w.id', 'w.json', 'w.sort_key', 'w.complete'])
    .orderBy(sql`w.complete nulls first`)
    .orderBy(sql`w.created_at desc`)
    .orderBy(sql`w.id desc`);
}
