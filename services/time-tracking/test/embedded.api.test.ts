import type { TestApp } from '@pm/kernel/testing';
import type { Task } from '@pm/tasks/contract';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Timesheet } from '../src/contract/timesheet-http.ts';
import {
  api,
  createProject,
  createTask,
  expectStatus,
  logTime,
  outboxOf,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

// The all-in-one mode runs on PGlite: the same flows must work on its single connection.
describe('time tracking on the embedded database', () => {
  let test: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTime({ TIME_TRACKING_SWEEP_INTERVAL_SECONDS: '1' }, true);
    owner = await signUp(test);
  });
  afterAll(async () => test?.close());

  it('logs, refuses overlaps, runs timers, approves a week and reports', async () => {
    const project = await createProject(test, owner, { key: 'EMB' });
    const task = await createTask(test, owner, project.id, 'Embedded');
    const entry = await logTime(test, owner, {
      task_id: task.id,
      start_time: '2025-08-04T09:00:00Z',
      end_time: '2025-08-04T10:00:00Z',
    });
    const overlap = await api(test, 'POST', '/time-entries', {
      token: owner.token,
      body: { start_time: '2025-08-04T09:30:00Z', end_time: '2025-08-04T10:30:00Z' },
    });
    expect(overlap.json()).toMatchObject({ code: 'TIME_ENTRY_OVERLAP', overlapping_entry: { id: entry.id } });
    const rate = {
      organization_id: owner.orgId,
      user_id: owner.id,
      rate: 70,
      currency: 'USD',
      effective_from: '2025-01-01',
    };
    await expectStatus(api(test, 'POST', '/hourly-rates', { token: owner.token, body: rate }), 201);
    const sheet = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', { token: owner.token, body: { week: '2025-08-04' } }),
      201,
    );
    const approved = await expectStatus<Timesheet>(
      api(test, 'PUT', `/timesheets/${sheet.id}/approve`, { token: owner.token }),
      200,
    );
    expect(approved.entries[0]).toMatchObject({
      hourly_rate: 70,
      amount: 70,
      rate_frozen: true,
      approved: true,
    });
    const report = await expectStatus(
      api(test, 'GET', '/time-analytics?group_by=week', { token: owner.token }),
      200,
    );
    expect(report.totals).toMatchObject({ minutes: 60, amounts: { USD: 70 } });
    await expect
      .poll(
        async () =>
          (await expectStatus<Task>(api(test, 'GET', `/tasks/${task.id}`, { token: owner.token }), 200))
            .actual_hours,
      )
      .toBe(1);

    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: {} }),
      201,
    );
    await sql`update time_tracking.time_entries set start_time = start_time - interval '12 hours' where id = ${started.entry.id}`.execute(
      test.database.root,
    );
    await vi.waitFor(async () => expect(await outboxOf(test, 'time.timer.long_running')).toHaveLength(1), {
      timeout: 10_000,
      interval: 100,
    });
    const { entry: stopped } = await expectStatus(
      api(test, 'POST', '/time-entries/timer/stop', { token: owner.token }),
      200,
    );
    expect(stopped.duration_minutes).toBeGreaterThanOrEqual(720);
  });
});
