import type { StartTimerBody, TimeEntry } from '../contract/http.ts';
import type { EntryRow } from '../data/entry-view.ts';
import type { Db } from '../data/time.tables.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { floorToMinute } from '../domain/calendar.ts';
import { TimerNotRunningError } from '../domain/time.errors.ts';
import { targetFor, type Caller } from './caller-scope.ts';
import { announce, insertEntry, place } from './entry-writes.ts';

/**
 * Ends the person's running timer at this minute. Entries are whole minutes and never empty, so a
 * timer stopped within the minute it started records nothing: it is discarded (`entry` null).
 * Answers undefined when no timer was running.
 */
async function stopRunning(
  deps: TimeTrackingDeps,
  trx: Db,
  userId: string,
  actorId: string,
  now: Date,
): Promise<{ entry: EntryRow | null } | undefined> {
  const running = await deps.entries.running(trx, userId);
  if (!running) {
    return undefined;
  }
  const start = new Date(running.start_time);
  const end = floorToMinute(now);
  if (end <= start) {
    const discarded = (await deps.entries.find(running.id, now, trx))!;
    await deps.entries.delete(trx, running.id);
    await announce(deps, trx, 'deleted', discarded, actorId);
    return { entry: null };
  }
  const placement = await place(deps, trx, userId, start, end);
  // The day stays the one the timer started on, in the zone it started in.
  await deps.entries.update(
    trx,
    running.id,
    { end_time: end, duration_minutes: placement.duration_minutes },
    now,
  );
  const stopped = (await deps.entries.find(running.id, now, trx))!;
  await announce(deps, trx, 'updated', stopped, actorId);
  return { entry: stopped };
}

/** Starts a timer now, on a task, a project or nothing; the one running before is stopped first. */
export async function startTimer(
  deps: TimeTrackingDeps,
  caller: Caller,
  body: StartTimerBody,
): Promise<{ entry: TimeEntry; stopped: TimeEntry | null }> {
  const target = await targetFor(deps, caller, body);
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.entries.lockPerson(trx, caller.id);
    const stopped = await stopRunning(deps, trx, caller.id, caller.id, now);
    const entry = await insertEntry(
      deps,
      trx,
      caller,
      target,
      body,
      { start: floorToMinute(now), end: null },
      now,
    );
    return { entry, stopped: stopped?.entry ?? null };
  });
}

export async function stopTimer(
  deps: TimeTrackingDeps,
  caller: Caller,
): Promise<{ entry: TimeEntry | null }> {
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.entries.lockPerson(trx, caller.id);
    const stopped = await stopRunning(deps, trx, caller.id, caller.id, now);
    if (!stopped) {
      throw new TimerNotRunningError();
    }
    return stopped;
  });
}

export async function runningTimer(
  deps: TimeTrackingDeps,
  caller: Caller,
): Promise<{ entry: EntryRow | null }> {
  const running = await deps.entries.running(deps.db, caller.id);
  return { entry: running ? ((await deps.entries.find(running.id, deps.clock.now())) ?? null) : null };
}
