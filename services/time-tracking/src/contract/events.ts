import { defineEvent } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A task's sum of finished entries; `seq` grows with every change, so the highest one is current. */
const TaskTotal = Type.Object({
  task_id: Uuid,
  total_minutes: Type.Integer({ minimum: 0 }),
  seq: Type.Integer(),
});
export type TaskTotal = Static<typeof TaskTotal>;

const EntryEventData = Type.Object({
  entry_id: Uuid,
  organization_id: Uuid,
  user_id: Uuid,
  project_id: Nullable(Uuid),
  task_id: Nullable(Uuid),
  start_time: Type.String(),
  end_time: Nullable(Type.String()),
  duration_minutes: Nullable(Type.Integer()),
  billable: Type.Boolean(),
  /** The totals of every task this change touched (the entry's task, and its former task if it moved). */
  task_totals: Type.Array(TaskTotal),
});

/** Envelopes carry `org_id` and the entry's `project_id`. Timers emit these too (start: end_time null). */
export const TimeEntryCreated = defineEvent('time.entry.created', 1, EntryEventData);
export const TimeEntryUpdated = defineEvent('time.entry.updated', 1, EntryEventData);
export const TimeEntryDeleted = defineEvent('time.entry.deleted', 1, EntryEventData);

/** A timer ran past the organization's limit; for its user (`data.user_id`). */
export const TimerLongRunning = defineEvent(
  'time.timer.long_running',
  1,
  Type.Object({
    entry_id: Uuid,
    organization_id: Uuid,
    user_id: Uuid,
    start_time: Type.String(),
    limit_hours: Type.Integer(),
  }),
);

const TimesheetEventData = Type.Object({
  timesheet_id: Uuid,
  organization_id: Uuid,
  user_id: Uuid,
  week_start_date: Type.String(),
  status: Type.String(),
  total_hours: Type.Number(),
  /** Who acted (submitter, approver); also the envelope's actor_id. */
  actor_id: Uuid,
  reason: Nullable(Type.String()),
});

export const TimesheetSubmitted = defineEvent('time.timesheet.submitted', 1, TimesheetEventData);
export const TimesheetApproved = defineEvent('time.timesheet.approved', 1, TimesheetEventData);
export const TimesheetRejected = defineEvent('time.timesheet.rejected', 1, TimesheetEventData);
export const TimesheetReopened = defineEvent('time.timesheet.reopened', 1, TimesheetEventData);
