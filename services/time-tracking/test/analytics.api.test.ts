import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import type { Task } from '@pm/tasks/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsReport } from '../src/contract/analytics-http.ts';
import {
  addProjectMember,
  api,
  createProject,
  createTask,
  expectStatus,
  joinOrganization,
  logTime,
  setTimeZone,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe('time analytics and CSV export', () => {
  let test: TestApp;
  let owner: TestUser;
  let worker: TestUser;
  let stranger: TestUser;
  let web: Project;
  let task: Task;

  beforeAll(async () => {
    test = await startTime();
    [owner, worker, stranger] = [await signUp(test), await signUp(test), await signUp(test)];
    await joinOrganization(test, worker, owner.orgId, 'member');
    await setTimeZone(test, worker, 'Europe/Paris');
    web = await createProject(test, owner, { name: 'Web, "the site"', key: 'WEB' });
    await addProjectMember(test, owner, web.id, worker, 'member');
    task = await createTask(test, owner, web.id, '=HYPERLINK("http://evil")');
    const rate = {
      organization_id: owner.orgId,
      user_id: worker.id,
      currency: 'EUR',
      rate: 80,
      effective_from: '2025-01-01',
    };
    await expectStatus(api(test, 'POST', '/hourly-rates', { token: owner.token, body: rate }), 201);
    // Week of Monday 2025-09-01 (Paris, UTC+2).
    await logTime(test, worker, {
      task_id: task.id,
      description: 'Line one,\nline "two"',
      start_time: '2025-09-01T07:00:00Z',
      end_time: '2025-09-01T09:00:00Z',
    });
    await logTime(test, worker, {
      project_id: web.id,
      billable: false,
      start_time: '2025-09-02T07:00:00Z',
      end_time: '2025-09-02T08:00:00Z',
    });
    await logTime(test, worker, {
      task_id: task.id,
      start_time: '2025-09-08T07:00:00Z',
      end_time: '2025-09-08T07:30:00Z',
    });
    await logTime(test, owner, {
      project_id: web.id,
      description: '+1 call, =cmd',
      start_time: '2025-09-01T12:00:00Z',
      end_time: '2025-09-01T13:00:00Z',
    });
    await logTime(test, stranger, { start_time: '2025-09-01T12:00:00Z', end_time: '2025-09-01T13:00:00Z' });
  });
  afterAll(async () => test?.close());

  const report = (token: string, query: string) =>
    expectStatus<AnalyticsReport>(api(test, 'GET', `/time-analytics?${query}`, { token }), 200);

  it('groups hours, billable hours and amounts by user, project, task, day and week', async () => {
    const byUser = await report(owner.token, `group_by=user&organization_id=${owner.orgId}`);
    expect(byUser.groups).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: worker.id,
          minutes: 210,
          hours: 3.5,
          billable_hours: 2.5,
          amounts: { EUR: 200 },
          time_zones: ['Europe/Paris'],
        }),
        expect.objectContaining({ key: owner.id, minutes: 60, hours: 1, billable_hours: 1, amounts: {} }),
      ]),
    );
    expect(byUser.totals).toEqual({ minutes: 270, hours: 4.5, billable_hours: 3.5, amounts: { EUR: 200 } });
    const byProject = await report(owner.token, 'group_by=project');
    expect(byProject.groups).toEqual([
      expect.objectContaining({ key: web.id, label: 'Web, "the site"', minutes: 270 }),
    ]);
    const byTask = await report(owner.token, 'group_by=task');
    expect(byTask.groups.map((g) => [g.key, g.label, g.minutes])).toEqual(
      expect.arrayContaining([
        [task.id, `${task.key} =HYPERLINK("http://evil")`, 150],
        [null, null, 120],
      ]),
    );
    const byDay = await report(owner.token, 'group_by=day&from=2025-09-01&to=2025-09-07');
    expect(byDay.groups.map((g) => [g.key, g.minutes])).toEqual([
      ['2025-09-01', 180],
      ['2025-09-02', 60],
    ]);
    const byWeek = await report(owner.token, 'group_by=week');
    expect(byWeek.groups.map((g) => [g.key, g.minutes])).toEqual([
      ['2025-09-01', 240],
      ['2025-09-08', 30],
    ]);
    const billable = await report(owner.token, `group_by=user&billable=true&user_id=${worker.id}`);
    expect(billable.totals).toMatchObject({ minutes: 150, amounts: { EUR: 200 } });
  });

  it('counts only what the caller sees', async () => {
    const mine = await report(worker.token, 'group_by=user');
    expect(mine.groups.map((g) => g.key)).toEqual([worker.id]);
    const theirs = await report(stranger.token, `group_by=project&project_id=${web.id}`);
    expect(theirs.groups).toEqual([]);
    const bad = await api(test, 'GET', '/time-analytics?group_by=month', { token: owner.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.group_by');
    expect((await api(test, 'GET', '/time-analytics', { token: owner.token })).json().errors[0].field).toBe(
      'querystring.group_by',
    );
  });

  it('exports entries as CSV with local times and their zone, quoted and formula-safe', async () => {
    const res = await api(
      test,
      'GET',
      `/time-entries?format=csv&user_id=${worker.id}&from=2025-09-01&to=2025-09-07`,
      { token: owner.token },
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="time-entries-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = res.body.replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'date,start,end,time_zone,start_utc,end_utc,user_id,project,task,description,minutes,hours,billable,hourly_rate,currency,amount,approved,entry_id',
    );
    expect(text).toContain(
      `2025-09-01,2025-09-01 09:00,2025-09-01 11:00,Europe/Paris,2025-09-01T07:00:00.000Z,2025-09-01T09:00:00.000Z,${worker.id},"Web, ""the site""","${task.key} =HYPERLINK(""http://evil"")","Line one,\nline ""two""",120,2,true,80,EUR,160,false,`,
    );
    expect(lines.filter((line) => line.startsWith('2025-')).length).toBe(2);
    // A cell that a spreadsheet would run as a formula gets a leading apostrophe.
    const own = await api(test, 'GET', '/time-entries?format=csv', { token: owner.token });
    expect(own.body).toContain(`,"'+1 call, =cmd",60,1,true,`);
    // The same through the Accept header.
    const accepted = await test.app.inject({
      method: 'GET',
      url: '/api/v1/time-entries?from=2025-09-01',
      headers: { authorization: `Bearer ${worker.token}`, accept: 'text/csv' },
    });
    expect(accepted.headers['content-type']).toContain('text/csv');
  });

  it('exports grouped reports as CSV, one amount column per currency, with a total row', async () => {
    const res = await api(test, 'GET', '/time-analytics?group_by=task&format=csv', { token: owner.token });
    expect(res.headers['content-disposition']).toMatch(/time-by-task/);
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('task,label,time_zones,minutes,hours,billable_hours,amount_EUR');
    expect(lines).toContain(
      `${task.id},"${task.key} =HYPERLINK(""http://evil"")",Europe/Paris,150,2.5,2.5,200`,
    );
    expect(lines).toContain('(none),,Europe/Paris UTC,120,2,1,');
    expect(lines).toContain('total,,Europe/Paris UTC,270,4.5,3.5,200');
  });
});
