import { decodeCursor, toPage, ValidationError, type Page } from '@pm/kernel';
import type { TimesheetListQuery, TimesheetSummary } from '../contract/timesheet-http.ts';
import type { TimeTrackingDeps } from '../deps.ts';
import { knownTimeZone } from '../domain/calendar.ts';
import type { Caller } from './caller-scope.ts';
import { summaryOf } from './timesheet-view.ts';

function after(cursor: string | undefined): [string, string] | undefined {
  const values = decodeCursor(cursor, 2);
  if (!values) {
    return undefined;
  }
  const [week, id] = values;
  if (
    typeof week !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(week) ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(id)
  ) {
    throw new ValidationError([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  }
  return [week, id];
}

/** Timesheets the caller decides (see TimesheetRepository.listForApprover), newest week first. */
export async function listTimesheetsToDecide(
  deps: TimeTrackingDeps,
  caller: Caller,
  query: TimesheetListQuery,
): Promise<Page<TimesheetSummary>> {
  const limit = query.limit ?? 25;
  const { organization_id, user_id, status } = query;
  const filters = {
    ...(organization_id ? { organization_id } : {}),
    ...(user_id ? { user_id } : {}),
    ...(status ? { status } : {}),
  };
  const rows = await deps.timesheets.listForApprover(caller.id, filters, limit + 1, after(query.cursor));
  const zones = new Map<string, string>();
  for (const row of rows) {
    if (!zones.has(row.user_id)) {
      zones.set(row.user_id, knownTimeZone(await deps.readModels.timeZone(row.user_id)));
    }
  }
  return toPage(
    rows,
    limit,
    (row) => [row.week_start_date, row.id],
    (row) =>
      summaryOf(
        { organizationId: row.organization_id, userId: row.user_id, weekStart: row.week_start_date },
        row,
        zones.get(row.user_id) ?? 'UTC',
      ),
  );
}
