import { MemoryEventBus } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { TaskUpdated } from '@pm/tasks/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, createProject, createTask, expectStatus, signUp, startTime } from './helpers.ts';

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

  it('is written for a new title, not for a change of status or assignee only', async () => {
    const owner = await signUp(test);
    const project = await createProject(test, owner, { key: 'RS' });
    const task = await createTask(test, owner, project.id, 'Before');
    const copy = () =>
      test.database.root
        .selectFrom('time_tracking.tasks')
        .select(['title', 'updated_at'])
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow();
    const drain = () => (test.infra.bus as MemoryEventBus).drain();
    const created = await copy();
    const moved = await expectStatus<{ version: number }>(
      api(test, 'PUT', `/tasks/${task.id}/status`, { token: owner.token, body: { status: 'in_progress' } }),
      200,
    );
    await expectStatus(
      api(test, 'PUT', `/tasks/${task.id}/assign`, { token: owner.token, body: { assigned_to: owner.id } }),
      200,
    );
    // Both events reached the bus (the outbox relay marks them published), and the bus handed them out.
    await vi.waitFor(
      async () => {
        const published = await test.database.root
          .selectFrom('tasks.outbox')
          .select('type')
          .where('type', 'in', ['tasks.task.status_changed', 'tasks.task.assigned'])
          .where(sql<boolean>`envelope->'data'->>'task_id' = ${task.id}`)
          .where('published_at', 'is not', null)
          .execute();
        expect(published).toHaveLength(2);
      },
      { timeout: 10_000, interval: 20 },
    );
    await drain();
    expect(await copy()).toEqual(created);
    await expectStatus(
      api(test, 'PUT', `/tasks/${task.id}`, {
        token: owner.token,
        body: { version: moved.version + 1, title: 'After', status: 'done' },
      }),
      200,
    );
    await vi.waitFor(async () => expect((await copy()).title).toBe('After'), {
      timeout: 10_000,
      interval: 20,
    });
    const renamed = await copy();
    expect(renamed.updated_at.getTime()).toBeGreaterThan(created.updated_at.getTime());
  });
});
