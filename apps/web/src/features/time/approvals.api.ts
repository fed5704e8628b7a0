import { apiClient } from '../../shared/api/client.ts';
import { seg, withQuery, type Page } from '../../shared/api/page.ts';
import type { Timesheet, TimesheetStatus, TimesheetSummary } from './time.types.ts';

const { request } = apiClient;
const timesheet = (id: string) => `/timesheets/${seg(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export interface ApprovalFilters {
  organization_id: string;
  status?: TimesheetStatus | undefined;
  user_id?: string | undefined;
}

/** The timesheets the caller decides (org owner/admin, or admin of every project of the week). */
export function listApprovals(
  filters: ApprovalFilters & { limit?: number; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<TimesheetSummary>> {
  return request<Page<TimesheetSummary>>(withQuery('/timesheets/approvals', { ...filters }), opts(signal));
}

/** A submitted week with its entries, totals per day and project, and history. */
export function getTimesheetById(id: string, signal?: AbortSignal): Promise<Timesheet> {
  return request<Timesheet>(timesheet(id), opts(signal));
}

export function approveTimesheet(id: string): Promise<Timesheet> {
  return request<Timesheet>(`${timesheet(id)}/approve`, { method: 'PUT', body: {} });
}

export function rejectTimesheet(id: string, reason: string): Promise<Timesheet> {
  return request<Timesheet>(`${timesheet(id)}/reject`, { method: 'PUT', body: { reason } });
}

/** Unlocks an approved (or rejected) week so its person can change it and submit again. */
export function reopenTimesheet(id: string, reason?: string): Promise<Timesheet> {
  return request<Timesheet>(`${timesheet(id)}/reopen`, {
    method: 'PUT',
    body: reason ? { reason } : {},
  });
}
