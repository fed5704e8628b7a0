import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import type { Task } from '@pm/tasks/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeEntry } from '../src/contract/http.ts';
import {
  addProjectMember,
  api,
  createProject,
  createTask,
  expectStatus,
  joinOrganization,
  logTime,
  outboxOf,
  setOrgSettings,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe('time entries', () => {
  let test: TestApp;
  let owner: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let project: Project;
  let task: Task;

  beforeAll(async () => {
    test = await startTime();
    owner = await signUp(test);
    viewer = await signUp(test);
    stranger = await signUp(test);
    await joinOrganization(test, viewer, owner.orgId, 'member');
    project = await createProject(test, owner, { name: 'Website', key: 'WEB' });
    await addProjectMember(test, owner, project.id, viewer, 'viewer');
    task = await createTask(test, owner, project.id, 'Design header');
  });
  afterAll(async () => test?.close());

  it('logs exact minutes on a task, with its project and organization, and announces the task total', async () => {
    const entry = await logTime(test, owner, {
      task_id: task.id,
      description: 'Sketches',
      start_time: '2025-02-03T09:00:40Z',
      end_time: '2025-02-03T10:30:10Z',
    });
    expect(entry).toMatchObject({
      organization_id: owner.orgId,
      user_id: owner.id,
      project_id: project.id,
      task_id: task.id,
      task_key: 'WEB-1',
      start_time: '2025-02-03T09:00:00.000Z',
      end_time: '2025-02-03T10:30:00.000Z',
      duration_minutes: 90,
      entry_date: '2025-02-03',
      time_zone: 'UTC',
      billable: true,
      hourly_rate: null,
      amount: null,
      approved: false,
      is_running: false,
      flagged_long_running: false,
      version: 1,
    });
    const [created] = (await outboxOf(test, 'time.entry.created')).filter(
      (e) => (e.data as any).entry_id === entry.id,
    );
    expect(created).toMatchObject({
      org_id: owner.orgId,
      project_id: project.id,
      actor_id: owner.id,
      data: {
        task_id: task.id,
        duration_minutes: 90,
        task_totals: [{ task_id: task.id, total_minutes: 90 }],
      },
    });
    expect((await api(test, 'GET', `/time-entries/${entry.id}`, { token: owner.token })).json()).toEqual(
      entry,
    );
  });

  it('refuses zero, negative, future and malformed entries, naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await api(test, 'POST', '/time-entries', { token: owner.token, body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ start_time: '2025-02-04T10:00:00Z', end_time: '2025-02-04T10:00:30Z' }, 'end_time');
    await bad({ start_time: '2025-02-04T10:00:00Z', end_time: '2025-02-04T09:00:00Z' }, 'end_time');
    await bad({ start_time: '2025-02-04T10:00:00Z', end_time: '2099-01-01T00:00:00Z' }, 'end_time');
    await bad({ start_time: 'yesterday', end_time: '2025-02-04T11:00:00Z' }, 'start_time');
    await bad({ start_time: '2025-02-04T10:00:00Z' }, 'end_time');
    await bad({ start_time: '2025-02-04T10:00:00Z', end_time: '2025-02-04T11:00:00Z', rate: 5 }, 'rate');
    await bad(
      { start_time: '2025-02-04T10:00:00Z', end_time: '2025-02-04T11:00:00Z', project_id: 'nope' },
      'project_id',
    );
    const unknownTask = await api(test, 'POST', '/time-entries', {
      token: owner.token,
      body: {
        task_id: crypto.randomUUID(),
        start_time: '2025-02-04T10:00:00Z',
        end_time: '2025-02-04T11:00:00Z',
      },
    });
    expect(unknownTask.statusCode).toBe(404);
    expect(unknownTask.json().errors[0].field).toBe('task_id');
  });

  it('refuses an overlap with 409 naming the entry, but not entries that only touch', async () => {
    const first = await logTime(test, owner, {
      start_time: '2025-02-05T09:00:00Z',
      end_time: '2025-02-05T10:00:00Z',
    });
    await logTime(test, owner, { start_time: '2025-02-05T10:00:00Z', end_time: '2025-02-05T11:00:00Z' });
    await logTime(test, owner, { start_time: '2025-02-05T08:00:00Z', end_time: '2025-02-05T09:00:00Z' });
    const overlap = await api(test, 'POST', '/time-entries', {
      token: owner.token,
      body: { start_time: '2025-02-05T09:59:00Z', end_time: '2025-02-05T10:01:00Z' },
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json()).toMatchObject({ code: 'TIME_ENTRY_OVERLAP', overlapping_entry: { id: first.id } });
    const inside = await api(test, 'POST', '/time-entries', {
      token: owner.token,
      body: { start_time: '2025-02-05T09:15:00Z', end_time: '2025-02-05T09:30:00Z' },
    });
    expect(inside.json().overlapping_entry.id).toBe(first.id);
  });

  it('accepts overlaps when the organization allows them', async () => {
    const other = await signUp(test);
    await logTime(test, other, { start_time: '2025-02-05T09:00:00Z', end_time: '2025-02-05T10:00:00Z' });
    await setOrgSettings(test, other, { allow_overlapping_time_entries: true });
    await logTime(test, other, { start_time: '2025-02-05T09:30:00Z', end_time: '2025-02-05T10:30:00Z' });
  });

  it('keeps an entry across midnight whole, on the day it starts', async () => {
    const night = await logTime(test, owner, {
      start_time: '2025-02-06T23:00:00Z',
      end_time: '2025-02-07T02:15:00Z',
    });
    expect(night).toMatchObject({ entry_date: '2025-02-06', duration_minutes: 195 });
    const day = await expectStatus(
      api(test, 'GET', '/time-entries?from=2025-02-07&to=2025-02-07', { token: owner.token }),
      200,
    );
    expect(day.items.map((e: TimeEntry) => e.id)).not.toContain(night.id);
  });

  it('updates with the current version, moves the task total, and answers 409 to a stale one', async () => {
    const other = await createTask(test, owner, project.id, 'Build header');
    const entry = await logTime(test, owner, {
      task_id: task.id,
      start_time: '2025-02-10T09:00:00Z',
      end_time: '2025-02-10T10:00:00Z',
    });
    const moved = await expectStatus<TimeEntry>(
      api(test, 'PUT', `/time-entries/${entry.id}`, {
        token: owner.token,
        body: { version: 1, task_id: other.id, end_time: '2025-02-10T10:45:00Z', billable: false },
      }),
      200,
    );
    expect(moved).toMatchObject({
      task_id: other.id,
      task_key: other.key,
      duration_minutes: 105,
      billable: false,
      version: 2,
    });
    const updated = (await outboxOf(test, 'time.entry.updated')).find(
      (e) => (e.data as any).entry_id === entry.id,
    )!;
    const totals = (updated.data as any).task_totals as { task_id: string; total_minutes: number }[];
    expect(totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ task_id: other.id, total_minutes: 105 }),
        expect.objectContaining({ task_id: task.id, total_minutes: 90 }),
      ]),
    );
    const stale = await api(test, 'PUT', `/time-entries/${entry.id}`, {
      token: owner.token,
      body: { version: 1, description: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'TIME_VERSION_CONFLICT', current: { version: 2 } });
    const wrongProject = await api(test, 'PUT', `/time-entries/${entry.id}`, {
      token: owner.token,
      body: { version: 2, project_id: (await createProject(test, owner, { name: 'Other', key: 'OTH' })).id },
    });
    expect(wrongProject.statusCode).toBe(400);
    expect(wrongProject.json().errors[0].field).toBe('project_id');
  });

  it('deletes, announcing the task total without the entry', async () => {
    const entry = await logTime(test, owner, {
      task_id: task.id,
      start_time: '2025-02-11T09:00:00Z',
      end_time: '2025-02-11T09:30:00Z',
    });
    await expectStatus(api(test, 'DELETE', `/time-entries/${entry.id}`, { token: owner.token }), 204);
    expect((await api(test, 'GET', `/time-entries/${entry.id}`, { token: owner.token })).statusCode).toBe(
      404,
    );
    const deleted = (await outboxOf(test, 'time.entry.deleted')).find(
      (e) => (e.data as any).entry_id === entry.id,
    )!;
    expect((deleted.data as any).task_totals).toEqual([
      expect.objectContaining({ task_id: task.id, total_minutes: 90 }),
    ]);
  });

  it('lists with filters and keyset pages, newest first', async () => {
    const person = await signUp(test);
    const own = await createProject(test, person, { name: 'Lister', key: 'LST' });
    for (const day of ['2025-03-03', '2025-03-04', '2025-03-05']) {
      await logTime(test, person, {
        project_id: own.id,
        start_time: `${day}T09:00:00Z`,
        end_time: `${day}T10:00:00Z`,
      });
    }
    await logTime(test, person, {
      billable: false,
      start_time: '2025-03-06T09:00:00Z',
      end_time: '2025-03-06T10:00:00Z',
    });
    const first = await expectStatus(api(test, 'GET', '/time-entries?limit=2', { token: person.token }), 200);
    expect(first.items.map((e: TimeEntry) => e.entry_date)).toEqual(['2025-03-06', '2025-03-05']);
    const second = await expectStatus(
      api(test, 'GET', `/time-entries?limit=2&cursor=${first.next_cursor}`, { token: person.token }),
      200,
    );
    expect(second.items.map((e: TimeEntry) => e.entry_date)).toEqual(['2025-03-04', '2025-03-03']);
    expect(second.next_cursor).toBeNull();
    const filtered = await expectStatus(
      api(
        test,
        'GET',
        `/time-entries?project_id=${own.id}&from=2025-03-04&to=2025-03-05&billable=true&user_id=me&approved=false`,
        { token: person.token },
      ),
      200,
    );
    expect(filtered.items.map((e: TimeEntry) => e.entry_date)).toEqual(['2025-03-05', '2025-03-04']);
    expect(
      (await api(test, 'GET', '/time-entries?billable=false', { token: person.token })).json().items,
    ).toHaveLength(1);
    const bad = await api(test, 'GET', '/time-entries?from=2025-03-05&to=2025-03-01', {
      token: person.token,
    });
    expect(bad.json().errors[0].field).toBe('to');
    expect(
      (await api(test, 'GET', '/time-entries?cursor=garbage', { token: person.token })).json().errors[0]
        .field,
    ).toBe('cursor');
    expect((await api(test, 'GET', '/time-entries?colour=red', { token: person.token })).statusCode).toBe(
      400,
    );
  });

  it('hides entries from other organizations (404) and keeps viewers from logging (403)', async () => {
    const entry = await logTime(test, owner, {
      start_time: '2025-02-12T09:00:00Z',
      end_time: '2025-02-12T10:00:00Z',
    });
    for (const [method, body] of [
      ['GET'],
      ['PUT', { version: 1, description: 'mine' }],
      ['DELETE'],
    ] as const) {
      const res = await api(test, method, `/time-entries/${entry.id}`, { token: stranger.token, body });
      expect(res.statusCode).toBe(404);
    }
    expect((await api(test, 'GET', '/time-entries', { token: stranger.token })).json().items).toEqual([]);
    const onProject = await api(test, 'POST', '/time-entries', {
      token: stranger.token,
      body: { project_id: project.id, start_time: '2025-02-12T09:00:00Z', end_time: '2025-02-12T10:00:00Z' },
    });
    expect(onProject.statusCode).toBe(404);
    expect(onProject.json().errors[0].field).toBe('project_id');
    const asViewer = await api(test, 'POST', '/time-entries', {
      token: viewer.token,
      body: { task_id: task.id, start_time: '2025-02-12T09:00:00Z', end_time: '2025-02-12T10:00:00Z' },
    });
    expect(asViewer.statusCode).toBe(403);
    // A member does not see the owner's entries; the owner (organization admin) sees the member's.
    const mine = await logTime(test, viewer, {
      organization_id: owner.orgId,
      start_time: '2025-02-12T09:00:00Z',
      end_time: '2025-02-12T10:00:00Z',
    });
    expect((await api(test, 'GET', `/time-entries/${entry.id}`, { token: viewer.token })).statusCode).toBe(
      404,
    );
    expect((await api(test, 'GET', `/time-entries/${mine.id}`, { token: owner.token })).statusCode).toBe(200);
    expect((await api(test, 'GET', '/time-entries')).statusCode).toBe(401);
  });
});
