import type { TestApp } from '@pm/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { CommonWords } from '../src/data/common-words.ts';
import { api, createProject, createTask, pagedTitles, signUp, startTasks, type TestUser } from './helpers.ts';

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
    expect(await pagedTitles(test, owner, `/projects/${projectId}/tasks?q=quasar`, 2)).toEqual([
      'Quasar cleanup',
      'Report 40',
      'Report 32',
      'Report 24',
      'Report 16',
      'Report 8',
    ]);
    const none = await api(test, 'GET', `/projects/${projectId}/tasks?q=zeppelin`, { token: owner.token });
    expect(none.json<{ items: Task[] }>().items).toEqual([]);
  });
});

// A look-up of common words in a project that holds fewer tasks than the words do also needs the
// project's own lexeme (migration 0016, common-words.ts): the same pages, title matches first.
describe('searching a small project beside a large one', () => {
  let test: TestApp;
  let owner: TestUser;
  let crowdId: string;
  let fewId: string;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    crowdId = (await createProject(test, owner, { name: 'Crowd', key: 'CRW' })).id;
    fewId = (await createProject(test, owner, { name: 'Few', key: 'FEW' })).id;
    // "invoices" in half of the 40 crowd tasks and in 5 of the 6 few ones: 25 of 46 tasks.
    for (let n = 1; n <= 40; n++) {
      const description = n % 2 === 0 ? 'Weekly invoices are late' : 'The ledger is late';
      await createTask(test, owner, crowdId, { title: `Crowd ${n}`, description });
    }
    const few = [
      { title: 'Invoice totals', description: 'The ledger is late' },
      { title: 'Few 2', description: 'Weekly invoices are late' },
      { title: 'Few 3', description: 'The ledger is late' },
      { title: 'Invoice numbers', description: 'Weekly invoices are late' },
      { title: 'Few 5', description: 'Weekly invoices are late' },
      { title: 'Few 6', description: 'Weekly invoices are late' },
    ];
    for (const fields of few) {
      await createTask(test, owner, fewId, fields);
    }
    await sql`analyze tasks.tasks`.execute(test.database.root);
  });
  afterAll(async () => test.close());

  it('adds the project to a look-up only where the project is the rarer', async () => {
    const words = new CommonWords(test.database.root);
    const invoice = { words: ['invoic'], any: false };
    expect(await words.projectNarrows(invoice, fewId)).toBe(true);
    expect(await words.projectNarrows(invoice, crowdId)).toBe(false);
    expect(await words.projectNarrows({ words: ['quasar'], any: false }, fewId)).toBe(false);
  });

  it('pages the title matches, then the description matches, of that project only', async () => {
    expect(await pagedTitles(test, owner, `/projects/${fewId}/tasks?q=invoices`, 2)).toEqual([
      'Invoice numbers',
      'Invoice totals',
      'Few 6',
      'Few 5',
      'Few 2',
    ]);
    const sorted = await api(test, 'GET', `/projects/${fewId}/tasks?q=invoices&sort=created_at`, {
      token: owner.token,
    });
    expect(sorted.statusCode, sorted.body).toBe(200);
    expect(sorted.json<{ items: Task[] }>().items.map((task) => task.title)).toEqual([
      'Few 6',
      'Few 5',
      'Invoice numbers',
      'Few 2',
      'Invoice totals',
    ]);
  });
});
