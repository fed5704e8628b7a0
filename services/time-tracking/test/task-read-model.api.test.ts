import { MemoryEventBus } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { TaskUpdated } from '@pm/tasks/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject, createTask, signUp, startTime } from './helpers.ts';

describe("time tracking's copy of tasks, kept without an inbox", () => {
  let test: TestApp;

  beforeAll(async () => {
    test = await startTime();
  });
  afterAll(async () => test.close());

  it('keeps the newest change however often and in whatever order the events come', async () => {
    const owner = await signUp(test);
    const project = await createProject(test, owner, { key: 'RM' });
    const task = await createTask(test, owner, project.id, 'First');
    const data = {
      task_id: task.id,
      project_id: project.id,
      organization_id: owner.orgId,
      key: task.key,
      title: 'Newest',
      status: task.status,
      priority: task.priority,
      assigned_to: null,
      changed: ['title'],
    };
    const meta = { actor_id: owner.id, org_id: owner.orgId, project_id: project.id };
    const later = Date.now() + 60_000;
    const newest = TaskUpdated.create(data, { ...meta, occurred_at: new Date(later) });
    const older = TaskUpdated.create(
      { ...data, title: 'Older' },
      { ...meta, occurred_at: new Date(later - 1000) },
    );
    const bus = test.infra.bus;
    expect(bus).toBeInstanceOf(MemoryEventBus);
    await Promise.all([older, newest, newest, older].map((event) => bus.publish(event)));
    await (bus as MemoryEventBus).drain();
    const row = await test.database.root
      .selectFrom('time_tracking.tasks')
      .select(['title', 'updated_at'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Newest', updated_at: new Date(later) });
  });
});
