import type { EventEnvelope } from '@pm/kernel';
import { TimeEntryCreated, TimeEntryDeleted, TimeEntryUpdated, type TaskTotal } from '../contract/events.ts';
import type { EntryRow } from '../data/entry-view.ts';
import type { Db } from '../data/time.tables.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { floorToMinute, knownTimeZone, localDate, minutesBetween } from '../domain/calendar.ts';
import { EntryOverlapError, InvalidTimeFieldError, WeekLockedError } from '../domain/time.errors.ts';
import type { Caller, Target } from './caller-scope.ts';

const MAX_ENTRY_MINUTES = 7 * 24 * 60;

/** Where an entry lies in its person's calendar. */
export interface Placement {
  start_time: Date;
  end_time: Date | null;
  duration_minutes: number | null;
  entry_date: string;
  time_zone: string;
}

/**
 * Whole minutes, end after start, not ending in the future, at most a week long. `now` is null for a
 * timer being stopped (its end is the clock's own minute).
 */
export function checkTimes(
  start: Date,
  end: Date | null,
  now: Date | null,
): { start: Date; end: Date | null } {
  const from = floorToMinute(start);
  if (!end) {
    if (now && from > now) {
      throw new InvalidTimeFieldError('start_time', 'is in the future');
    }
    return { start: from, end: null };
  }
  const to = floorToMinute(end);
  if (now && to > now) {
    throw new InvalidTimeFieldError('end_time', 'is in the future');
  }
  if (to <= from) {
    throw new InvalidTimeFieldError('end_time', 'must be at least one minute after start_time');
  }
  if (minutesBetween(from, to) > MAX_ENTRY_MINUTES) {
    throw new InvalidTimeFieldError('end_time', 'is more than 7 days after start_time');
  }
  return { start: from, end: to };
}

/**
 * Places the entry on its start day in the person's own time zone (an entry is never split).
 * `zone`: the zone the entry was placed in before, kept while its start does not move.
 */
export async function place(
  deps: TimeTrackingDeps,
  trx: Db,
  userId: string,
  start: Date,
  end: Date | null,
  zone?: string,
): Promise<Placement> {
  const timeZone = zone ?? knownTimeZone(await deps.readModels.timeZone(userId, trx));
  return {
    start_time: start,
    end_time: end,
    duration_minutes: end ? minutesBetween(start, end) : null,
    entry_date: localDate(start, timeZone),
    time_zone: timeZone,
  };
}

/** Refuses writes into an approved week (409 until an admin reopens it). */
export async function guardWeek(
  deps: TimeTrackingDeps,
  trx: Db,
  organizationId: string,
  userId: string,
  date: string,
) {
  const sheet = await deps.entries.approvedSheetOn(trx, organizationId, userId, date);
  if (sheet) {
    throw new WeekLockedError(sheet.id, sheet.week_start_date);
  }
}

/** Refuses time that meets another entry of the person, unless the organization allows overlaps. */
export async function guardOverlap(
  deps: TimeTrackingDeps,
  trx: Db,
  organizationId: string,
  userId: string,
  placement: Placement,
  exceptId?: string,
) {
  const settings = await deps.readModels.settings(organizationId, trx);
  if (settings.allow_overlapping_time_entries) {
    return;
  }
  const other = await deps.entries.overlapping(
    trx,
    userId,
    placement.start_time,
    placement.end_time,
    exceptId,
  );
  if (other) {
    throw new EntryOverlapError(other);
  }
}

type Kind = 'created' | 'updated' | 'deleted';
const DEFINITIONS = { created: TimeEntryCreated, updated: TimeEntryUpdated, deleted: TimeEntryDeleted };

/** Recounts the tasks the change touched and writes the event carrying their totals. */
export async function announce(
  deps: TimeTrackingDeps,
  trx: Db,
  kind: Kind,
  entry: EntryRow,
  actorId: string,
  formerTaskId: string | null = null,
): Promise<void> {
  const taskIds = [...new Set([entry.task_id, formerTaskId].filter((id): id is string => id !== null))];
  const totals: TaskTotal[] = [];
  for (const taskId of taskIds) {
    totals.push(await deps.entries.recountTask(trx, taskId));
  }
  const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : String(value));
  const event: EventEnvelope = DEFINITIONS[kind].create(
    {
      entry_id: entry.id,
      organization_id: entry.organization_id,
      user_id: entry.user_id,
      project_id: entry.project_id,
      task_id: entry.task_id,
      start_time: iso(entry.start_time),
      end_time: entry.end_time === null ? null : iso(entry.end_time),
      duration_minutes: entry.duration_minutes,
      billable: entry.billable,
      task_totals: totals,
    },
    { actor_id: actorId, org_id: entry.organization_id, project_id: entry.project_id },
  );
  await deps.outbox.add(trx, event);
}

/**
 * Writes a new entry of the caller's own time in their locked calendar (the caller's transaction,
 * after `lockPerson`): placed in their zone, refused in a locked week or over another entry,
 * announced with its task's totals. `end` null: a running timer.
 */
export async function insertEntry(
  deps: TimeTrackingDeps,
  trx: Db,
  caller: Caller,
  target: Target,
  fields: { description?: string | null | undefined; billable?: boolean | undefined },
  times: { start: Date; end: Date | null },
  now: Date,
): Promise<EntryRow> {
  const placement = await place(deps, trx, caller.id, times.start, times.end);
  await guardWeek(deps, trx, target.organizationId, caller.id, placement.entry_date);
  await guardOverlap(deps, trx, target.organizationId, caller.id, placement);
  const id = await deps.entries.insert(
    trx,
    {
      organization_id: target.organizationId,
      user_id: caller.id,
      project_id: target.projectId,
      task_id: target.taskId,
      description: fields.description ?? null,
      billable: fields.billable ?? true,
      ...placement,
    },
    now,
  );
  const entry = (await deps.entries.find(id, now, trx))!;
  await announce(deps, trx, 'created', entry, caller.id);
  return entry;
}
