import type { Timesheet } from './time.types.ts';

export interface ProjectWeekRow {
  /** Null: time logged without a project. */
  projectId: string | null;
  /** Minutes per day, in the order of the week's days. */
  minutes: number[];
  total: number;
}

/** A week's finished time by project and day (rows sorted by most time), for an approver's review. */
export function projectDayMatrix(timesheet: Timesheet): { days: string[]; rows: ProjectWeekRow[] } {
  const days = timesheet.totals.by_day.map((day) => day.date);
  const rows = new Map<string | null, ProjectWeekRow>();
  for (const entry of timesheet.entries) {
    const dayIndex = days.indexOf(entry.entry_date);
    if (entry.duration_minutes === null || dayIndex < 0) {
      continue;
    }
    let row = rows.get(entry.project_id);
    if (!row) {
      row = { projectId: entry.project_id, minutes: days.map(() => 0), total: 0 };
      rows.set(entry.project_id, row);
    }
    row.minutes[dayIndex] = (row.minutes[dayIndex] ?? 0) + entry.duration_minutes;
    row.total += entry.duration_minutes;
  }
  return { days, rows: [...rows.values()].toSorted((a, b) => b.total - a.total) };
}
