import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timesheet } from '../src/contract/timesheet-http.ts';
import {
  addProjectMember,
  api,
  createProject,
  expectStatus,
  joinOrganization,
  logTime,
  outboxOf,
  setOrgSettings,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe('weekly timesheets and approval', () => {
  let test: TestApp;
  let owner: TestUser;
  let worker: TestUser;
  let lead: TestUser;
  let colleague: TestUser;
  let stranger: TestUser;
  let web: Project;
  let api2: Project;

  beforeAll(async () => {
    test = await startTime();
    owner = await signUp(test);
    [worker, lead, colleague, stranger] = [
      await signUp(test),
      await signUp(test),
      await signUp(test),
      await signUp(test),
    ];
    for (const person of [worker, lead, colleague]) {
      await joinOrganization(test, person, owner.orgId, 'member');
    }
    web = await createProject(test, owner, { name: 'Web', key: 'WEB' });
    api2 = await createProject(test, owner, { name: 'API', key: 'API' });
    await addProjectMember(test, owner, web.id, worker, 'member');
    await addProjectMember(test, owner, api2.id, worker, 'member');
    await addProjectMember(test, owner, web.id, lead, 'admin');
  });
  afterAll(async () => test?.close());

  const inOrg = { organization_id: '' };
  const week = (person: TestUser, day: string, orgId = owner.orgId) =>
    expectStatus<Timesheet>(
      api(test, 'GET', `/timesheets?week=${day}&organization_id=${orgId}&user_id=${person.id}`, {
        token: person.token,
      }),
      200,
    );

  it('gathers the week with totals per day, project and billable', async () => {
    inOrg.organization_id = owner.orgId;
    // Week of Monday 2025-04-07.
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-04-07T09:00:00Z',
      end_time: '2025-04-07T11:00:00Z',
    });
    await logTime(test, worker, {
      project_id: api2.id,
      start_time: '2025-04-08T09:00:00Z',
      end_time: '2025-04-08T09:45:00Z',
      billable: false,
    });
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-04-13T22:00:00Z',
      end_time: '2025-04-14T01:00:00Z',
    });
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-04-14T09:00:00Z',
      end_time: '2025-04-14T10:00:00Z',
    });
    const sheet = await week(worker, '2025-04-10');
    expect(sheet).toMatchObject({
      id: null,
      status: 'draft',
      week_start_date: '2025-04-07',
      week_end_date: '2025-04-13',
      time_zone: 'UTC',
      total_hours: 5.75,
      totals: { minutes: 345, hours: 5.75, billable_hours: 5 },
    });
    expect(sheet.entries).toHaveLength(3);
    expect(sheet.totals.by_day.map((d) => [d.date, d.minutes])).toEqual([
      ['2025-04-07', 120],
      ['2025-04-08', 45],
      ['2025-04-09', 0],
      ['2025-04-10', 0],
      ['2025-04-11', 0],
      ['2025-04-12', 0],
      ['2025-04-13', 180],
    ]);
    expect(sheet.totals.by_project).toEqual(
      expect.arrayContaining([
        { project_id: web.id, minutes: 300, hours: 5, billable_hours: 5 },
        { project_id: api2.id, minutes: 45, hours: 0.75, billable_hours: 0 },
      ]),
    );
  });

  it('submits, is approved by an organization admin, locks the week and reopens it on record', async () => {
    const submitted = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', {
        token: worker.token,
        body: { week: '2025-04-09', organization_id: owner.orgId },
      }),
      201,
    );
    expect(submitted).toMatchObject({
      status: 'submitted',
      week_start_date: '2025-04-07',
      total_hours: 5.75,
    });
    expect(submitted.history).toEqual([
      expect.objectContaining({ action: 'submitted', actor_id: worker.id }),
    ]);
    const id = submitted.id!;
    const queue = await expectStatus(
      api(test, 'GET', '/timesheets/approvals?status=submitted', { token: owner.token }),
      200,
    );
    expect(queue.items.map((s: Timesheet) => s.id)).toContain(id);

    const approved = await expectStatus<Timesheet>(
      api(test, 'PUT', `/timesheets/${id}/approve`, { token: owner.token }),
      200,
    );
    expect(approved).toMatchObject({ status: 'approved', approved_by: owner.id });
    expect(approved.entries.every((entry) => entry.approved)).toBe(true);

    const entry = approved.entries[0]!;
    const edit = await api(test, 'PUT', `/time-entries/${entry.id}`, {
      token: worker.token,
      body: { version: entry.version, description: 'late' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({
      code: 'TIME_WEEK_LOCKED',
      timesheet_id: id,
      week_start_date: '2025-04-07',
    });
    expect((await api(test, 'DELETE', `/time-entries/${entry.id}`, { token: worker.token })).statusCode).toBe(
      409,
    );
    const add = await api(test, 'POST', '/time-entries', {
      token: worker.token,
      body: { project_id: web.id, start_time: '2025-04-09T09:00:00Z', end_time: '2025-04-09T10:00:00Z' },
    });
    expect(add.json().code).toBe('TIME_WEEK_LOCKED');
    const moveIn = await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-04-16T09:00:00Z',
      end_time: '2025-04-16T10:00:00Z',
    });
    const moveRes = await api(test, 'PUT', `/time-entries/${moveIn.id}`, {
      token: worker.token,
      body: { version: 1, start_time: '2025-04-09T09:00:00Z', end_time: '2025-04-09T10:00:00Z' },
    });
    expect(moveRes.json().code).toBe('TIME_WEEK_LOCKED');
    expect(
      (
        await api(test, 'GET', `/time-entries?approved=true&user_id=${worker.id}`, { token: owner.token })
      ).json().items,
    ).toHaveLength(3);
    expect((await api(test, 'PUT', `/timesheets/${id}/approve`, { token: owner.token })).json().code).toBe(
      'TIME_TIMESHEET_STATUS',
    );

    const reopened = await expectStatus<Timesheet>(
      api(test, 'PUT', `/timesheets/${id}/reopen`, {
        token: owner.token,
        body: { reason: 'Missing Friday' },
      }),
      200,
    );
    expect(reopened.status).toBe('reopened');
    expect(reopened.history.map((h) => [h.action, h.reason])).toEqual([
      ['submitted', null],
      ['approved', null],
      ['reopened', 'Missing Friday'],
    ]);
    await expectStatus(
      api(test, 'PUT', `/time-entries/${entry.id}`, {
        token: worker.token,
        body: { version: entry.version, description: 'fixed' },
      }),
      200,
    );
    const types = (
      await Promise.all(
        ['submitted', 'approved', 'reopened'].map((t) => outboxOf(test, `time.timesheet.${t}`)),
      )
    ).map((events) => events.filter((e) => (e.data as any).timesheet_id === id).length);
    expect(types).toEqual([1, 1, 1]);
  });

  it('is rejected with a reason and resubmitted (200)', async () => {
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-04-22T09:00:00Z',
      end_time: '2025-04-22T10:00:00Z',
    });
    const sheet = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', { token: worker.token, body: { week: '2025-04-22', ...inOrg } }),
      201,
    );
    const noReason = await api(test, 'PUT', `/timesheets/${sheet.id}/reject`, {
      token: owner.token,
      body: {},
    });
    expect(noReason.json().errors[0].field).toBe('reason');
    const rejected = await expectStatus<Timesheet>(
      api(test, 'PUT', `/timesheets/${sheet.id}/reject`, {
        token: owner.token,
        body: { reason: 'Split the meeting' },
      }),
      200,
    );
    expect(rejected).toMatchObject({ status: 'rejected', rejection_reason: 'Split the meeting' });
    const rejectedEvent = (await outboxOf(test, 'time.timesheet.rejected')).find(
      (e) => (e.data as any).timesheet_id === sheet.id,
    );
    expect(rejectedEvent).toMatchObject({
      data: { user_id: worker.id, reason: 'Split the meeting', actor_id: owner.id },
    });
    const again = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', { token: worker.token, body: { week: '2025-04-25', ...inOrg } }),
      200,
    );
    expect(again).toMatchObject({ id: sheet.id, status: 'submitted', rejection_reason: null });
  });

  it('lets the admin of every project of the week decide, and nobody else', async () => {
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-05-05T09:00:00Z',
      end_time: '2025-05-05T10:00:00Z',
    });
    const webOnly = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', { token: worker.token, body: { week: '2025-05-05', ...inOrg } }),
      201,
    );
    await logTime(test, worker, {
      project_id: web.id,
      start_time: '2025-05-12T09:00:00Z',
      end_time: '2025-05-12T10:00:00Z',
    });
    await logTime(test, worker, {
      project_id: api2.id,
      start_time: '2025-05-13T09:00:00Z',
      end_time: '2025-05-13T10:00:00Z',
    });
    const mixed = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', { token: worker.token, body: { week: '2025-05-12', ...inOrg } }),
      201,
    );

    // The project admin sees both weeks, decides only the one all on their project.
    expect((await api(test, 'GET', `/timesheets/${mixed.id}`, { token: lead.token })).statusCode).toBe(200);
    const forbidden = await api(test, 'PUT', `/timesheets/${mixed.id}/approve`, { token: lead.token });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    await expectStatus(api(test, 'PUT', `/timesheets/${webOnly.id}/approve`, { token: lead.token }), 200);
    const leadQueue = await expectStatus(
      api(test, 'GET', '/timesheets/approvals', { token: lead.token }),
      200,
    );
    expect(leadQueue.items.map((s: Timesheet) => s.id)).toEqual(
      expect.arrayContaining([webOnly.id, mixed.id]),
    );

    // A plain member neither sees nor decides another's week; the worker cannot approve their own.
    expect((await api(test, 'GET', `/timesheets/${mixed.id}`, { token: colleague.token })).statusCode).toBe(
      404,
    );
    const peek = await api(
      test,
      'GET',
      `/timesheets?week=2025-05-12&user_id=${worker.id}&organization_id=${owner.orgId}`,
      { token: colleague.token },
    );
    expect(peek.statusCode).toBe(404);
    expect(peek.json().errors[0].field).toBe('user_id');
    expect(
      (await api(test, 'PUT', `/timesheets/${mixed.id}/approve`, { token: colleague.token })).statusCode,
    ).toBe(404);
    expect(
      (await api(test, 'PUT', `/timesheets/${mixed.id}/approve`, { token: worker.token })).statusCode,
    ).toBe(403);
    expect(
      (await api(test, 'GET', '/timesheets/approvals', { token: colleague.token })).json().items,
    ).toEqual([]);
    // Another organization: 404 everywhere.
    expect((await api(test, 'GET', `/timesheets/${mixed.id}`, { token: stranger.token })).statusCode).toBe(
      404,
    );
    expect(
      (
        await api(test, 'PUT', `/timesheets/${mixed.id}/reject`, {
          token: stranger.token,
          body: { reason: 'no' },
        })
      ).statusCode,
    ).toBe(404);
    const otherOrg = await api(test, 'GET', `/timesheets?week=2025-05-12&organization_id=${owner.orgId}`, {
      token: stranger.token,
    });
    expect(otherOrg.statusCode).toBe(404);
    expect(otherOrg.json().errors[0].field).toBe('organization_id');
  });

  it('starts weeks on Sunday when the organization says so', async () => {
    const boss = await signUp(test);
    await setOrgSettings(test, boss, { week_start: 'sunday' });
    await logTime(test, boss, { start_time: '2025-04-13T10:00:00Z', end_time: '2025-04-13T11:00:00Z' }); // a Sunday
    const sheet = await week(boss, '2025-04-16', boss.orgId);
    expect(sheet).toMatchObject({
      week_start_date: '2025-04-13',
      week_end_date: '2025-04-19',
      total_hours: 1,
    });
    expect(sheet.totals.by_day[0]).toMatchObject({ date: '2025-04-13', minutes: 60 });
    const bad = await api(test, 'GET', '/timesheets?week=13/04/2025', { token: boss.token });
    expect(bad.json().errors[0].field).toBe('querystring.week');
  });

  it('refuses to submit a week while its timer runs', async () => {
    const person = await signUp(test);
    await expectStatus(
      api(test, 'POST', '/time-entries/timer/start', { token: person.token, body: {} }),
      201,
    );
    const today = new Date().toISOString().slice(0, 10);
    const res = await api(test, 'POST', '/timesheets', { token: person.token, body: { week: today } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TIME_TIMER_RUNNING');
  });
});
