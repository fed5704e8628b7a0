import { API_BASE, apiClient } from '../../shared/api/client.ts';
import { withQuery } from '../../shared/api/page.ts';
import { networkError, toApiError } from '../../shared/api/problem.ts';
import type { AnalyticsQuery, AnalyticsReport, EntryFilters } from './time.types.ts';

const { request } = apiClient;

/** The filters of a report screen: every entry filter plus how to group. */
export type ReportQuery = Omit<AnalyticsQuery, 'format'>;

/** Hours, billable hours and amounts per group over the filtered entries (finished ones only). */
export function getReport(query: ReportQuery, signal?: AbortSignal): Promise<AnalyticsReport> {
  return request<AnalyticsReport>(withQuery('/time-analytics', { ...query }), signal ? { signal } : {});
}

/** Every filtered entry as a CSV file, saved by the browser. */
export function downloadEntriesCsv(filters: EntryFilters): Promise<void> {
  return downloadCsv(withQuery('/time-entries', { ...filters, format: 'csv' }), 'time-entries.csv');
}

/** The grouped report (one row per group and a total row) as a CSV file. */
export function downloadReportCsv(query: ReportQuery): Promise<void> {
  return downloadCsv(
    withQuery('/time-analytics', { ...query, format: 'csv' }),
    `time-report-by-${query.group_by}.csv`,
  );
}

/**
 * The export needs the Authorization header, so a plain link cannot fetch it: fetch it as a blob
 * with the session's token, then hand it to the browser as a download.
 */
async function downloadCsv(path: string, fallbackName: string): Promise<void> {
  await apiClient.ensureFreshAccessToken();
  const token = apiClient.tokens.getAccessToken();
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  } catch {
    throw networkError();
  }
  if (!res.ok) {
    throw await toApiError(res);
  }
  const blob = await res.blob();
  saveBlob(blob, fileNameOf(res.headers.get('content-disposition')) ?? fallbackName);
}

function fileNameOf(disposition: string | null): string | null {
  const match = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return match?.[1] ?? null;
}

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke on the next tick: the click starts the download synchronously, the URL is spent after.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}
