import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';
import type {
  CreateEntryBody,
  EntryFilters,
  StartTimerBody,
  TimeEntry,
  Timesheet,
  UpdateEntryBody,
} from './time.types.ts';

const { request } = apiClient;
const entry = (id: string) => `/time-entries/${seg(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** One page of entries, newest first. */
export function listEntries(
  filters: EntryFilters & { limit?: number; cursor?: string },
  signal?: AbortSignal,
): Promise<Page<TimeEntry>> {
  return request<Page<TimeEntry>>(withQuery('/time-entries', { ...filters }), opts(signal));
}

/** Every entry matching `filters` (a week, a task): tens or hundreds, never more than a few pages. */
export function listAllEntries(filters: EntryFilters, signal?: AbortSignal): Promise<TimeEntry[]> {
  return collectPages((cursor) =>
    listEntries({ ...filters, limit: 100, ...(cursor ? { cursor } : {}) }, signal),
  );
}

export function createEntry(body: CreateEntryBody): Promise<TimeEntry> {
  return request<TimeEntry>('/time-entries', { method: 'POST', body });
}

/** `version` is the state the edit is based on; a stale one answers 409 TIME_VERSION_CONFLICT. */
export function updateEntry(id: string, body: UpdateEntryBody): Promise<TimeEntry> {
  return request<TimeEntry>(entry(id), { method: 'PUT', body });
}

export function deleteEntry(id: string): Promise<void> {
  return request<void>(entry(id), { method: 'DELETE' });
}

/** The caller's running timer, null when none runs. */
export function getRunningTimer(signal?: AbortSignal): Promise<TimeEntry | null> {
  return request<{ entry: TimeEntry | null }>('/time-entries/timer', opts(signal)).then((r) => r.entry);
}

/** Starts a timer (`{}`: from nothing); a running one is stopped first and returned as `stopped`. */
export function startTimer(body: StartTimerBody): Promise<{ entry: TimeEntry; stopped: TimeEntry | null }> {
  return request<{ entry: TimeEntry; stopped: TimeEntry | null }>('/time-entries/timer/start', {
    method: 'POST',
    body,
  });
}

/** The stopped entry; null when it ran less than a minute (discarded). */
export function stopTimer(): Promise<TimeEntry | null> {
  return request<{ entry: TimeEntry | null }>('/time-entries/timer/stop', { method: 'POST' }).then(
    (r) => r.entry,
  );
}

/** The caller's week holding `week` (any day of it), with its entries, totals and history. */
export function getTimesheet(
  week: string,
  organizationId?: string,
  signal?: AbortSignal,
): Promise<Timesheet> {
  return request<Timesheet>(
    withQuery('/timesheets', { week, organization_id: organizationId }),
    opts(signal),
  );
}

export function submitTimesheet(week: string, organizationId?: string): Promise<Timesheet> {
  return request<Timesheet>('/timesheets', {
    method: 'POST',
    body: organizationId ? { week, organization_id: organizationId } : { week },
  });
}
