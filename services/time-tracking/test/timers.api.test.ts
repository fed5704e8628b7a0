import type { TestApp } from '@pm/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TimeEntry } from '../src/contract/http.ts';
import {
  api,
  createProject,
  createTask,
  expectStatus,
  logTime,
  outboxOf,
  setOrgSettings,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe('timers', () => {
  let test: TestApp;
  let owner: TestUser;

  // The sweep for long-running timers runs every second here.
  beforeAll(async () => {
    test = await startTime({ TIME_TRACKING_SWEEP_INTERVAL_SECONDS: '1' });
    owner = await signUp(test);
  });
  afterAll(async () => test?.close());

  /** Moves a running timer's start back in time, as if it had been started hours ago. */
  async function backdate(entryId: string, hours: number) {
    await sql`update time_tracking.time_entries set start_time = start_time - make_interval(hours => ${hours})
      where id = ${entryId}`.execute(test.database.root);
  }

  it('starts from a task, shows it running, and stops it', async () => {
    const project = await createProject(test, owner, { key: 'TMR' });
    const task = await createTask(test, owner, project.id, 'Timed work');
    expect(
      (await expectStatus(api(test, 'GET', '/time-entries/timer', { token: owner.token }), 200)).entry,
    ).toBeNull();
    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: { task_id: task.id } }),
      201,
    );
    expect(started.stopped).toBeNull();
    expect(started.entry).toMatchObject({
      task_id: task.id,
      project_id: project.id,
      is_running: true,
      end_time: null,
      duration_minutes: null,
    });
    expect(new Date(started.entry.start_time).getUTCSeconds()).toBe(0);
    const running = await expectStatus(api(test, 'GET', '/time-entries/timer', { token: owner.token }), 200);
    expect(running.entry.id).toBe(started.entry.id);
    await backdate(started.entry.id, 1);
    const { entry: stopped } = await expectStatus<{ entry: TimeEntry }>(
      api(test, 'POST', '/time-entries/timer/stop', { token: owner.token }),
      200,
    );
    expect(stopped).toMatchObject({ id: started.entry.id, is_running: false });
    expect(stopped.duration_minutes).toBeGreaterThanOrEqual(60);
    expect(stopped.duration_minutes).toBeLessThanOrEqual(61);
    const updated = (await outboxOf(test, 'time.entry.updated')).find(
      (e) => (e.data as any).entry_id === stopped.id,
    )!;
    expect((updated.data as any).task_totals).toEqual([
      expect.objectContaining({ task_id: task.id, total_minutes: stopped.duration_minutes }),
    ]);
    const none = await api(test, 'POST', '/time-entries/timer/stop', { token: owner.token });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('TIME_TIMER_NOT_RUNNING');
  });

  it('stops the running timer when another starts', async () => {
    const first = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: { description: 'first' } }),
      201,
    );
    await backdate(first.entry.id, 1);
    const second = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: { description: 'second' } }),
      201,
    );
    expect(second.stopped).toMatchObject({ id: first.entry.id, is_running: false, description: 'first' });
    expect(second.stopped.end_time).toBe(second.entry.start_time);
    const all = await expectStatus(api(test, 'GET', '/time-entries?limit=100', { token: owner.token }), 200);
    expect(all.items.filter((e: TimeEntry) => e.is_running).map((e: TimeEntry) => e.id)).toEqual([
      second.entry.id,
    ]);
    await backdate(second.entry.id, 1);
    await expectStatus(api(test, 'POST', '/time-entries/timer/stop', { token: owner.token }), 200);
  });

  it('discards a timer stopped within the minute it started (no empty entries)', async () => {
    const person = await signUp(test);
    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: person.token, body: {} }),
      201,
    );
    const res = await api(test, 'POST', '/time-entries/timer/stop', { token: person.token });
    // The minute may turn between the two calls; then a one-minute entry is right.
    if (res.json().entry === null) {
      expect(
        (await api(test, 'GET', `/time-entries/${started.entry.id}`, { token: person.token })).statusCode,
      ).toBe(404);
    } else {
      expect(res.json().entry.duration_minutes).toBe(1);
    }
  });

  it('refuses a manual entry over the running timer', async () => {
    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: owner.token, body: {} }),
      201,
    );
    await backdate(started.entry.id, 2);
    const now = new Date();
    const res = await api(test, 'POST', '/time-entries', {
      token: owner.token,
      body: { start_time: new Date(now.getTime() - 3_600_000).toISOString(), end_time: now.toISOString() },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().overlapping_entry).toMatchObject({ id: started.entry.id, end_time: null });
    await expectStatus(api(test, 'POST', '/time-entries/timer/stop', { token: owner.token }), 200);
  });

  it('flags a timer past the limit on the answer and tells its user once', async () => {
    const person = await signUp(test);
    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: person.token, body: {} }),
      201,
    );
    expect(started.entry.flagged_long_running).toBe(false);
    await backdate(started.entry.id, 11);
    const running = await expectStatus(api(test, 'GET', '/time-entries/timer', { token: person.token }), 200);
    expect(running.entry.flagged_long_running).toBe(true);
    const mine = async () =>
      (await outboxOf(test, 'time.timer.long_running')).filter((e) => (e.data as any).user_id === person.id);
    await vi.waitFor(async () => expect(await mine()).toHaveLength(1), { timeout: 10_000, interval: 100 });
    expect((await mine())[0]).toMatchObject({
      org_id: person.orgId,
      data: { entry_id: started.entry.id, limit_hours: 10 },
    });
    // Later sweeps do not announce it again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await mine()).toHaveLength(1);
  });

  it("follows the organization's own limit", async () => {
    const person = await signUp(test);
    await setOrgSettings(test, person, { timer_limit_hours: 2 });
    const started = await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: person.token, body: {} }),
      201,
    );
    await backdate(started.entry.id, 1);
    expect(
      (await expectStatus(api(test, 'GET', '/time-entries/timer', { token: person.token }), 200)).entry
        .flagged_long_running,
    ).toBe(false);
    await backdate(started.entry.id, 2);
    expect(
      (await expectStatus(api(test, 'GET', '/time-entries/timer', { token: person.token }), 200)).entry
        .flagged_long_running,
    ).toBe(true);
    await vi.waitFor(
      async () => {
        const events = (await outboxOf(test, 'time.timer.long_running')).filter(
          (e) => (e.data as any).user_id === person.id,
        );
        expect(events.map((e) => (e.data as any).limit_hours)).toEqual([2]);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('needs the task to be visible, and leaves finished entries alone', async () => {
    const stranger = await signUp(test);
    const project = await createProject(test, owner, { key: 'PRV' });
    const res = await api(test, 'POST', '/time-entries/timer/start', {
      token: stranger.token,
      body: { project_id: project.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('project_id');
    const entry = await logTime(test, stranger, {
      start_time: '2025-01-01T08:00:00Z',
      end_time: '2025-01-01T20:00:00Z',
    });
    expect(entry.flagged_long_running).toBe(false);
  });
});
