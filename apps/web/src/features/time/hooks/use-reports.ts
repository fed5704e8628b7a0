import { keepPreviousData, useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { downloadEntriesCsv, downloadReportCsv, getReport, type ReportQuery } from '../reports.api.ts';
import { topGroups } from '../report-series.ts';
import { timeKeys } from '../time.keys.ts';
import type { AnalyticsReport, EntryFilters } from '../time.types.ts';

/** Keys under `timeKeys.all`: a time write anywhere refreshes the reports. */
export const reportKeys = {
  report: (query: ReportQuery) => [...timeKeys.all, 'report', query] as const,
};

export function useReport(query: ReportQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.report(query),
    queryFn: ({ signal }) => getReport(query, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && Boolean(query.organization_id),
  });
}

/**
 * Weekly hours of the largest projects or people of `grouped` (one report grouped by week each,
 * filtered to that project or person), for a stacked weekly chart.
 */
export function useWeeklyBreakdown(
  filters: EntryFilters,
  dimension: 'project' | 'user',
  grouped: AnalyticsReport | undefined,
) {
  const groups = topGroups(grouped);
  const filterName = dimension === 'project' ? 'project_id' : 'user_id';
  const results = useQueries({
    queries: groups.map((group) => {
      const query: ReportQuery = { ...filters, [filterName]: group.key, group_by: 'week' };
      return {
        queryKey: reportKeys.report(query),
        queryFn: ({ signal }: { signal: AbortSignal }) => getReport(query, signal),
      };
    }),
  });
  return {
    groups,
    reports: results.map((result) => result.data),
    isPending: results.some((result) => result.isPending),
    error: results.find((result) => result.error)?.error ?? null,
  };
}

/** Saves a CSV of the filtered entries, or of the grouped report. */
export function useCsvDownload() {
  return useMutation({
    mutationFn: (
      what: { kind: 'entries'; filters: EntryFilters } | { kind: 'report'; query: ReportQuery },
    ) => (what.kind === 'entries' ? downloadEntriesCsv(what.filters) : downloadReportCsv(what.query)),
  });
}
