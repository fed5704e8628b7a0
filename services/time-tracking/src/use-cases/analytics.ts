import type { AnalyticsGroup, AnalyticsQuery, AnalyticsReport } from '../contract/analytics-http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import type { GroupRow } from '../data/analytics.repository.ts';
import type { Caller } from './caller-scope.ts';
import { entryFilters } from './entry-filters.ts';

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const cents = (amount: number) => Math.round(amount * 100) / 100;

interface Sum {
  minutes: number;
  billable: number;
  amounts: Record<string, number>;
  zones: Set<string>;
}

function add(sum: Sum, row: GroupRow): void {
  sum.minutes += row.minutes;
  sum.billable += row.billable_minutes;
  sum.zones.add(row.time_zone);
  if (row.currency && row.amount !== null) {
    sum.amounts[row.currency] = cents((sum.amounts[row.currency] ?? 0) + row.amount);
  }
}

const empty = (): Sum => ({ minutes: 0, billable: 0, amounts: {}, zones: new Set() });

function figures(sum: Sum) {
  return {
    minutes: sum.minutes,
    hours: hours(sum.minutes),
    billable_hours: hours(sum.billable),
    amounts: sum.amounts,
  };
}

/** Hours, billable hours and amounts (per currency) of the visible entries, by the chosen group. */
export async function timeAnalytics(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: AnalyticsQuery,
): Promise<AnalyticsReport> {
  const rows = await deps.analytics.grouped(
    caller.id,
    query.group_by,
    entryFilters(caller, query),
    deps.clock.now(),
  );
  const groups = new Map<string | null, { label: string | null; sum: Sum }>();
  const total = empty();
  for (const row of rows) {
    const group = groups.get(row.key) ?? { label: row.label, sum: empty() };
    add(group.sum, row);
    add(total, row);
    groups.set(row.key, group);
  }
  const items: AnalyticsGroup[] = [...groups.entries()].map(([key, { label, sum }]) => ({
    key,
    label,
    time_zones: [...sum.zones].sort(),
    ...figures(sum),
  }));
  return { group_by: query.group_by, groups: items, totals: figures(total) };
}
