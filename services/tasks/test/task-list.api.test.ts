import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, createTask, pagedTitles, signUp, startTasks, type TestUser } from './helpers.ts';

describe('finding tasks', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let other: Project;
  const byTitle = new Map<string, Task>();

  const titles = async (url: string) => {
    const res = await api(test, 'GET', url, { token: owner.token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Task[] }>().items.map((t) => t.title);
  };
  /** Titles of every page of `url` (which has a query string), `limit` a page. */
  const pages = (url: string, limit = 1) => pagedTitles(test, owner, url, limit);

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Lists', key: 'LST' });
    other = await createProject(test, owner, { name: 'Other', key: 'OTH' });
    const specs: Record<string, unknown>[] = [
      {
        title: 'Fix login bug',
        description: 'Users cannot sign in with SSO',
        priority: 'urgent',
        tags: ['auth', 'bug'],
        due_date: '2020-01-10',
        assigned_to: owner.id,
      },
      {
        title: 'Write docs',
        description: 'Explain the login flow',
        priority: 'low',
        tags: ['docs'],
        due_date: '2031-03-01',
      },
      { title: 'Refactor billing', priority: 'high', status: 'in_progress', due_date: '2030-06-01' },
      {
        title: 'Old finished work',
        priority: 'none',
        status: 'done',
        due_date: '2020-01-01',
        assigned_to: owner.id,
      },
    ];
    for (const spec of specs) {
      byTitle.set(spec.title as string, await createTask(test, owner, project.id, spec));
    }
    await createTask(test, owner, other.id, { title: 'Elsewhere login' });
  });
  afterAll(async () => test.close());

  it('lists a project in rank order, the same through both routes', async () => {
    const order = ['Fix login bug', 'Write docs', 'Refactor billing', 'Old finished work'];
    expect(await titles(`/projects/${project.id}/tasks`)).toEqual(order);
    expect(await titles(`/tasks?project_id=${project.id}`)).toEqual(order);
  });

  it('filters by status, category, assignee, priority, tag, dates and overdue', async () => {
    const base = `/projects/${project.id}/tasks?`;
    expect(await titles(`${base}status=in_progress`)).toEqual(['Refactor billing']);
    expect(await titles(`${base}status_category=done`)).toEqual(['Old finished work']);
    expect(await titles(`${base}assignee=me`)).toEqual(['Fix login bug', 'Old finished work']);
    expect(await titles(`${base}assignee=unassigned`)).toEqual(['Write docs', 'Refactor billing']);
    expect(await titles(`${base}priority=high`)).toEqual(['Refactor billing']);
    expect(await titles(`${base}tag=docs`)).toEqual(['Write docs']);
    expect(await titles(`${base}due_before=2025-01-01`)).toEqual(['Fix login bug', 'Old finished work']);
    expect(await titles(`${base}due_after=2030-12-31`)).toEqual(['Write docs']);
    expect(await titles(`${base}overdue=true`)).toEqual(['Fix login bug']);
  });

  it('sorts by due date and priority with keyset pages that neither skip nor repeat', async () => {
    expect(await titles(`/projects/${project.id}/tasks?sort=priority`)).toEqual([
      'Fix login bug',
      'Refactor billing',
      'Write docs',
      'Old finished work',
    ]);
    expect(await pages(`/projects/${project.id}/tasks?sort=due_date`, 3)).toEqual([
      'Old finished work',
      'Fix login bug',
      'Refactor billing',
      'Write docs',
    ]);
    expect((await api(test, 'GET', `/tasks?cursor=garbage`, { token: owner.token })).statusCode).toBe(400);
  });

  it('searches title and description, best match first, across the projects I see', async () => {
    const found = await titles('/tasks?q=login');
    // A match in the title (weight A) outranks one in the description (weight B).
    expect(found[2]).toBe('Write docs');
    expect(new Set(found)).toEqual(new Set(['Fix login bug', 'Write docs', 'Elsewhere login']));
    expect(await titles(`/projects/${project.id}/tasks?q=${encodeURIComponent('"sign in" sso')}`)).toEqual([
      'Fix login bug',
    ]);
  });

  it('pages a search: title matches newest first, then description matches; a change does not reorder', async () => {
    expect(await pages('/tasks?q=login')).toEqual(['Elsewhere login', 'Fix login bug', 'Write docs']);
    const fix = byTitle.get('Fix login bug')!;
    const touched = await api(test, 'PUT', `/tasks/${fix.id}`, {
      token: owner.token,
      body: { version: fix.version, priority: 'high' },
    });
    expect(touched.statusCode, touched.body).toBe(200);
    expect(await pages('/tasks?q=login')).toEqual(['Elsewhere login', 'Fix login bug', 'Write docs']);
    expect(await pages(`/projects/${project.id}/tasks?q=login`)).toEqual(['Fix login bug', 'Write docs']);

    const rankCursor = (
      await api(test, 'GET', `/projects/${project.id}/tasks?limit=1`, { token: owner.token })
    ).json<{ next_cursor: string }>().next_cursor;
    const mixed = await api(test, 'GET', `/tasks?q=login&cursor=${rankCursor}`, { token: owner.token });
    expect(mixed.statusCode).toBe(400);
    expect(JSON.stringify(mixed.json())).toContain('cursor');
  });

  it("finds a project's tasks by their titles' words, newest first, as titles change and tasks go", async () => {
    const searched = await createProject(test, owner, { name: 'Search', key: 'SRC' });
    const task = async (title: string, description?: string) =>
      createTask(test, owner, searched.id, { title, ...(description ? { description } : {}) });
    const invoices = await task('Slow export of invoices');
    const mobile = await task('Exports are slow on mobile');
    await task('Slow import');
    await task('Nightly export', 'Still slow after the fix');
    const base = `/projects/${searched.id}/tasks?limit=25&q=`;
    const found = (q: string) => titles(`${base}${encodeURIComponent(q)}`);

    // Two words through the title words (stemmed: exports → export), the description match after.
    expect(await found('slow export')).toEqual([
      'Exports are slow on mobile',
      'Slow export of invoices',
      'Nightly export',
    ]);
    expect(await pages(`/projects/${searched.id}/tasks?q=slow%20export`)).toEqual([
      'Exports are slow on mobile',
      'Slow export of invoices',
      'Nightly export',
    ]);
    // With a sort, one tier: title and description matches alike.
    expect(await titles(`/projects/${searched.id}/tasks?sort=created_at&q=slow`)).toEqual([
      'Nightly export',
      'Slow import',
      'Exports are slow on mobile',
      'Slow export of invoices',
    ]);
    expect(await found('"slow on mobile"')).toEqual(['Exports are slow on mobile']);
    expect(await found('"mobile on slow"')).toEqual([]);
    // `or` and `-word` can match a title without every word: the title index answers them.
    expect(await found('slow -import')).toEqual([
      'Exports are slow on mobile',
      'Slow export of invoices',
      'Nightly export',
    ]);
    expect(await found('import or invoices')).toEqual(['Slow import', 'Slow export of invoices']);
    expect(await found('the')).toEqual([]);

    const retitled = await api(test, 'PUT', `/tasks/${invoices.id}`, {
      token: owner.token,
      body: { version: invoices.version, title: 'Fast export of invoices' },
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    expect(await found('slow export')).toEqual(['Exports are slow on mobile', 'Nightly export']);
    expect(await found('fast invoices')).toEqual(['Fast export of invoices']);
    // A sorted search looks its words up in the GIN index of the whole task, which a change rewrites.
    const sorted = (q: string) => titles(`/projects/${searched.id}/tasks?sort=created_at&q=${q}`);
    expect(await sorted('fast')).toEqual(['Fast export of invoices']);
    expect(await sorted('invoices')).toEqual(['Fast export of invoices']);
    const described = await api(test, 'PUT', `/tasks/${mobile.id}`, {
      token: owner.token,
      body: { version: mobile.version, description: 'Only on tablets' },
    });
    expect(described.statusCode, described.body).toBe(200);
    expect(await sorted('tablets')).toEqual(['Exports are slow on mobile']);
    const removed = await api(test, 'DELETE', `/tasks/${mobile.id}`, { token: owner.token });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await found('slow export')).toEqual(['Nightly export']);
    expect(await sorted('slow')).toEqual(['Nightly export', 'Slow import']);
    expect(await sorted('tablets')).toEqual([]);
    const words = await test.database.root
      .selectFrom('tasks.task_title_words')
      .select('word')
      .where('task_id', 'in', [invoices.id, mobile.id])
      .orderBy('word')
      .execute();
    expect(words.map((row) => row.word)).toEqual(['export', 'fast', 'invoic']);
    expect(await titles(`/tasks?q=${encodeURIComponent('slow export')}`)).toEqual(['Nightly export']);
  });

  it('answers searches made at once each by its own words and caller, as one at a time', async () => {
    // The title tiers of one shape in a project share statements (list-batches.ts), as lists do.
    const together = await createProject(test, owner, { name: 'Together', key: 'TGR' });
    for (const title of ['Slow export', 'Slow import', 'Fast export', 'Fast import', 'Slow sync']) {
      await createTask(test, owner, together.id, { title });
    }
    const outsider = await signUp(test);
    const searches = ['slow', 'fast', 'export', 'slow export', 'fast import', 'import or sync', 'nothing'];
    const url = (q: string, limit = 25) =>
      `/projects/${together.id}/tasks?limit=${limit}&q=${encodeURIComponent(q)}`;
    const alone: string[][] = [];
    for (const q of searches) {
      alone.push(await titles(url(q)));
    }
    expect(alone).toEqual([
      ['Slow sync', 'Slow import', 'Slow export'],
      ['Fast import', 'Fast export'],
      ['Fast export', 'Slow export'],
      ['Slow export'],
      ['Fast import'],
      ['Slow sync', 'Fast import', 'Slow import'],
      [],
    ]);
    const [atOnce, shortPages, strangers] = await Promise.all([
      Promise.all(searches.map((q) => titles(url(q)))),
      Promise.all(searches.map((q) => titles(url(q, 1)))),
      Promise.all(searches.map((q) => api(test, 'GET', url(q), { token: outsider.token }))),
    ]);
    expect(atOnce).toEqual(alone);
    expect(shortPages).toEqual(alone.map((found) => found.slice(0, 1)));
    expect(strangers.map((res) => res.statusCode)).toEqual(searches.map(() => 404));
  });

  it('rejects unknown filters, naming them', async () => {
    const res = await api(test, 'GET', `/projects/${project.id}/tasks?colour=red`, { token: owner.token });
    expect(res.statusCode).toBe(400);
    const bad = await api(test, 'GET', `/tasks?priority=asap`, { token: owner.token });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('priority');
  });
});
