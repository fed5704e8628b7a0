import { injectTransport, ServiceCallError } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTasksClient, TaskCreated, type TasksClient } from '../src/contract/index.ts';
import { createProject, eventsOf, signUp, startTasks, type TestUser } from './helpers.ts';

describe('the typed client against the routes', () => {
  let test: TestApp;
  let client: TasksClient;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTasks();
    client = createTasksClient(injectTransport(test.app));
    owner = await signUp(test);
  });
  afterAll(async () => test.close());

  it('drives a task through its life, and its events match their schemas', async () => {
    const project = await createProject(test, owner, { name: 'Client', key: 'CLI' });
    const task = await client.create(owner.token, { project_id: project.id, title: 'Via client' });
    const other = await client.create(owner.token, { project_id: project.id, title: 'Blocker' });
    expect((await client.get(owner.token, 'CLI-1')).id).toBe(task.id);
    const updated = await client.update(owner.token, task.id, { version: 1, priority: 'low' });
    expect(updated.version).toBe(2);
    expect((await client.setStatus(owner.token, task.id, 'in_progress')).status).toBe('in_progress');
    expect((await client.assign(owner.token, task.id, owner.id)).assigned_to).toBe(owner.id);
    const dependency = await client.addDependency(owner.token, task.id, other.id);
    expect((await client.listDependencies(owner.token, task.id)).items).toHaveLength(1);
    await client.removeDependency(owner.token, task.id, dependency.id);
    expect((await client.move(owner.token, other.id, { before_id: task.id })).rank < task.rank).toBe(true);
    expect(
      (await client.bulkUpdate(owner.token, { task_ids: [task.id], changes: { add_tags: ['x'] } })).items[0]
        ?.tags,
    ).toEqual(['x']);
    expect((await client.activity(owner.token, task.id)).items.length).toBeGreaterThan(3);
    expect((await client.list(owner.token, { project_id: project.id, limit: 1 })).next_cursor).not.toBeNull();
    await client.remove(owner.token, task.id);
    await expect(client.get(owner.token, task.id)).rejects.toBeInstanceOf(ServiceCallError);
    const created = (await eventsOf(test, other.id)).find((e) => e.type === TaskCreated.type);
    expect(created && TaskCreated.is(created)).toBe(true);
  });
});
