import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static } from 'typebox';
import { Closed, DateOnly, Nullable, TimeEntry, Uuid } from './http.ts';

const Timestamp = Type.String({ format: 'date-time' });

export const TimesheetStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('reopened'),
]);
export type TimesheetStatus = Static<typeof TimesheetStatus>;

const Totals = Type.Object({ minutes: Type.Integer(), hours: Type.Number(), billable_hours: Type.Number() });

export const TimesheetHistoryItem = Type.Object({
  action: Type.String(),
  actor_id: Uuid,
  reason: Nullable(Type.String()),
  at: Timestamp,
});

/** A timesheet without its entries (lists). */
export const TimesheetSummary = Type.Object({
  /** Null while nothing was submitted for the week (a draft computed from the entries). */
  id: Nullable(Uuid),
  organization_id: Uuid,
  user_id: Uuid,
  week_start_date: DateOnly,
  week_end_date: DateOnly,
  time_zone: Type.String(),
  status: TimesheetStatus,
  total_hours: Type.Number(),
  submitted_at: Nullable(Timestamp),
  approved_by: Nullable(Uuid),
  approved_at: Nullable(Timestamp),
  rejection_reason: Nullable(Type.String()),
  version: Type.Integer(),
});
export type TimesheetSummary = Static<typeof TimesheetSummary>;

/** A week of one person: entries, totals per day, per project and billable, and its history. */
export const Timesheet = Type.Object({
  ...TimesheetSummary.properties,
  entries: Type.Array(TimeEntry),
  totals: Type.Object({
    ...Totals.properties,
    by_day: Type.Array(Type.Object({ date: DateOnly, ...Totals.properties })),
    by_project: Type.Array(Type.Object({ project_id: Nullable(Uuid), ...Totals.properties })),
  }),
  history: Type.Array(TimesheetHistoryItem),
});
export type Timesheet = Static<typeof Timesheet>;

export const TimesheetWeekQuery = Type.Object(
  {
    /** Any day of the week; the week starts on the organization's first day. */
    week: DateOnly,
    /** Default: the caller. */
    user_id: Type.Optional(Uuid),
    organization_id: Type.Optional(Uuid),
  },
  Closed,
);
export type TimesheetWeekQuery = Static<typeof TimesheetWeekQuery>;

export const TimesheetListQuery = Type.Object(
  {
    organization_id: Type.Optional(Uuid),
    user_id: Type.Optional(Uuid),
    status: Type.Optional(TimesheetStatus),
    ...PageQuery,
  },
  Closed,
);
export type TimesheetListQuery = Static<typeof TimesheetListQuery>;
export const TimesheetPage = PageOf(TimesheetSummary);

export const SubmitTimesheetBody = Type.Object({ week: DateOnly, organization_id: Type.Optional(Uuid) });
export type SubmitTimesheetBody = Static<typeof SubmitTimesheetBody>;
export const TimesheetParams = Type.Object({ id: Uuid });
export const RejectTimesheetBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) });
export const ReopenTimesheetBody = Type.Object({
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
});
