import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HourlyRate } from '../src/contract/rate-http.ts';
import type { Timesheet } from '../src/contract/timesheet-http.ts';
import {
  addProjectMember,
  api,
  createProject,
  expectStatus,
  joinOrganization,
  logTime,
  signUp,
  startTime,
  type TestUser,
} from './helpers.ts';

describe('hourly rates', () => {
  let test: TestApp;
  let owner: TestUser;
  let worker: TestUser;
  let stranger: TestUser;
  let project: Project;

  beforeAll(async () => {
    test = await startTime();
    owner = await signUp(test);
    worker = await signUp(test);
    stranger = await signUp(test);
    await joinOrganization(test, worker, owner.orgId, 'member');
    project = await createProject(test, owner, { name: 'Client work', key: 'CLI' });
    await addProjectMember(test, owner, project.id, worker, 'member');
  });
  afterAll(async () => test?.close());

  const setRate = (body: Record<string, unknown>, token = owner.token) =>
    api(test, 'POST', '/hourly-rates', {
      token,
      body: { organization_id: owner.orgId, user_id: worker.id, currency: 'EUR', ...body },
    });

  it('creates, reads, changes and deletes rates as an organization admin', async () => {
    const rate = await expectStatus<HourlyRate>(setRate({ rate: 42.5, effective_from: '2024-01-01' }), 201);
    expect(rate).toMatchObject({
      user_id: worker.id,
      project_id: null,
      rate: 42.5,
      currency: 'EUR',
      effective_from: '2024-01-01',
      version: 1,
    });
    expect((await api(test, 'GET', `/hourly-rates/${rate.id}`, { token: worker.token })).json().id).toBe(
      rate.id,
    );
    const changed = await expectStatus<HourlyRate>(
      api(test, 'PUT', `/hourly-rates/${rate.id}`, { token: owner.token, body: { version: 1, rate: 45 } }),
      200,
    );
    expect(changed).toMatchObject({ rate: 45, version: 2 });
    expect(
      (
        await api(test, 'PUT', `/hourly-rates/${rate.id}`, {
          token: owner.token,
          body: { version: 1, rate: 1 },
        })
      ).statusCode,
    ).toBe(409);
    const duplicate = await setRate({ rate: 50, effective_from: '2024-01-01' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].field).toBe('effective_from');
    const list = await expectStatus(
      api(test, 'GET', `/hourly-rates?user_id=${worker.id}`, { token: owner.token }),
      200,
    );
    expect(list.items.map((r: HourlyRate) => r.id)).toEqual([rate.id]);
    await expectStatus(api(test, 'DELETE', `/hourly-rates/${rate.id}`, { token: owner.token }), 204);
    expect((await api(test, 'GET', `/hourly-rates/${rate.id}`, { token: owner.token })).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, members (403) and other organizations (404)', async () => {
    for (const [body, field] of [
      [{ rate: -1, effective_from: '2024-01-01' }, 'rate'],
      [{ rate: 10.555, effective_from: '2024-01-01' }, 'rate'],
      [{ rate: 10, effective_from: '2024-01-01', currency: 'euro' }, 'currency'],
      [{ rate: 10, effective_from: 'soon' }, 'effective_from'],
    ] as const) {
      const res = await setRate(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const outsider = await setRate({ rate: 10, effective_from: '2024-01-01', user_id: stranger.id });
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().errors[0].field).toBe('user_id');
    const member = await setRate({ rate: 10, effective_from: '2024-01-01' }, worker.token);
    expect(member.statusCode).toBe(403);
    const otherOrg = await setRate({ rate: 10, effective_from: '2024-01-01' }, stranger.token);
    expect(otherOrg.statusCode).toBe(404);
    expect(otherOrg.json().errors[0].field).toBe('organization_id');
    const hidden = await expectStatus<HourlyRate>(setRate({ rate: 10, effective_from: '2023-01-01' }), 201);
    expect((await api(test, 'GET', `/hourly-rates/${hidden.id}`, { token: stranger.token })).statusCode).toBe(
      404,
    );
    expect(
      (await api(test, 'DELETE', `/hourly-rates/${hidden.id}`, { token: stranger.token })).statusCode,
    ).toBe(404);
    expect(
      (await api(test, 'DELETE', `/hourly-rates/${hidden.id}`, { token: worker.token })).statusCode,
    ).toBe(403);
    expect((await api(test, 'GET', '/hourly-rates', { token: stranger.token })).json().items).toEqual([]);
    await expectStatus(api(test, 'DELETE', `/hourly-rates/${hidden.id}`, { token: owner.token }), 204);
  });

  it('applies the rate in force on each day (a change mid-week), project rates first, frozen on approval', async () => {
    await expectStatus(setRate({ rate: 50, effective_from: '2025-06-01' }), 201);
    const raise = await expectStatus<HourlyRate>(setRate({ rate: 60, effective_from: '2025-06-04' }), 201); // a Wednesday
    await expectStatus(
      setRate({ rate: 100, currency: 'EUR', effective_from: '2025-06-05', project_id: project.id }),
      201,
    );
    const monday = await logTime(test, worker, {
      organization_id: owner.orgId,
      start_time: '2025-06-02T09:00:00Z',
      end_time: '2025-06-02T11:00:00Z',
    });
    const wednesday = await logTime(test, worker, {
      organization_id: owner.orgId,
      start_time: '2025-06-04T09:00:00Z',
      end_time: '2025-06-04T10:30:00Z',
    });
    const thursday = await logTime(test, worker, {
      project_id: project.id,
      start_time: '2025-06-05T09:00:00Z',
      end_time: '2025-06-05T10:00:00Z',
    });
    const unbilled = await logTime(test, worker, {
      organization_id: owner.orgId,
      billable: false,
      start_time: '2025-06-06T09:00:00Z',
      end_time: '2025-06-06T10:00:00Z',
    });
    expect(
      [monday, wednesday, thursday, unbilled].map((e) => [e.hourly_rate, e.amount, e.rate_frozen]),
    ).toEqual([
      [50, 100, false],
      [60, 90, false],
      [100, 100, false],
      [60, null, false],
    ]);
    const sheet = await expectStatus<Timesheet>(
      api(test, 'POST', '/timesheets', {
        token: worker.token,
        body: { week: '2025-06-02', organization_id: owner.orgId },
      }),
      201,
    );
    const approved = await expectStatus<Timesheet>(
      api(test, 'PUT', `/timesheets/${sheet.id}/approve`, { token: owner.token }),
      200,
    );
    expect(approved.entries.every((entry) => entry.rate_frozen)).toBe(true);
    // A later change of the rate leaves approved money alone, and applies to open weeks.
    await expectStatus(
      api(test, 'PUT', `/hourly-rates/${raise.id}`, { token: owner.token, body: { version: 1, rate: 80 } }),
      200,
    );
    const after = await expectStatus(
      api(test, 'GET', `/time-entries/${wednesday.id}`, { token: worker.token }),
      200,
    );
    expect(after).toMatchObject({ hourly_rate: 60, amount: 90, rate_frozen: true, approved: true });
    const later = await logTime(test, worker, {
      organization_id: owner.orgId,
      start_time: '2025-06-10T09:00:00Z',
      end_time: '2025-06-10T10:00:00Z',
    });
    expect(later).toMatchObject({ hourly_rate: 80, amount: 80, currency: 'EUR' });
  });
});
