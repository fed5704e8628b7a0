import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

describe('bulk changes and board moves', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Board', key: 'BRD' });
  });
  afterAll(async () => test.close());

  const order = async () =>
    (await api(test, 'GET', `/projects/${project.id}/tasks`, { token: owner.token }))
      .json<{ items: Task[] }>()
      .items.map((t) => t.title);

  it('changes status, priority and tags of a selection, each with its own events', async () => {
    const a = await createTask(test, owner, project.id, { title: 'Bulk A', tags: ['old', 'keep'] });
    const b = await createTask(test, owner, project.id, { title: 'Bulk B' });
    const res = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: {
        task_ids: [a.id, b.id],
        changes: { status: 'in_progress', priority: 'high', add_tags: ['new'], remove_tags: ['old'] },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ id: a.id, status: 'in_progress', priority: 'high', tags: ['keep', 'new'] }),
      expect.objectContaining({ id: b.id, status: 'in_progress', priority: 'high', tags: ['new'] }),
    ]);
    const bad = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [a.id, '00000000-0000-4000-8000-000000000000'], changes: { priority: 'low' } },
    });
    expect(bad.statusCode).toBe(404);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'task_ids[1]' })]);
    expect((await api(test, 'GET', `/tasks/${a.id}`, { token: owner.token })).json().priority).toBe('high');
  });

  it('changes nothing when a status is missing from the workflow of one selected task', async () => {
    const statuses = [
      { key: 'idea', name: 'Idea', category: 'todo' },
      { key: 'doing', name: 'Doing', category: 'in_progress' },
      { key: 'shipped', name: 'Shipped', category: 'done' },
    ];
    const custom = await createProject(test, owner, {
      name: 'Other flow',
      key: 'OTH',
      settings: { workflow: { statuses } },
    });
    const here = await createTask(test, owner, project.id, { title: 'Default workflow' });
    const there = await createTask(test, owner, custom.id, { title: 'Custom workflow' });
    const res = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [here.id, there.id], changes: { status: 'in_progress' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const after = await api(test, 'GET', `/tasks/${here.id}`, { token: owner.token });
    expect(after.json()).toMatchObject({ status: here.status, version: here.version });
  });

  it('moves a task between two others without renumbering them', async () => {
    const x = await createTask(test, owner, project.id, { title: 'X' });
    const y = await createTask(test, owner, project.id, { title: 'Y' });
    const z = await createTask(test, owner, project.id, { title: 'Z' });
    const moved = await api(test, 'PUT', `/tasks/${z.id}/position`, {
      token: owner.token,
      body: { after_id: x.id, before_id: y.id, status: 'todo' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'todo' });
    expect((await order()).slice(-3)).toEqual(['X', 'Z', 'Y']);
    const first = await api(test, 'PUT', `/tasks/${y.id}/position`, {
      token: owner.token,
      body: { before_id: x.id },
    });
    expect(first.statusCode).toBe(200);
    expect((await order()).slice(-3)).toEqual(['Y', 'X', 'Z']);
    expect((await api(test, 'GET', `/tasks/${x.id}`, { token: owner.token })).json().rank).toBe(x.rank);
    const last = await api(test, 'PUT', `/tasks/${y.id}/position`, { token: owner.token, body: {} });
    expect(last.statusCode).toBe(200);
    expect((await order()).slice(-3)).toEqual(['X', 'Z', 'Y']);
    const wrong = await api(test, 'PUT', `/tasks/${y.id}/position`, {
      token: owner.token,
      body: { after_id: z.id, before_id: x.id },
    });
    expect(wrong.statusCode).toBe(400);
  });
});
