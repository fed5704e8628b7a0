import { sql, type ColumnType, type Generated, type Kysely, type Transaction } from 'kysely';
import type { TimesheetStatus } from '../contract/timesheet-http.ts';
import type { OrgRole, ProjectRole } from '../domain/time-access.ts';
import type { WeekStart } from '../domain/calendar.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `date` columns are read as YYYY-MM-DD text (the queries cast them). */
type DateText = ColumnType<string, string, string>;
type Money = ColumnType<number | null, number | null | undefined, number | null>;

interface ReadModelRow {
  updated_at: Timestamp;
}

export interface TimeEntriesTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  task_id: string | null;
  project_id: string | null;
  description: string | null;
  start_time: Timestamp;
  end_time: Timestamp | null;
  duration_minutes: number | null;
  entry_date: DateText;
  time_zone: string;
  billable: boolean;
  hourly_rate: Money;
  currency: string | null;
  flagged_long_running_at: Timestamp | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TimesheetsTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  week_start_date: DateText;
  total_hours: ColumnType<number, number | undefined, number>;
  status: TimesheetStatus;
  submitted_at: Timestamp | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  rejection_reason: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HourlyRatesTable {
  id: Generated<string>;
  organization_id: string;
  user_id: string;
  project_id: string | null;
  rate: ColumnType<number, number, number>;
  currency: string;
  effective_from: DateText;
  created_by: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TimeTrackingDatabase {
  projects: ReadModelRow & {
    id: string;
    organization_id: string;
    name: string;
    key: string;
    status: string;
    deleted_at: Timestamp | null;
  };
  project_memberships: ReadModelRow & { project_id: string; user_id: string; role: ProjectRole | null };
  org_memberships: ReadModelRow & { organization_id: string; user_id: string; role: OrgRole | null };
  organizations: ReadModelRow & {
    id: string;
    week_start: WeekStart;
    allow_overlapping_time_entries: boolean;
    timer_limit_hours: number | null;
  };
  user_profiles: ReadModelRow & { user_id: string; timezone: string | null };
  tasks: ReadModelRow & {
    id: string;
    organization_id: string;
    project_id: string;
    key: string;
    title: string;
    deleted_at: Timestamp | null;
  };
  time_entries: TimeEntriesTable;
  task_totals: { task_id: string; total_minutes: number; seq: number };
  timesheets: TimesheetsTable;
  timesheet_entries: { id: Generated<string>; timesheet_id: string; time_entry_id: string };
  timesheet_history: {
    id: Generated<string>;
    timesheet_id: string;
    action: 'submitted' | 'approved' | 'rejected' | 'reopened';
    actor_id: string;
    reason: string | null;
    at: Timestamp;
  };
  hourly_rates: HourlyRatesTable;
  outbox: { id: string; type: string; envelope: string };
  inbox: { event_id: string; consumer: string; event_type: string };
}

export type Db = Kysely<TimeTrackingDatabase> | Transaction<TimeTrackingDatabase>;

/** This service's schema; raw SQL names tables through `table()` (withSchema does not rewrite it). */
const SCHEMA = 'time_tracking';

export function table(name: keyof TimeTrackingDatabase) {
  return sql.table(`${SCHEMA}.${name}`);
}
