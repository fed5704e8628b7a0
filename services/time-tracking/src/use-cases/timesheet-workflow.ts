import { ForbiddenError, type EventDefinition } from '@pm/kernel';
import type { TSchema } from 'typebox';
import {
  TimesheetApproved,
  TimesheetRejected,
  TimesheetReopened,
  TimesheetSubmitted,
} from '../contract/events.ts';
import type { SubmitTimesheetBody, Timesheet, TimesheetStatus } from '../contract/timesheet-http.ts';
import type { SheetRow } from '../data/timesheet.repository.ts';
import type { Db } from '../data/time.tables.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { weekStartOf } from '../domain/calendar.ts';
import {
  TimerRunningInWeekError,
  TimesheetNotFoundError,
  TimesheetStatusError,
} from '../domain/time.errors.ts';
import { isAdminOf, organizationFor, type Caller } from './caller-scope.ts';
import { checkMayView, projectAdminCover, totalHours, weekView, type Week } from './timesheet-view.ts';

type Action = 'submitted' | 'approved' | 'rejected' | 'reopened';

const EVENTS: Record<Action, EventDefinition<TSchema>> = {
  submitted: TimesheetSubmitted,
  approved: TimesheetApproved,
  rejected: TimesheetRejected,
  reopened: TimesheetReopened,
};

/** From which statuses each step may be taken. */
const ALLOWED_FROM: Record<Action, TimesheetStatus[]> = {
  submitted: ['draft', 'rejected', 'reopened'],
  approved: ['submitted'],
  rejected: ['submitted'],
  reopened: ['approved', 'rejected'],
};

const weekOf = (sheet: SheetRow): Week => ({
  organizationId: sheet.organization_id,
  userId: sheet.user_id,
  weekStart: sheet.week_start_date,
});

/** Moves the sheet one step under its row lock, records who did it and announces it. */
async function step(
  deps: TimeTrackingDeps,
  trx: Db,
  sheetId: string,
  action: Action,
  actorId: string,
  reason: string | null,
): Promise<void> {
  const sheet = await deps.timesheets.lock(trx, sheetId);
  if (!sheet) {
    throw new TimesheetNotFoundError();
  }
  if (!ALLOWED_FROM[action].includes(sheet.status)) {
    throw new TimesheetStatusError(sheet.status, action);
  }
  const now = deps.clock.now();
  const week = weekOf(sheet);
  if (action === 'approved') {
    await deps.timesheets.freezeRates(trx, week.organizationId, week.userId, week.weekStart);
  }
  const entries = await deps.timesheets.entriesOfWeek(
    week.organizationId,
    week.userId,
    week.weekStart,
    now,
    trx,
  );
  if ((action === 'submitted' || action === 'approved') && entries.some((entry) => entry.is_running)) {
    throw new TimerRunningInWeekError();
  }
  const total = totalHours(entries);
  if (action === 'submitted' || action === 'approved') {
    await deps.timesheets.snapshot(
      trx,
      sheetId,
      entries.map((entry) => entry.id),
    );
  }
  await deps.timesheets.change(
    trx,
    sheetId,
    {
      status: action,
      total_hours: total,
      ...(action === 'submitted' ? { submitted_at: now, rejection_reason: null } : {}),
      ...(action === 'approved' ? { approved_by: actorId, approved_at: now } : {}),
      ...(action === 'rejected' ? { rejection_reason: reason } : {}),
      ...(action === 'reopened' ? { approved_by: null, approved_at: null } : {}),
    },
    now,
  );
  await deps.timesheets.record(trx, sheetId, action, actorId, reason, now);
  const event = EVENTS[action].create(
    {
      timesheet_id: sheetId,
      organization_id: week.organizationId,
      user_id: week.userId,
      week_start_date: week.weekStart,
      status: action,
      total_hours: total,
      actor_id: actorId,
      reason,
    },
    { actor_id: actorId, org_id: week.organizationId },
  );
  await deps.outbox.add(trx, event);
}

/** The caller submits their own week (any day of it) for approval. */
export async function submitTimesheet(
  deps: TimeTrackingDeps,
  caller: Caller,
  body: SubmitTimesheetBody,
): Promise<{ sheet: Timesheet; created: boolean }> {
  const organizationId = await organizationFor(deps, caller, body.organization_id);
  const settings = await deps.readModels.settings(organizationId);
  const week = { organizationId, userId: caller.id, weekStart: weekStartOf(body.week, settings.week_start) };
  const existed = await deps.timesheets.findWeek(organizationId, caller.id, week.weekStart);
  await deps.outbox.transaction(deps.db, async (trx) => {
    const id = await deps.timesheets.ensure(trx, organizationId, caller.id, week.weekStart, deps.clock.now());
    await step(deps, trx, id, 'submitted', caller.id, null);
  });
  return { sheet: await weekView(deps, week), created: existed === undefined };
}

/** A stored timesheet the caller may see (else 404). */
export async function timesheetById(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<Timesheet> {
  const sheet = await deps.timesheets.find(id);
  if (!sheet) {
    throw new TimesheetNotFoundError();
  }
  await checkMayView(deps, caller, weekOf(sheet));
  return weekView(deps, weekOf(sheet));
}

/**
 * Organization admins decide every timesheet of their organization; an explicit project admin
 * decides another person's week when all of its time is on projects they administer.
 */
async function checkMayDecide(deps: TimeTrackingDeps, caller: Caller, sheet: SheetRow): Promise<void> {
  const week = weekOf(sheet);
  await checkMayView(deps, caller, week);
  if (await isAdminOf(deps, caller.id, week.organizationId)) {
    return;
  }
  const entries = await deps.timesheets.entriesOfWeek(
    week.organizationId,
    week.userId,
    week.weekStart,
    deps.clock.now(),
  );
  if (week.userId === caller.id || !(await projectAdminCover(deps, caller.id, entries)).all) {
    throw new ForbiddenError(
      'Only an organization admin, or the admin of every project of the week, decides this timesheet',
    );
  }
}

/** Approve, reject (with a reason) or reopen a timesheet. */
export async function decideTimesheet(
  deps: TimeTrackingDeps,
  caller: Caller,
  id: string,
  action: 'approved' | 'rejected' | 'reopened',
  reason: string | null,
): Promise<Timesheet> {
  const sheet = await deps.timesheets.find(id);
  if (!sheet) {
    throw new TimesheetNotFoundError();
  }
  await checkMayDecide(deps, caller, sheet);
  await deps.outbox.transaction(deps.db, (trx) => step(deps, trx, id, action, caller.id, reason));
  return weekView(deps, weekOf(sheet));
}

/** GET /timesheets?week=: the week holding that day, for the caller or a person they may see. */
export async function timesheetOfWeek(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: { week: string; user_id?: string | undefined; organization_id?: string | undefined },
): Promise<Timesheet> {
  const organizationId = await organizationFor(deps, caller, query.organization_id);
  const settings = await deps.readModels.settings(organizationId);
  const week = {
    organizationId,
    userId: query.user_id ?? caller.id,
    weekStart: weekStartOf(query.week, settings.week_start),
  };
  await checkMayView(deps, caller, week, 'user_id');
  return weekView(deps, week);
}
