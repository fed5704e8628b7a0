import type { Timesheet, TimesheetSummary } from '../contract/timesheet-http.ts';
import type { EntryRow } from '../data/entry-view.ts';
import type { SheetRow } from '../data/timesheet.repository.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { addDays, knownTimeZone, weekDays } from '../domain/calendar.ts';
import { TimesheetNotFoundError } from '../domain/time.errors.ts';
import { isAdminOf, type Caller } from './caller-scope.ts';

/** A week of one person in one organization, stored or not yet. */
export interface Week {
  organizationId: string;
  userId: string;
  weekStart: string;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function totalsOf(entries: EntryRow[]) {
  const finished = entries.filter((entry) => entry.duration_minutes !== null);
  const minutes = finished.reduce((sum, entry) => sum + entry.duration_minutes!, 0);
  const billable = finished
    .filter((entry) => entry.billable)
    .reduce((sum, entry) => sum + entry.duration_minutes!, 0);
  return { minutes, hours: hours(minutes), billable_hours: hours(billable) };
}

function groupTotals<K extends string | null>(entries: EntryRow[], keys: K[], keyOf: (entry: EntryRow) => K) {
  return keys.map((key) => ({ key, ...totalsOf(entries.filter((entry) => keyOf(entry) === key)) }));
}

/** Minutes of finished entries, as the stored total (hours, two decimals). */
export function totalHours(entries: EntryRow[]): number {
  return totalsOf(entries).hours;
}

export function summaryOf(week: Week, sheet: SheetRow | undefined, timeZone: string): TimesheetSummary {
  return {
    id: sheet?.id ?? null,
    organization_id: week.organizationId,
    user_id: week.userId,
    week_start_date: week.weekStart,
    week_end_date: addDays(week.weekStart, 6),
    time_zone: timeZone,
    status: sheet?.status ?? 'draft',
    total_hours: sheet?.total_hours ?? 0,
    submitted_at: (sheet?.submitted_at as unknown as string) ?? null,
    approved_by: sheet?.approved_by ?? null,
    approved_at: (sheet?.approved_at as unknown as string) ?? null,
    rejection_reason: sheet?.rejection_reason ?? null,
    version: sheet?.version ?? 0,
  };
}

/** The week with its entries, totals per day, project and billable, and what happened to it. */
export async function weekView(deps: TimeTrackingDeps, week: Week): Promise<Timesheet> {
  const now = deps.clock.now();
  const entries = await deps.timesheets.entriesOfWeek(week.organizationId, week.userId, week.weekStart, now);
  const sheet = await deps.timesheets.findWeek(week.organizationId, week.userId, week.weekStart);
  const timeZone = knownTimeZone(await deps.readModels.timeZone(week.userId));
  const projects = [...new Set(entries.map((entry) => entry.project_id))];
  const totals = totalsOf(entries);
  return {
    ...summaryOf(week, sheet, timeZone),
    // A draft's total is live; a stored sheet's is what was submitted, until it changes status.
    total_hours:
      sheet && sheet.status !== 'draft' && sheet.status !== 'reopened' ? sheet.total_hours : totals.hours,
    entries,
    totals: {
      ...totals,
      by_day: groupTotals(entries, weekDays(week.weekStart), (entry) => entry.entry_date).map(
        ({ key, ...rest }) => ({
          date: key,
          ...rest,
        }),
      ),
      by_project: groupTotals(entries, projects, (entry) => entry.project_id).map(({ key, ...rest }) => ({
        project_id: key,
        ...rest,
      })),
    },
    history: sheet ? ((await deps.timesheets.history(sheet.id)) as unknown as Timesheet['history']) : [],
  };
}

/** Projects of the week's entries where the caller is an explicit admin, and whether that is all of them. */
export async function projectAdminCover(deps: TimeTrackingDeps, callerId: string, entries: EntryRow[]) {
  const mine = new Set(await deps.readModels.adminProjectIds(callerId));
  const involved = entries.map((entry) => entry.project_id);
  return {
    any: involved.some((id) => id !== null && mine.has(id)),
    all: involved.length > 0 && involved.every((id) => id !== null && mine.has(id)),
  };
}

/** The person, an organization admin, or an admin of a project the week holds time on; else 404. */
export async function checkMayView(deps: TimeTrackingDeps, caller: Caller, week: Week, field?: string) {
  if (week.userId === caller.id || (await isAdminOf(deps, caller.id, week.organizationId))) {
    return;
  }
  const entries = await deps.timesheets.entriesOfWeek(
    week.organizationId,
    week.userId,
    week.weekStart,
    deps.clock.now(),
  );
  if (
    !(await deps.readModels.orgRole(caller.id, week.organizationId)) ||
    !(await projectAdminCover(deps, caller.id, entries)).any
  ) {
    throw new TimesheetNotFoundError(field);
  }
}
