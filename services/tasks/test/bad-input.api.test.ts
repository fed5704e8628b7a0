import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import {
  api,
  createProject,
  createTask,
  joinOrganization,
  signUp,
  startTasks,
  type TestUser,
} from './helpers.ts';

/** A problem+json 4xx whose errors name `field` (and nothing else). */
function expectProblem(res: LightMyRequestResponse, status: number, field: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
}

describe('bad input answers problem+json naming the field, never 500', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let task: Task;

  const create = (body: Record<string, unknown>) =>
    api(test, 'POST', `/projects/${project.id}/tasks`, {
      token: owner.token,
      body: { title: 'A task', ...body },
    });
  const update = (body: Record<string, unknown>) =>
    api(test, 'PUT', `/tasks/${task.id}`, { token: owner.token, body: { version: task.version, ...body } });
  const list = (query: string) =>
    api(test, 'GET', `/projects/${project.id}/tasks?${query}`, { token: owner.token });

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Strict', key: 'STR' });
    task = await createTask(test, owner, project.id, { title: 'Target' });
  });
  afterAll(async () => test.close());

  it('refuses a status outside the workflow on create, update and bulk change', async () => {
    expectProblem(await create({ status: 'shipped' }), 400, 'status');
    expectProblem(await update({ status: 'shipped' }), 400, 'status');
    const bulk = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [task.id], changes: { status: 'shipped' } },
    });
    expectProblem(bulk, 400, 'status');
    expectProblem(await list('status_category=finished'), 400, 'querystring.status_category');
  });

  it('refuses an assignee who is not on the project, on create and in bulk', async () => {
    const stranger = await signUp(test);
    expectProblem(await create({ assigned_to: stranger.id }), 400, 'assigned_to');
    const bulk = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [task.id], changes: { assigned_to: stranger.id } },
    });
    expectProblem(bulk, 400, 'assigned_to');
    expectProblem(await create({ assigned_to: 'not-a-uuid' }), 400, 'assigned_to');
  });

  it('refuses a dependency on a task of another organization even when the caller sees both', async () => {
    const neighbour = await signUp(test);
    await joinOrganization(test, owner, neighbour.orgId, 'admin');
    const theirs = await createProject(test, neighbour, { name: 'Neighbour' });
    const foreign = await createTask(test, neighbour, theirs.id, { title: 'Their task' });
    expect((await api(test, 'GET', `/tasks/${foreign.id}`, { token: owner.token })).statusCode).toBe(200);
    const res = await api(test, 'POST', `/tasks/${task.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: foreign.id },
    });
    expectProblem(res, 400, 'depends_on_task_id');
  });

  it('refuses a dependency cycle with 409 naming the field and the loop', async () => {
    const first = await createTask(test, owner, project.id, { title: 'First' });
    const second = await createTask(test, owner, project.id, { title: 'Second' });
    const link = (from: Task, to: Task) =>
      api(test, 'POST', `/tasks/${from.id}/dependencies`, {
        token: owner.token,
        body: { depends_on_task_id: to.id },
      });
    expect((await link(second, first)).statusCode).toBe(201);
    const cycle = await link(first, second);
    expectProblem(cycle, 409, 'depends_on_task_id');
    expect(cycle.json().cycle).toEqual([first.key, second.key, first.key]);
  });

  it('refuses due-date filters out of order or not on the calendar, on both lists', async () => {
    expectProblem(await list('due_after=2030-05-01&due_before=2030-04-01'), 400, 'querystring.due_before');
    expectProblem(await list('due_after=2030-05-01&due_before=2030-05-01'), 400, 'querystring.due_before');
    const all = await api(test, 'GET', `/tasks?due_after=2030-05-01&due_before=2030-04-01`, {
      token: owner.token,
    });
    expectProblem(all, 400, 'querystring.due_before');
    expect((await list('due_after=2030-04-01&due_before=2030-05-01')).statusCode).toBe(200);
    expectProblem(await list('due_before=2030-02-30'), 400, 'querystring.due_before');
    expectProblem(await create({ due_date: '2030-02-30' }), 400, 'due_date');
    expectProblem(await create({ due_date: '30/01/2030' }), 400, 'due_date');
  });

  it('lets a sub-task fall due after its parent: plans slip, and the parent shows it', async () => {
    const parent = await createTask(test, owner, project.id, { title: 'Parent', due_date: '2030-05-01' });
    const child = await create({ title: 'Late child', parent_task_id: parent.id, due_date: '2030-06-01' });
    expect(child.statusCode, child.body).toBe(201);
  });

  it('refuses titles and descriptions over their limits', async () => {
    expect((await create({ title: 'x'.repeat(255) })).statusCode).toBe(201);
    expectProblem(await create({ title: 'x'.repeat(256) }), 400, 'title');
    expectProblem(await create({ title: '' }), 400, 'title');
    expectProblem(await update({ title: 'y'.repeat(1000) }), 400, 'title');
    expectProblem(await create({ description: 'z'.repeat(100_001) }), 400, 'description');
  });

  it('refuses tags that are blank, spaced, too long, repeated or too many', async () => {
    expect((await create({ tags: ['backend', 'p1'] })).statusCode).toBe(201);
    expectProblem(await create({ tags: ['two words'] }), 400, 'tags[0]');
    expectProblem(await create({ tags: ['ok', 'a,b'] }), 400, 'tags[1]');
    expectProblem(await create({ tags: [''] }), 400, 'tags[0]');
    expectProblem(await create({ tags: ['t'.repeat(51)] }), 400, 'tags[0]');
    expectProblem(await create({ tags: ['same', 'same'] }), 400, 'tags');
    expectProblem(await create({ tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }), 400, 'tags');
    expectProblem(await update({ tags: 'backend' }), 400, 'tags');
    expectProblem(await list('tag=two%20words'), 400, 'querystring.tag');
  });
});
