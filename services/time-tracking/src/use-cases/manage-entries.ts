import { ForbiddenError, toPage, type Page } from '@pm/kernel';
import type { CreateEntryBody, EntryListQuery, TimeEntry, UpdateEntryBody } from '../contract/http.ts';
import type { EntryRow } from '../data/entry-view.ts';
import type { Db } from '../data/time.tables.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { EntryNotFoundError, InvalidTimeFieldError, VersionConflictError } from '../domain/time.errors.ts';
import { isAdminOf, targetFor, type Caller } from './caller-scope.ts';
import { announce, checkTimes, guardOverlap, guardWeek, insertEntry, place } from './entry-writes.ts';
import { entryFilters, pageAfter } from './entry-filters.ts';

/** A finished entry of the caller's own time. */
export async function createEntry(
  deps: TimeTrackingDeps,
  caller: Caller,
  body: CreateEntryBody,
): Promise<TimeEntry> {
  const target = await targetFor(deps, caller, body);
  const now = deps.clock.now();
  const times = checkTimes(new Date(body.start_time), new Date(body.end_time), now);
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.entries.lockPerson(trx, caller.id);
    return insertEntry(deps, trx, caller, target, body, times, now);
  });
}

/** A visible entry; others' entries are visible to organization admins and the project's admins. */
export async function getEntry(
  deps: TimeTrackingDeps,
  caller: Caller,
  id: string,
  db?: Db,
): Promise<EntryRow> {
  const entry = await deps.entries.find(id, deps.clock.now(), db);
  if (!entry || !(await mayRead(deps, caller, entry))) {
    throw new EntryNotFoundError();
  }
  return entry;
}

async function mayRead(deps: TimeTrackingDeps, caller: Caller, entry: EntryRow): Promise<boolean> {
  if (entry.user_id === caller.id || (await isAdminOf(deps, caller.id, entry.organization_id))) {
    return true;
  }
  if (!entry.project_id) {
    return false;
  }
  const access = await deps.readModels.projectAccess(caller.id, entry.project_id);
  return access?.memberRole === 'admin' && access.orgRole !== null;
}

/** The person themselves or an organization admin change an entry; project admins only read it. */
async function entryToChange(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<EntryRow> {
  const entry = await getEntry(deps, caller, id);
  if (entry.user_id !== caller.id && !(await isAdminOf(deps, caller.id, entry.organization_id))) {
    throw new ForbiddenError('Only the person or an organization admin changes an entry');
  }
  return entry;
}

export async function listEntries(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: EntryListQuery,
): Promise<Page<TimeEntry>> {
  const limit = query.limit ?? 25;
  const rows = await deps.entries.list(caller.id, entryFilters(caller, query), deps.clock.now(), {
    limit: limit + 1,
    after: pageAfter(query.cursor),
  });
  return toPage(rows, limit, (row) => [new Date(row.start_time).toISOString(), row.id]);
}

export async function updateEntry(
  deps: TimeTrackingDeps,
  caller: Caller,
  id: string,
  body: UpdateEntryBody,
): Promise<TimeEntry> {
  const current = await entryToChange(deps, caller, id);
  const { version, ...changes } = body;
  const movesTarget = changes.task_id !== undefined || changes.project_id !== undefined;
  const target = movesTarget ? await movedTarget(deps, caller, current, changes) : undefined;
  if (current.is_running && changes.end_time !== undefined) {
    throw new InvalidTimeFieldError('end_time', 'cannot be set on a running timer; stop it instead');
  }
  const now = deps.clock.now();
  const start = changes.start_time ? new Date(changes.start_time) : new Date(current.start_time);
  const end = changes.end_time
    ? new Date(changes.end_time)
    : current.end_time
      ? new Date(current.end_time)
      : null;
  const times = checkTimes(start, end, now);
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.entries.lockPerson(trx, current.user_id);
    const stored = await deps.entries.raw(trx, id);
    if (!stored || stored.version !== version) {
      throw new VersionConflictError('entry', stored ? await deps.entries.find(id, now, trx) : null);
    }
    await guardWeek(deps, trx, current.organization_id, current.user_id, current.entry_date);
    // A person who moved keeps past entries on the days they were logged, until their start moves.
    const sameStart = times.start.getTime() === new Date(current.start_time).getTime();
    const zone = sameStart ? current.time_zone : undefined;
    const placement = await place(deps, trx, current.user_id, times.start, times.end, zone);
    await guardWeek(deps, trx, current.organization_id, current.user_id, placement.entry_date);
    await guardOverlap(deps, trx, current.organization_id, current.user_id, placement, id);
    await deps.entries.update(
      trx,
      id,
      {
        ...placement,
        ...(target ? { project_id: target.projectId, task_id: target.taskId } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        ...(changes.billable !== undefined ? { billable: changes.billable } : {}),
      },
      now,
    );
    const entry = (await deps.entries.find(id, now, trx))!;
    await announce(deps, trx, 'updated', entry, caller.id, current.task_id);
    return entry;
  });
}

/** The task and project an update names, checked like a new entry's, in the entry's organization. */
function movedTarget(
  deps: TimeTrackingDeps,
  caller: Caller,
  current: EntryRow,
  changes: Omit<UpdateEntryBody, 'version'>,
) {
  const taskId = changes.task_id !== undefined ? changes.task_id : current.task_id;
  // A new task brings its project; clearing the task keeps the project unless one is named.
  const impliedProject = changes.task_id ? null : current.project_id;
  const projectId = changes.project_id !== undefined ? changes.project_id : impliedProject;
  return targetFor(deps, caller, {
    organization_id: current.organization_id,
    task_id: taskId,
    project_id: projectId,
  });
}

export async function deleteEntry(deps: TimeTrackingDeps, caller: Caller, id: string): Promise<void> {
  const current = await entryToChange(deps, caller, id);
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.entries.lockPerson(trx, current.user_id);
    await guardWeek(deps, trx, current.organization_id, current.user_id, current.entry_date);
    await deps.entries.delete(trx, id);
    await announce(deps, trx, 'deleted', current, caller.id);
  });
}
