import type { TestApp } from '@pm/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { CommonWords } from '../src/data/common-words.ts';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

// A search's description tier is looked up with a plan made once when its words are rare by the
// words' statistics (common-words.ts): the same pages as the plan made for its words.
describe('searching for rare words', () => {
  let test: TestApp;
  let owner: TestUser;
  let projectId: string;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    projectId = (await createProject(test, owner, { name: 'Rare', key: 'RAR' })).id;
    // Ten words in 40 or 41 of the 41 tasks ("report" of the titles, nine of the descriptions),
    // "quasar" in six.
    const common = 'Export breaks weekly invoices, calendar totals, billing ledger slowly';
    for (let n = 1; n <= 40; n++) {
      const description = n % 8 === 0 ? `${common} near the quasar module` : common;
      await createTask(test, owner, projectId, { title: `Report ${n}`, description });
    }
    await createTask(test, owner, projectId, { title: 'Quasar cleanup', description: common });
    // Statistics of the ten most common words only (the default keeps 1,000, so every word of a
    // small table), taken before this server's first search, which reads them.
    await sql`alter table tasks.tasks alter column search set statistics 1`.execute(test.database.root);
    await sql`analyze tasks.tasks`.execute(test.database.root);
  });
  afterAll(async () => test.close());

  it('tells rare words from common ones by the statistics', async () => {
    const words = new CommonWords(test.database.root);
    expect(await words.rare({ words: ['export'], any: false })).toBe(false);
    expect(await words.rare({ words: ['quasar'], any: false })).toBe(true);
    expect(await words.rare({ words: ['export', 'quasar'], any: false })).toBe(true);
    expect(await words.rare({ words: ['export', 'quasar'], any: true })).toBe(false);
    expect(await words.rare({ words: ['zeppelin', 'quasar'], any: true })).toBe(true);
    expect(await words.rare({ words: [], any: false })).toBe(false);
  });

  it('pages the title matches, then the description matches, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await api(
        test,
        'GET',
        `/projects/${projectId}/tasks?q=quasar&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: owner.token },
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: Task[]; next_cursor: string | null }>();
      seen.push(...page.items.map((task) => task.title));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Quasar cleanup', 'Report 40', 'Report 32', 'Report 24', 'Report 16', 'Report 8']);
    const none = await api(test, 'GET', `/projects/${projectId}/tasks?q=zeppelin`, { token: owner.token });
    expect(none.json<{ items: Task[] }>().items).toEqual([]);
  });
});
