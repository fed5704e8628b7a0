import { describe, expect, it } from 'vitest';
import { billableByWeek, stackByWeek, topGroups } from './report-series.ts';
import { projectDayMatrix } from './timesheet-matrix.ts';
import type { AnalyticsReport, TimeEntry, Timesheet } from './time.types.ts';

const group = (key: string | null, minutes: number, billableMinutes = 0) => ({
  key,
  label: key ? `Label ${key}` : null,
  time_zones: ['UTC'],
  minutes,
  hours: minutes / 60,
  billable_hours: billableMinutes / 60,
  amounts: {},
});

const report = (
  groupBy: AnalyticsReport['group_by'],
  groups: ReturnType<typeof group>[],
): AnalyticsReport => ({
  group_by: groupBy,
  groups,
  totals: { minutes: 0, hours: 0, billable_hours: 0, amounts: {} },
});

describe('weekly chart series', () => {
  it('keeps the groups with most time that have a key, largest first', () => {
    const grouped = report('project', [group('a', 60), group(null, 600), group('b', 120), group('c', 30)]);
    expect(topGroups(grouped, 2).map((g) => g.key)).toEqual(['b', 'a']);
  });

  it('stacks each series per week, sorted by week, with the rest of a week as "Other"', () => {
    const weeks = report('week', [group('2026-11-16', 300), group('2026-11-09', 90)]);
    const { rows, series } = stackByWeek(weeks, [
      { series: { key: 'a', label: 'Alpha' }, byWeek: report('week', [group('2026-11-16', 120)]) },
      {
        series: { key: 'b', label: 'Beta' },
        byWeek: report('week', [group('2026-11-09', 90), group('2026-11-16', 90)]),
      },
    ]);
    expect(rows).toEqual([
      { week: '2026-11-09', a: 0, b: 1.5, __other__: 0 },
      { week: '2026-11-16', a: 2, b: 1.5, __other__: 1.5 },
    ]);
    expect(series.map((s) => s.label)).toEqual(['Alpha', 'Beta', 'Other']);
  });

  it('leaves "Other" out when the series cover every week whole', () => {
    const weeks = report('week', [group('2026-11-16', 60)]);
    const { series } = stackByWeek(weeks, [
      { series: { key: 'a', label: 'Alpha' }, byWeek: report('week', [group('2026-11-16', 60)]) },
    ]);
    expect(series.map((s) => s.key)).toEqual(['a']);
  });

  it('splits each week into billable and non-billable hours', () => {
    const weeks = report('week', [group('2026-11-16', 150, 90)]);
    expect(billableByWeek(weeks)).toEqual([{ week: '2026-11-16', billable: 1.5, non_billable: 1 }]);
  });
});

describe('a week by project and day', () => {
  const entry = (projectId: string | null, day: string, minutes: number | null) =>
    ({
      id: `${projectId}-${day}-${minutes}`,
      project_id: projectId,
      entry_date: day,
      duration_minutes: minutes,
    }) as TimeEntry;

  it('sums finished entries per project and day, most time first', () => {
    const days = [
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
      '2026-11-22',
    ];
    const sheet = {
      totals: { by_day: days.map((date) => ({ date })) },
      entries: [
        entry('p1', '2026-11-16', 60),
        entry('p1', '2026-11-16', 30),
        entry(null, '2026-11-17', 240),
        entry('p1', '2026-11-18', 45),
        entry('p1', '2026-11-19', null),
      ],
    } as unknown as Timesheet;
    const { rows } = projectDayMatrix(sheet);
    expect(rows).toEqual([
      { projectId: null, minutes: [0, 240, 0, 0, 0, 0, 0], total: 240 },
      { projectId: 'p1', minutes: [90, 0, 45, 0, 0, 0, 0], total: 135 },
    ]);
  });
});
