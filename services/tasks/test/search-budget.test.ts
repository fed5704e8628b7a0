import type { TestApp } from '@pm/kernel/testing';
import type { TaskSort } from '../src/contract/http.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { budgetOfRound, type SearchBudget } from '../src/data/search-budget.ts';
import type { ListValues } from '../src/data/list-values.ts';
import { TaskListRepository, type ListedTask } from '../src/data/task-list.repository.ts';
import type { TasksDatabase } from '../src/data/tasks.tables.ts';
import { createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

// A search tier that no index reads in order walks a budget of the project's newest tasks or looks
// its matches up, and walks on past too many of them (data/search-budget.ts); a sorted search looks
// up first. With a budget of two tasks and two matches, each way is taken by a project of 14 tasks;
// every page must be the one the plain walk gives (a walk longer than the project, no look-up).
/** The flags of the repository's queries that the tests of its rounds read. */
interface SpiedFlags {
  searchTier?: number;
  walk?: boolean;
}

describe.each([
  ['PostgreSQL', false],
  ['PGlite', true],
])('a search past its walking budget finds what the walk finds, on %s', (_name, embedded) => {
  let test: TestApp;
  let owner: TestUser;
  let projectId: string;
  let otherId: string;
  let walkOnly: TaskListRepository;
  let budgeted: TaskListRepository;
  const tight: SearchBudget = { walk: 2, matches: 2 };

  /** The titles of every page of `q`, `limit` a page, in the project (or `across` projects). */
  async function pages(
    lists: TaskListRepository,
    q: string,
    limit: number,
    sort?: TaskSort,
    across = false,
  ): Promise<string[]> {
    const seen: string[] = [];
    let after: [string | number, string] | undefined;
    for (;;) {
      const rows: ListedTask[] = await lists.list(
        { userId: owner.id, q, ...(across ? {} : { project_id: projectId }) },
        sort,
        limit,
        after,
      );
      const page = rows.slice(0, limit);
      seen.push(...page.map((row) => (JSON.parse(row.json) as { title: string }).title));
      if (rows.length <= limit) {
        return seen;
      }
      const last = page[page.length - 1]!;
      after = [last.sort_key, last.id];
    }
  }

  beforeAll(async () => {
    test = await startTasks(embedded);
    owner = await signUp(test);
    projectId = (await createProject(test, owner, { name: 'Budget', key: 'BDG' })).id;
    // Oldest first: `needle` only in the two oldest descriptions, `hay` in most, `oats` in titles.
    for (let i = 1; i <= 14; i += 1) {
      const hay = i % 5 !== 0 ? ' hay' : '';
      await createTask(test, owner, projectId, {
        title: `Task ${i}${i % 3 === 0 ? ' oats' : ''}`,
        description: `Notes${i <= 2 ? ' needle' : ''}${hay}`,
        priority: ['urgent', 'high', 'medium', 'low', 'none'][i % 5],
        due_date: i % 4 === 0 ? undefined : `2031-01-${String(15 - i).padStart(2, '0')}`,
      });
    }
    otherId = (await createProject(test, owner, { name: 'Other', key: 'OTB' })).id;
    for (const [title, description] of [
      ['Hay bales', 'Stacked'],
      ['Barn', 'needle and hay'],
      ['Oats for later', 'Notes'],
    ]) {
      await createTask(test, owner, otherId, { title, description });
    }
    const db = test.database.forSchema<TasksDatabase>('tasks');
    walkOnly = new TaskListRepository(db, { walk: 1_000, matches: 0 });
    budgeted = new TaskListRepository(db, tight);
  });

  afterAll(async () => test.close());

  it.each(['needle', 'zebra', 'hay', 'hay -needle', 'needle or oats', 'oats or zebra', '-hay notes'])(
    'pages "%s" as the walk does',
    async (q) => {
      for (const limit of [1, 3, 25]) {
        expect(await pages(budgeted, q, limit)).toEqual(await pages(walkOnly, q, limit));
      }
    },
  );

  it.each(['needle', 'zebra', 'hay', 'needle or oats'])(
    'pages "%s" in every order as the walk does',
    async (q) => {
      for (const sort of ['rank', 'created_at', 'updated_at', 'due_date', 'priority'] as const) {
        for (const limit of [1, 3]) {
          expect(await pages(budgeted, q, limit, sort)).toEqual(await pages(walkOnly, q, limit, sort));
        }
      }
    },
  );

  /** The two tiers of `q` straight from the tasks of `projects`, as the oracle. */
  async function tiers(q: string, projects: string[]): Promise<string[]> {
    const { rows } = await sql<{ title: string }>`
      select title from tasks.tasks
      where project_id in (${sql.join(projects)}) and search @@ websearch_to_tsquery('english', ${q})
      order by to_tsvector('english', title) @@ websearch_to_tsquery('english', ${q}) desc,
        created_at desc, id desc`.execute(test.database.root);
    return rows.map((row) => row.title);
  }

  /** Searches with `or`: one title word of each alternative, titles holding several of them once. */
  const alternatives = [
    'oats or task',
    'task or oats',
    'task 3 or oats',
    'oats or zebra or needle',
    '-hay or oats',
  ];

  it.each(alternatives)('pages "%s" in the project as the tasks answer it', async (q) => {
    const expected = await tiers(q, [projectId]);
    expect(expected.length).toBeGreaterThan(0);
    for (const limit of [1, 3, 25]) {
      expect(await pages(budgeted, q, limit)).toEqual(expected);
      expect(await pages(walkOnly, q, limit)).toEqual(expected);
    }
  });

  it.each(['needle', 'zebra', 'hay', 'hay -needle', 'needle or oats', '-hay notes', ...alternatives])(
    'pages "%s" across projects: title matches, then description matches, each newest first',
    async (q) => {
      const expected = await tiers(q, [projectId, otherId]);
      for (const limit of [1, 3, 25]) {
        expect(await pages(budgeted, q, limit, undefined, true)).toEqual(expected);
        expect(await pages(walkOnly, q, limit, undefined, true)).toEqual(expected);
      }
    },
  );

  /**
   * Lists with a walk of 2 and a look-up of 1 as their first round, whose description tier's
   * queries are told: how many tasks each walks (`walkLimit`), how many matches each looks up.
   */
  function spiedLists() {
    const lists = new TaskListRepository(test.database.forSchema<TasksDatabase>('tasks'), {
      walk: 2,
      matches: 1,
    });
    const spy = vi.spyOn(
      lists as unknown as { run: (given: ListValues, flags: SpiedFlags) => unknown },
      'run',
    );
    const runs = () =>
      spy.mock.calls
        .filter(([, flags]) => flags.searchTier === 0)
        .map(([given, flags]) => ({ walkLimit: given.walk_limit, cap: given.match_cap, walk: flags.walk }));
    return { lists, runs };
  }

  it('walks past a look-up of too many matches only as far as the next round allows', async () => {
    // `needle`: 2 matches, both in the oldest of 14 tasks, past a look-up of 1. The walk that
    // followed had no bound and read every newer task; the next round walks 8 and sorts up to 4.
    const { lists, runs } = spiedLists();
    expect(await pages(lists, 'needle', 25)).toEqual(['Task 2', 'Task 1']);
    expect(runs()).toEqual([
      { walkLimit: undefined, cap: 1, walk: undefined },
      { walkLimit: 8, cap: undefined, walk: true },
      { walkLimit: undefined, cap: 4, walk: undefined },
    ]);
    expect([0, 1, 2].map((n) => budgetOfRound({ walk: 2, matches: 0 }, false, n))).toEqual([
      { walk: 0, matches: 0 },
      { walk: 8, matches: 4 },
      { walk: 32, matches: 16 },
    ]);
  });

  it('walks each project past a look-up of too many matches only as far as the next round allows', async () => {
    // `needle` across projects: 3 matches, past a look-up of 1. Each project's walk had no bound;
    // the next round walks 8 tasks of each, and since the walk of 14 tasks stopped short of a
    // page, looks up to 4 matches.
    const { lists, runs } = spiedLists();
    expect(await pages(lists, 'needle', 25, undefined, true)).toEqual(['Barn', 'Task 2', 'Task 1']);
    expect(runs()).toEqual([
      { walkLimit: undefined, cap: 1, walk: undefined },
      { walkLimit: 8, cap: undefined, walk: true },
      { walkLimit: undefined, cap: 4, walk: undefined },
    ]);
  });

  it('finds rare words in the oldest tasks, title matches first', async () => {
    expect(await pages(budgeted, 'needle', 25)).toEqual(['Task 2', 'Task 1']);
    expect(await pages(budgeted, 'needle or oats', 2)).toEqual([
      'Task 12 oats',
      'Task 9 oats',
      'Task 6 oats',
      'Task 3 oats',
      'Task 2',
      'Task 1',
    ]);
    expect(await pages(budgeted, 'zebra', 25)).toEqual([]);
  });
});
