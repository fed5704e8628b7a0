import { ValidationError } from '@pm/kernel';
import type { AnalyticsReport } from '../contract/analytics-http.ts';
import type { EntryListQuery } from '../contract/http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { localDateTime } from '../domain/calendar.ts';
import { toCsv } from '../domain/csv.ts';
import type { Caller } from './caller-scope.ts';
import { entryFilters } from './entry-filters.ts';

const hours = (minutes: number | null) => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);

/** Every matching entry, one row each; local times are in each entry's own time zone, stated beside them. */
export async function exportEntries(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: EntryListQuery,
): Promise<string> {
  const max = deps.config.TIME_TRACKING_EXPORT_MAX_ROWS;
  const rows = await deps.entries.list(caller.id, entryFilters(caller, query), deps.clock.now(), {
    limit: max + 1,
  });
  if (rows.length > max) {
    throw new ValidationError([
      { field: 'from', message: `selects more than ${max} entries; narrow the dates` },
    ]);
  }
  const header = [
    'date',
    'start',
    'end',
    'time_zone',
    'start_utc',
    'end_utc',
    'user_id',
    'project',
    'task',
    'description',
    'minutes',
    'hours',
    'billable',
    'hourly_rate',
    'currency',
    'amount',
    'approved',
    'entry_id',
  ];
  const local = (value: unknown, zone: string) =>
    value ? localDateTime(new Date(value as string), zone) : null;
  const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);
  return toCsv(
    header,
    rows.map((row) => [
      row.entry_date,
      local(row.start_time, row.time_zone),
      local(row.end_time, row.time_zone),
      row.time_zone,
      iso(row.start_time),
      iso(row.end_time),
      row.user_id,
      row.project_name,
      row.task_key ? `${row.task_key} ${row.task_title ?? ''}`.trim() : null,
      row.description,
      row.duration_minutes,
      hours(row.duration_minutes),
      row.billable,
      row.hourly_rate,
      row.currency,
      row.amount,
      row.approved,
      row.id,
    ]),
  );
}

/** A grouped report, one row per group and a total row; amounts get one column per currency. */
export function reportCsv(report: AnalyticsReport): string {
  const currencies = [...new Set(report.groups.flatMap((group) => Object.keys(group.amounts)))].sort();
  const header = [
    report.group_by,
    'label',
    'time_zones',
    'minutes',
    'hours',
    'billable_hours',
    ...currencies.map((c) => `amount_${c}`),
  ];
  const line = (
    key: string | null,
    label: string | null,
    zones: string,
    figures: AnalyticsReport['totals'],
  ) => [
    key,
    label,
    zones,
    figures.minutes,
    figures.hours,
    figures.billable_hours,
    ...currencies.map((currency) => figures.amounts[currency] ?? null),
  ];
  return toCsv(header, [
    ...report.groups.map((group) =>
      line(group.key ?? '(none)', group.label, group.time_zones.join(' '), group),
    ),
    line(
      'total',
      null,
      [...new Set(report.groups.flatMap((group) => group.time_zones))].sort().join(' '),
      report.totals,
    ),
  ]);
}
