import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
/** Query schemas close themselves (the kernel closes only top-level bodies it sees as objects). */
export const Closed = { additionalProperties: false } as const;

export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A time entry. Times are whole minutes in UTC; `entry_date` is its start day in `time_zone`. */
export const TimeEntry = Type.Object({
  id: Uuid,
  organization_id: Uuid,
  user_id: Uuid,
  project_id: Nullable(Uuid),
  task_id: Nullable(Uuid),
  task_key: Nullable(Type.String()),
  description: Nullable(Type.String()),
  start_time: Timestamp,
  /** Null while the timer runs. */
  end_time: Nullable(Timestamp),
  duration_minutes: Nullable(Type.Integer()),
  entry_date: DateOnly,
  time_zone: Type.String(),
  billable: Type.Boolean(),
  /** The frozen rate once approved, else the rate in force on `entry_date` (null: none set). */
  hourly_rate: Nullable(Type.Number()),
  currency: Nullable(Type.String()),
  rate_frozen: Type.Boolean(),
  /** billable hours × rate; null when not billable, running or without a rate. */
  amount: Nullable(Type.Number()),
  /** Its week's timesheet is approved: the entry is locked. */
  approved: Type.Boolean(),
  is_running: Type.Boolean(),
  /** A running timer past the organization's limit. */
  flagged_long_running: Type.Boolean(),
  version: Type.Integer(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type TimeEntry = Static<typeof TimeEntry>;

const Description = Nullable(Type.String({ maxLength: 10_000 }));

export const CreateEntryBody = Type.Object({
  /** Needed only when neither `task_id` nor `project_id` names the organization. */
  organization_id: Type.Optional(Uuid),
  project_id: Type.Optional(Nullable(Uuid)),
  task_id: Type.Optional(Nullable(Uuid)),
  description: Type.Optional(Description),
  start_time: Timestamp,
  end_time: Timestamp,
  billable: Type.Optional(Type.Boolean()),
});
export type CreateEntryBody = Static<typeof CreateEntryBody>;

export const UpdateEntryBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'version the change is based on' }),
  project_id: Type.Optional(Nullable(Uuid)),
  task_id: Type.Optional(Nullable(Uuid)),
  description: Type.Optional(Description),
  start_time: Type.Optional(Timestamp),
  /** Only a finished entry takes an end; stop a timer with POST /time-entries/timer/stop. */
  end_time: Type.Optional(Timestamp),
  billable: Type.Optional(Type.Boolean()),
});
export type UpdateEntryBody = Static<typeof UpdateEntryBody>;

export const EntryParams = Type.Object({ id: Uuid });

/** Filters shared by the entry list and the analytics. Dates are entry days, both inclusive. */
export const EntryFilters = {
  organization_id: Type.Optional(Uuid),
  /** A user id or `me`. */
  user_id: Type.Optional(Type.Union([Uuid, Type.Literal('me')])),
  project_id: Type.Optional(Uuid),
  task_id: Type.Optional(Uuid),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
  billable: Type.Optional(Type.Boolean()),
  approved: Type.Optional(Type.Boolean()),
};
export type EntryFilters = {
  [K in keyof typeof EntryFilters]?: Static<(typeof EntryFilters)[K]>;
};

/** `csv` (or `Accept: text/csv`): every matching entry as CSV instead of a page. */
export const ExportFormat = Type.Union([Type.Literal('json'), Type.Literal('csv')]);

export const EntryListQuery = Type.Object(
  { ...EntryFilters, format: Type.Optional(ExportFormat), ...PageQuery },
  Closed,
);
export type EntryListQuery = Static<typeof EntryListQuery>;
export const EntryPage = PageOf(TimeEntry);

export const StartTimerBody = Type.Object({
  organization_id: Type.Optional(Uuid),
  task_id: Type.Optional(Uuid),
  project_id: Type.Optional(Uuid),
  description: Type.Optional(Description),
  billable: Type.Optional(Type.Boolean()),
});
export type StartTimerBody = Static<typeof StartTimerBody>;

export const StartTimerResult = Type.Object({
  entry: TimeEntry,
  /** The timer that was running before, now stopped (null when none was, or it was discarded). */
  stopped: Nullable(TimeEntry),
});
/** The stopped entry; null when the timer was stopped within the minute it started (discarded). */
export const StopTimerResult = Type.Object({ entry: Nullable(TimeEntry) });
export const RunningTimer = Type.Object({ entry: Nullable(TimeEntry) });
