import type { AnalyticsReport } from './time.types.ts';

type Group = AnalyticsReport['groups'][number];

/** How many projects or people get their own colour in a weekly chart; the rest add up to "Other". */
export const MAX_SERIES = 6;
export const OTHER_SERIES = '__other__';

export interface Series {
  key: string;
  label: string;
}

/** One bar of a weekly chart: the week's start date and hours per series key. */
export type WeekRow = { week: string } & Record<string, number | string>;

const round2 = (hours: number) => Math.round(hours * 100) / 100;

/** The groups with most hours that have a key (entries without a project or person fall in "Other"). */
export function topGroups(report: AnalyticsReport | undefined, max = MAX_SERIES): Group[] {
  return (report?.groups ?? [])
    .filter((group): group is Group & { key: string } => group.key !== null)
    .toSorted((a, b) => b.minutes - a.minutes)
    .slice(0, max);
}

/**
 * Stacked weekly bars: for each week of `weeks` (the totals grouped by week), the hours of each
 * series (its own report grouped by week) and an "Other" remainder so every bar sums to the week.
 */
export function stackByWeek(
  weeks: AnalyticsReport,
  series: { series: Series; byWeek: AnalyticsReport | undefined }[],
): { rows: WeekRow[]; series: Series[] } {
  let hasOther = false;
  const rows = weeks.groups
    .filter((week): week is Group & { key: string } => week.key !== null)
    .toSorted((a, b) => a.key.localeCompare(b.key))
    .map((week) => {
      const row: WeekRow = { week: week.key };
      let placedMinutes = 0;
      for (const { series: s, byWeek } of series) {
        const minutes = byWeek?.groups.find((g) => g.key === week.key)?.minutes ?? 0;
        row[s.key] = round2(minutes / 60);
        placedMinutes += minutes;
      }
      const otherMinutes = week.minutes - placedMinutes;
      row[OTHER_SERIES] = round2(Math.max(otherMinutes, 0) / 60);
      hasOther ||= otherMinutes > 0;
      return row;
    });
  const all = series.map((s) => s.series);
  return { rows, series: hasOther ? [...all, { key: OTHER_SERIES, label: 'Other' }] : all };
}

/** Billable against non-billable hours per week. */
export function billableByWeek(weeks: AnalyticsReport): WeekRow[] {
  return weeks.groups
    .filter((week): week is Group & { key: string } => week.key !== null)
    .toSorted((a, b) => a.key.localeCompare(b.key))
    .map((week) => ({
      week: week.key,
      billable: round2(week.billable_hours),
      non_billable: round2(Math.max(week.hours - week.billable_hours, 0)),
    }));
}

/** "EUR 1,200.00 · USD 80.00": amounts per currency, for a table cell. */
export function formatAmounts(amounts: Record<string, number>): string {
  const parts = Object.entries(amounts)
    .toSorted(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => {
      try {
        return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
      } catch {
        return `${currency} ${amount.toFixed(2)}`;
      }
    });
  return parts.length > 0 ? parts.join(' · ') : '—';
}
