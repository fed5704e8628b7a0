import type { TestApp } from '@pm/kernel/testing';
import type { Task } from '@pm/tasks/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createProject,
  createTask,
  expectStatus,
  logTime,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe("tasks' actual hours from time entries", () => {
  let test: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTime();
    owner = await signUp(test);
  });
  afterAll(async () => test?.close());

  const actual = async (taskId: string) =>
    (await expectStatus<Task>(api(test, 'GET', `/tasks/${taskId}`, { token: owner.token }), 200))
      .actual_hours;

  it('follows every create, change, move and delete', async () => {
    const project = await createProject(test, owner, { key: 'ACT' });
    const task = await createTask(test, owner, project.id, 'Measured');
    const other = await createTask(test, owner, project.id, 'Other');
    const first = await logTime(test, owner, {
      task_id: task.id,
      start_time: '2025-07-01T09:00:00Z',
      end_time: '2025-07-01T10:30:00Z',
    });
    await logTime(test, owner, {
      task_id: task.id,
      start_time: '2025-07-02T09:00:00Z',
      end_time: '2025-07-02T09:20:00Z',
    });
    await expect.poll(() => actual(task.id)).toBe(1.83);
    await expectStatus(
      api(test, 'PUT', `/time-entries/${first.id}`, {
        token: owner.token,
        body: { version: 1, task_id: other.id },
      }),
      200,
    );
    await expect.poll(() => actual(task.id)).toBe(0.33);
    await expect.poll(() => actual(other.id)).toBe(1.5);
    await expectStatus(api(test, 'DELETE', `/time-entries/${first.id}`, { token: owner.token }), 204);
    await expect.poll(() => actual(other.id)).toBe(0);
    // A running timer adds nothing until it stops.
    await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: { task_id: task.id } }),
      201,
    );
    expect(await actual(task.id)).toBe(0.33);
  });
});
