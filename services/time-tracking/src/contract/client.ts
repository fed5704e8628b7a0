import { callService, type Page, type Transport } from '@pm/kernel';
import type { AnalyticsQuery, AnalyticsReport } from './analytics-http.ts';
import type { CreateEntryBody, EntryListQuery, StartTimerBody, TimeEntry, UpdateEntryBody } from './http.ts';
import type { CreateRateBody, HourlyRate, RateListQuery, UpdateRateBody } from './rate-http.ts';
import type {
  SubmitTimesheetBody,
  Timesheet,
  TimesheetListQuery,
  TimesheetSummary,
  TimesheetWeekQuery,
} from './timesheet-http.ts';

const BASE = '/api/v1';
type Query = Record<string, string | number | boolean | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Typed client of the time tracking service, over any kernel transport (HTTP or in-process). */
export function createTimeTrackingClient(transport: Transport) {
  const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown) =>
    callService<T>(transport, method, `${BASE}${path}`, { token, ...(body === undefined ? {} : { body }) });
  const id = (value: string) => encodeURIComponent(value);
  return {
    listEntries: (token: string, query?: Omit<EntryListQuery, 'format'>) =>
      call<Page<TimeEntry>>('GET', withQuery('/time-entries', query), token),
    getEntry: (token: string, entryId: string) =>
      call<TimeEntry>('GET', `/time-entries/${id(entryId)}`, token),
    createEntry: (token: string, body: CreateEntryBody) =>
      call<TimeEntry>('POST', '/time-entries', token, body),
    updateEntry: (token: string, entryId: string, body: UpdateEntryBody) =>
      call<TimeEntry>('PUT', `/time-entries/${id(entryId)}`, token, body),
    deleteEntry: (token: string, entryId: string) =>
      call<null>('DELETE', `/time-entries/${id(entryId)}`, token),
    runningTimer: (token: string) => call<{ entry: TimeEntry | null }>('GET', '/time-entries/timer', token),
    startTimer: (token: string, body: StartTimerBody = {}) =>
      call<{ entry: TimeEntry; stopped: TimeEntry | null }>('POST', '/time-entries/timer/start', token, body),
    stopTimer: (token: string) =>
      call<{ entry: TimeEntry | null }>('POST', '/time-entries/timer/stop', token),
    timesheet: (token: string, query: TimesheetWeekQuery) =>
      call<Timesheet>('GET', withQuery('/timesheets', query), token),
    timesheetById: (token: string, sheetId: string) =>
      call<Timesheet>('GET', `/timesheets/${id(sheetId)}`, token),
    submitTimesheet: (token: string, body: SubmitTimesheetBody) =>
      call<Timesheet>('POST', '/timesheets', token, body),
    timesheetsToDecide: (token: string, query?: TimesheetListQuery) =>
      call<Page<TimesheetSummary>>('GET', withQuery('/timesheets/approvals', query), token),
    approveTimesheet: (token: string, sheetId: string) =>
      call<Timesheet>('PUT', `/timesheets/${id(sheetId)}/approve`, token),
    rejectTimesheet: (token: string, sheetId: string, reason: string) =>
      call<Timesheet>('PUT', `/timesheets/${id(sheetId)}/reject`, token, { reason }),
    reopenTimesheet: (token: string, sheetId: string, reason?: string) =>
      call<Timesheet>('PUT', `/timesheets/${id(sheetId)}/reopen`, token, reason ? { reason } : {}),
    listRates: (token: string, query?: RateListQuery) =>
      call<Page<HourlyRate>>('GET', withQuery('/hourly-rates', query), token),
    createRate: (token: string, body: CreateRateBody) =>
      call<HourlyRate>('POST', '/hourly-rates', token, body),
    updateRate: (token: string, rateId: string, body: UpdateRateBody) =>
      call<HourlyRate>('PUT', `/hourly-rates/${id(rateId)}`, token, body),
    deleteRate: (token: string, rateId: string) => call<null>('DELETE', `/hourly-rates/${id(rateId)}`, token),
    analytics: (token: string, query: Omit<AnalyticsQuery, 'format'>) =>
      call<AnalyticsReport>('GET', withQuery('/time-analytics', query), token),
  };
}
export type TimeTrackingClient = ReturnType<typeof createTimeTrackingClient>;
