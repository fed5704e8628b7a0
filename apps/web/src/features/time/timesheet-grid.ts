import { addDays, zonedInstant } from './time-format.ts';
import type { TimeEntry } from './time.types.ts';

/** What a row of the week logs time on: a task, or a project (or nothing) without a task. */
export interface RowTarget {
  taskId: string | null;
  projectId: string | null;
  taskKey: string | null;
}

export interface GridRow extends RowTarget {
  key: string;
  /** One list per day of the week, oldest entry first. */
  cells: TimeEntry[][];
  minutes: number;
}

export interface Grid {
  rows: GridRow[];
  /** Minutes per day of the week. */
  dayMinutes: number[];
  minutes: number;
  billableMinutes: number;
}

export function rowKey(target: Pick<RowTarget, 'taskId' | 'projectId'>): string {
  return target.taskId ? `task:${target.taskId}` : `project:${target.projectId ?? 'none'}`;
}

const minutesOf = (entries: TimeEntry[]) => entries.reduce((sum, e) => sum + (e.duration_minutes ?? 0), 0);

/**
 * The week as rows (a task, or a project without a task) by `days` (7 dates), from the week's
 * entries plus rows the person added and has not logged on yet. A running timer counts nothing.
 */
export function buildGrid(entries: TimeEntry[], days: string[], added: RowTarget[] = []): Grid {
  const rows = new Map<string, GridRow>();
  const rowFor = (target: RowTarget) => {
    const key = rowKey(target);
    let row = rows.get(key);
    if (!row) {
      row = { key, ...target, cells: days.map(() => []), minutes: 0 };
      rows.set(key, row);
    }
    return row;
  };
  const sorted = [...entries].sort((a, b) => a.start_time.localeCompare(b.start_time));
  for (const entry of sorted) {
    const day = days.indexOf(entry.entry_date);
    if (day >= 0) {
      const target = { taskId: entry.task_id, projectId: entry.project_id, taskKey: entry.task_key };
      rowFor(target).cells[day]?.push(entry);
    }
  }
  for (const target of added) {
    rowFor(target);
  }
  for (const row of rows.values()) {
    row.minutes = row.cells.reduce((sum, cell) => sum + minutesOf(cell), 0);
  }
  const weekEntries = entries.filter((e) => days.includes(e.entry_date));
  return {
    rows: [...rows.values()],
    dayMinutes: days.map((day) => minutesOf(weekEntries.filter((e) => e.entry_date === day))),
    minutes: minutesOf(weekEntries),
    billableMinutes: minutesOf(weekEntries.filter((e) => e.billable)),
  };
}

const MINUTE = 60_000;
/** New time typed into a day goes from 09:00 on, after what is already logged that day. */
const DAY_START_HOUR = 9;

/**
 * Where `minutes` of new time fit on `day` (in `timeZone`) without overlapping `dayEntries` (the
 * person's entries of every row that day): the first free stretch from 09:00, else from midnight;
 * never ending after `now`. Null when the day has no such stretch (the server would refuse it).
 */
export function freeStart(
  dayEntries: TimeEntry[],
  day: string,
  minutes: number,
  timeZone: string,
  now: number = Date.now(),
): number | null {
  const busy = dayEntries
    .map((e) => ({
      start: Date.parse(e.start_time),
      end: e.end_time ? Date.parse(e.end_time) : Number.POSITIVE_INFINITY,
    }))
    .sort((a, b) => a.start - b.start);
  const latest = Math.floor(now / MINUTE) * MINUTE;
  // An entry counts on the day it starts: it must start before the next midnight.
  const dayEnd = zonedInstant(addDays(day, 1), 0, 0, timeZone);
  const fits = (from: number) => {
    let start = from;
    for (const slot of busy) {
      if (start < slot.end && start + minutes * MINUTE > slot.start) {
        start = slot.end;
      }
    }
    return start < dayEnd && start + minutes * MINUTE <= latest ? start : null;
  };
  return fits(zonedInstant(day, DAY_START_HOUR, 0, timeZone)) ?? fits(zonedInstant(day, 0, 0, timeZone));
}
