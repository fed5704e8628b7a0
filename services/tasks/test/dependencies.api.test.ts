import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

describe('task dependencies', () => {
  let test: TestApp;
  let owner: TestUser;
  let web: Project;
  let api2: Project;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    web = await createProject(test, owner, { name: 'Web', key: 'WEB' });
    api2 = await createProject(test, owner, { name: 'Api', key: 'API' });
  });
  afterAll(async () => test.close());

  it('blocks a task until its finish_to_start blocker is done, across projects of the organization', async () => {
    const blocker = await createTask(test, owner, api2.id, { title: 'Endpoint' });
    const task = await createTask(test, owner, web.id, { title: 'Page' });
    const added = await api(test, 'POST', `/tasks/${task.key}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: blocker.id },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ depends_on_key: 'API-1', dependency_type: 'finish_to_start' });
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).json().is_blocked).toBe(
      true,
    );
    await api(test, 'PUT', `/tasks/${blocker.id}/status`, { token: owner.token, body: { status: 'done' } });
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).json().is_blocked).toBe(
      false,
    );
    const list = await api(test, 'GET', `/tasks/${task.id}/dependencies`, { token: owner.token });
    expect(list.json().items).toEqual([expect.objectContaining({ depends_on_task_id: blocker.id })]);
    const removed = await api(test, 'DELETE', `/tasks/${task.id}/dependencies/${added.json().id}`, {
      token: owner.token,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await api(test, 'GET', `/tasks/${task.id}/dependencies`, { token: owner.token })).json().items,
    ).toEqual([]);
  });

  it('refuses a cycle with 409 naming it', async () => {
    const [a, b, c] = [
      await createTask(test, owner, web.id, { title: 'A' }),
      await createTask(test, owner, web.id, { title: 'B' }),
      await createTask(test, owner, web.id, { title: 'C' }),
    ];
    const link = (from: string, to: string, type = 'start_to_start') =>
      api(test, 'POST', `/tasks/${from}/dependencies`, {
        token: owner.token,
        body: { depends_on_task_id: to, dependency_type: type },
      });
    expect((await link(a.id, b.id)).statusCode).toBe(201);
    expect((await link(b.id, c.id, 'finish_to_finish')).statusCode).toBe(201);
    const cycle = await link(c.id, a.id);
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({
      code: 'TASKS_DEPENDENCY_CYCLE',
      cycle: [c.key, a.key, b.key, c.key],
    });
    expect((await link(a.id, a.id)).statusCode).toBe(400);
    expect((await link(a.id, b.id)).statusCode).toBe(409);
  });

  it('refuses a dependency on a task of another organization, naming the field', async () => {
    const stranger = await signUp(test);
    const theirs = await createProject(test, stranger, { name: 'Theirs' });
    const foreign = await createTask(test, stranger, theirs.id);
    const mine = await createTask(test, owner, web.id);
    const res = await api(test, 'POST', `/tasks/${mine.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: foreign.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'depends_on_task_id' })]);
    const badType = await api(test, 'POST', `/tasks/${mine.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: foreign.id, dependency_type: 'sometime' },
    });
    expect(badType.statusCode).toBe(400);
  });
});
