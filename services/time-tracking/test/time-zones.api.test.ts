import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Timesheet } from '../src/contract/timesheet-http.ts';
import { api, expectStatus, logTime, setTimeZone, signUp, startTime, type TestUser } from './helpers.ts';

describe('days and weeks in each person’s own time zone', () => {
  let test: TestApp;
  let tonga: TestUser;
  let hawaii: TestUser;
  let newYork: TestUser;

  beforeAll(async () => {
    test = await startTime();
    [tonga, hawaii, newYork] = [await signUp(test), await signUp(test), await signUp(test)];
    await setTimeZone(test, tonga, 'Pacific/Tongatapu'); // UTC+13
    await setTimeZone(test, hawaii, 'Pacific/Honolulu'); // UTC−10
    await setTimeZone(test, newYork, 'America/New_York');
  });
  afterAll(async () => test?.close());

  const week = (person: TestUser, day: string) =>
    expectStatus<Timesheet>(api(test, 'GET', `/timesheets?week=${day}`, { token: person.token }), 200);

  it('puts the same instant on Monday in UTC+13 and on Sunday of the week before in UTC−10', async () => {
    const instant = { start_time: '2025-01-05T11:30:00Z', end_time: '2025-01-05T12:30:00Z' }; // a Sunday in UTC
    const early = await logTime(test, tonga, instant);
    const late = await logTime(test, hawaii, instant);
    expect(early).toMatchObject({ entry_date: '2025-01-06', time_zone: 'Pacific/Tongatapu' });
    expect(late).toMatchObject({ entry_date: '2025-01-05', time_zone: 'Pacific/Honolulu' });
    const tongaWeek = await week(tonga, '2025-01-06');
    expect(tongaWeek).toMatchObject({
      week_start_date: '2025-01-06',
      time_zone: 'Pacific/Tongatapu',
      total_hours: 1,
    });
    expect(tongaWeek.totals.by_day[0]).toMatchObject({ date: '2025-01-06', minutes: 60 });
    const hawaiiWeek = await week(hawaii, '2025-01-05');
    expect(hawaiiWeek).toMatchObject({ week_start_date: '2024-12-30', total_hours: 1 });
    expect(hawaiiWeek.totals.by_day[6]).toMatchObject({ date: '2025-01-05', minutes: 60 });
    expect((await week(hawaii, '2025-01-06')).total_hours).toBe(0);
    // Dates in filters are the person's own days.
    const filtered = await api(test, 'GET', '/time-entries?from=2025-01-06&to=2025-01-06', {
      token: tonga.token,
    });
    expect(filtered.json().items.map((e: { id: string }) => e.id)).toEqual([early.id]);
  });

  it('counts real minutes in a week with a daylight-saving change, and late-night entries on their start day', async () => {
    // New York springs forward on Sunday 2025-03-09 at 02:00 (UTC−5 → UTC−4); Monday weeks.
    const beforeWeek = await logTime(test, newYork, {
      start_time: '2025-03-03T04:50:00Z',
      end_time: '2025-03-03T05:20:00Z',
    }); // Sun 2 Mar 23:50 EST
    const monday = await logTime(test, newYork, {
      start_time: '2025-03-03T14:00:00Z',
      end_time: '2025-03-03T22:00:00Z',
    }); // 09:00–17:00 EST
    const overChange = await logTime(test, newYork, {
      start_time: '2025-03-09T06:30:00Z',
      end_time: '2025-03-09T07:30:00Z',
    }); // 01:30 EST → 03:30 EDT
    const acrossMidnight = await logTime(test, newYork, {
      start_time: '2025-03-10T03:30:00Z',
      end_time: '2025-03-10T05:00:00Z',
    }); // Sun 23:30 EDT → Mon 01:00
    expect(beforeWeek.entry_date).toBe('2025-03-02');
    expect(overChange).toMatchObject({ entry_date: '2025-03-09', duration_minutes: 60 });
    expect(acrossMidnight).toMatchObject({ entry_date: '2025-03-09', duration_minutes: 90 });
    const sheet = await week(newYork, '2025-03-05');
    expect(sheet.week_start_date).toBe('2025-03-03');
    expect(sheet.entries.map((e) => e.id)).toEqual([monday.id, overChange.id, acrossMidnight.id]);
    expect(sheet.totals.by_day.map((d) => d.minutes)).toEqual([480, 0, 0, 0, 0, 0, 150]);
    expect(sheet.totals.minutes).toBe(630);
    expect((await week(newYork, '2025-03-02')).totals.minutes).toBe(30);
  });

  it('keeps past entries on their day when the person moves, until their start changes', async () => {
    const traveller = await signUp(test);
    await setTimeZone(test, traveller, 'Pacific/Honolulu');
    const entry = await logTime(test, traveller, {
      start_time: '2025-01-05T11:30:00Z',
      end_time: '2025-01-05T12:00:00Z',
    });
    expect(entry.entry_date).toBe('2025-01-05');
    await setTimeZone(test, traveller, 'Pacific/Tongatapu');
    const edited = await expectStatus(
      api(test, 'PUT', `/time-entries/${entry.id}`, {
        token: traveller.token,
        body: { version: 1, description: 'renamed' },
      }),
      200,
    );
    expect(edited).toMatchObject({ entry_date: '2025-01-05', time_zone: 'Pacific/Honolulu' });
    const moved = await expectStatus(
      api(test, 'PUT', `/time-entries/${entry.id}`, {
        token: traveller.token,
        body: { version: 2, start_time: '2025-01-05T11:00:00Z' },
      }),
      200,
    );
    expect(moved).toMatchObject({
      entry_date: '2025-01-06',
      time_zone: 'Pacific/Tongatapu',
      duration_minutes: 60,
    });
  });
});
