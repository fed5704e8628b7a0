import { describe, expect, it } from 'vitest';
import { addDays } from './time-format.ts';
import { buildGrid, freeStart } from './timesheet-grid.ts';
import type { TimeEntry } from './time.types.ts';

const MONDAY = '2026-11-16';
const DAYS = Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i));
let next = 0;

function entry(fields: Partial<TimeEntry> & Pick<TimeEntry, 'start_time' | 'entry_date'>): TimeEntry {
  next += 1;
  const minutes = fields.duration_minutes ?? 60;
  return {
    id: `e${next}`,
    organization_id: 'org',
    user_id: 'me',
    project_id: 'p1',
    task_id: 't1',
    task_key: 'WEB-1',
    description: null,
    end_time: new Date(Date.parse(fields.start_time) + minutes * 60_000).toISOString(),
    duration_minutes: minutes,
    time_zone: 'UTC',
    billable: true,
    hourly_rate: null,
    currency: null,
    rate_frozen: false,
    amount: null,
    approved: false,
    is_running: false,
    flagged_long_running: false,
    version: 1,
    created_at: fields.start_time,
    updated_at: fields.start_time,
    ...fields,
  };
}

describe('buildGrid', () => {
  it('puts entries in rows per task (or project without a task) and days, with totals', () => {
    const entries = [
      entry({ start_time: '2026-11-16T09:00:00Z', entry_date: '2026-11-16', duration_minutes: 90 }),
      entry({ start_time: '2026-11-16T13:00:00Z', entry_date: '2026-11-16', duration_minutes: 30 }),
      entry({
        start_time: '2026-11-18T09:00:00Z',
        entry_date: '2026-11-18',
        task_id: null,
        task_key: null,
        billable: false,
        duration_minutes: 45,
      }),
      // Another week's entry is not counted.
      entry({ start_time: '2026-11-23T09:00:00Z', entry_date: '2026-11-23' }),
    ];
    const grid = buildGrid(entries, DAYS, [{ taskId: 't2', projectId: 'p1', taskKey: 'WEB-2' }]);
    expect(grid.rows.map((row) => [row.key, row.minutes])).toEqual([
      ['task:t1', 120],
      ['project:p1', 45],
      ['task:t2', 0],
    ]);
    expect(grid.rows[0]?.cells[0]?.map((e) => e.duration_minutes)).toEqual([90, 30]);
    expect(grid.dayMinutes).toEqual([120, 0, 45, 0, 0, 0, 0]);
    expect(grid.minutes).toBe(165);
    expect(grid.billableMinutes).toBe(120);
  });

  it('counts nothing for a running timer', () => {
    const running = entry({ start_time: '2026-11-17T09:00:00Z', entry_date: '2026-11-17' });
    const grid = buildGrid([{ ...running, end_time: null, duration_minutes: null, is_running: true }], DAYS);
    expect(grid.minutes).toBe(0);
    expect(grid.rows[0]?.cells[1]).toHaveLength(1);
  });
});

describe('freeStart', () => {
  const later = Date.parse('2026-12-01T00:00:00Z');

  it('starts at 09:00 in the person’s zone on an empty day', () => {
    expect(new Date(freeStart([], '2026-11-16', 60, 'Pacific/Honolulu', later)!).toISOString()).toBe(
      '2026-11-16T19:00:00.000Z',
    );
  });

  it('goes after what is logged; an entry ending at 10:00 leaves 10:00 free', () => {
    const day = [
      entry({ start_time: '2026-11-16T09:00:00Z', entry_date: '2026-11-16', duration_minutes: 60 }),
      entry({ start_time: '2026-11-16T10:30:00Z', entry_date: '2026-11-16', duration_minutes: 60 }),
    ];
    expect(new Date(freeStart(day, '2026-11-16', 30, 'UTC', later)!).toISOString()).toBe(
      '2026-11-16T10:00:00.000Z',
    );
    expect(new Date(freeStart(day, '2026-11-16', 45, 'UTC', later)!).toISOString()).toBe(
      '2026-11-16T11:30:00.000Z',
    );
  });

  it('never ends after now, falls back to the morning, and gives up when the day is full', () => {
    const now = Date.parse('2026-11-16T09:30:00Z');
    expect(new Date(freeStart([], '2026-11-16', 60, 'UTC', now)!).toISOString()).toBe(
      '2026-11-16T00:00:00.000Z',
    );
    expect(freeStart([], '2026-11-16', 600, 'UTC', now)).toBeNull();
    const full = [
      entry({ start_time: '2026-11-16T00:00:00Z', entry_date: '2026-11-16', duration_minutes: 1440 }),
    ];
    expect(freeStart(full, '2026-11-16', 30, 'UTC', later)).toBeNull();
  });
});
