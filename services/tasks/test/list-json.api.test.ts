import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

/** Text JSON must escape, and text beyond ASCII and the Basic Multilingual Plane. */
const AWKWARD = 'Quote " backslash \\ slash / newline\ntab\tbell\u0007 é 漢字 🚀 </script>';

// Lists and reading a task send each task's JSON as the database built it (TASK_JSON); a write
// answers the parsed row through the response schema. All must give the same task, to the byte.
describe.each([
  ['PostgreSQL', false],
  ['PGlite', true],
])('a listed task is the task read on its own, on %s', (_name, embedded) => {
  let test: TestApp;
  let owner: TestUser;
  let projectId: string;
  let ids: string[];

  beforeAll(async () => {
    test = await startTasks(embedded);
    owner = await signUp(test);
    projectId = (await createProject(test, owner, { name: 'Json', key: 'JSN' })).id;
    const parent = await createTask(test, owner, projectId, {
      title: `Parent ${AWKWARD}`,
      description: AWKWARD,
      priority: 'urgent',
      tags: ['ünïcode', 'a"b'],
      due_date: '2031-02-28',
      estimated_hours: 2.5,
      actual_hours: 0.25,
      assigned_to: owner.id,
    });
    const child = await createTask(test, owner, projectId, {
      title: 'Child',
      parent_task_id: parent.id,
      status: 'done',
    });
    const blocked = await createTask(test, owner, projectId, { title: 'Blocked launch', description: null });
    const link = await api(test, 'POST', `/tasks/${blocked.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: parent.id },
    });
    expect(link.statusCode, link.body).toBe(201);
    const edit = await api(test, 'PUT', `/tasks/${blocked.id}`, {
      token: owner.token,
      body: { version: blocked.version, estimated_hours: 99998.75 },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    ids = [parent.id, child.id, blocked.id];
  });
  afterAll(async () => test?.close());

  const read = async (id: string) => {
    const res = await api(test, 'GET', `/tasks/${id}`, { token: owner.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    return res.body;
  };
  /** The task through the response schema: a status change to the status it has writes nothing. */
  const throughSchema = async (task: Task) => {
    const res = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: owner.token,
      body: { status: task.status },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it('answers the same JSON text through the list, the search and the task itself', async () => {
    const list = await api(test, 'GET', `/projects/${projectId}/tasks?limit=2`, { token: owner.token });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    const page = list.json<{ items: Task[]; next_cursor: string | null }>();
    expect(Object.keys(page)).toEqual(['items', 'next_cursor']);
    expect(page.items.map((t) => t.id)).toEqual(ids.slice(0, 2));
    expect(typeof page.next_cursor).toBe('string');
    const rest = await api(test, 'GET', `/tasks?project_id=${projectId}&cursor=${page.next_cursor}`, {
      token: owner.token,
    });
    const last = rest.json<{ items: Task[]; next_cursor: string | null }>();
    expect(last.next_cursor).toBeNull();
    const listed = [...page.items, ...last.items];
    expect(listed.map((t) => t.id)).toEqual(ids);
    for (const task of listed) {
      expect(JSON.stringify(task)).toBe(JSON.stringify(JSON.parse(await read(task.id))));
      expect(JSON.stringify(task)).toBe(JSON.stringify(JSON.parse(await throughSchema(task))));
      expect(task.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
    expect(listed[0]).toMatchObject({
      description: AWKWARD,
      tags: ['ünïcode', 'a"b'],
      due_date: '2031-02-28',
      estimated_hours: 2.5,
      actual_hours: 0.25,
      subtasks: { total: 1, done: 1 },
    });
    expect(listed[2]).toMatchObject({ description: null, is_blocked: true, estimated_hours: 99998.75 });

    const search = await api(test, 'GET', `/tasks?q=${encodeURIComponent('launch')}`, { token: owner.token });
    expect(search.statusCode, search.body).toBe(200);
    const found = search.json<{ items: Task[] }>().items;
    expect(found.map((t) => t.id)).toEqual([ids[2]]);
    expect(JSON.stringify(found[0])).toBe(JSON.stringify(JSON.parse(await read(ids[2]!))));
  });

  it('follows changes the database makes itself: a blocker done unblocks its task in the list', async () => {
    const done = await api(test, 'PUT', `/tasks/${ids[0]}/status`, {
      token: owner.token,
      body: { status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    const list = await api(test, 'GET', `/projects/${projectId}/tasks`, { token: owner.token });
    const listed = list.json<{ items: Task[] }>().items;
    expect(listed.find((t) => t.id === ids[2])).toMatchObject({ is_blocked: false });
    expect(JSON.stringify(listed[0])).toBe(done.body);
  });

  it('answers an empty page, and 404 for a project the caller does not see', async () => {
    const empty = await api(test, 'GET', `/projects/${projectId}/tasks?status=in_review`, {
      token: owner.token,
    });
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual({ items: [], next_cursor: null });
    const stranger = await signUp(test);
    const hidden = await api(test, 'GET', `/projects/${projectId}/tasks`, { token: stranger.token });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
