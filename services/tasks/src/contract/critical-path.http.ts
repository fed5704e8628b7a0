import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Closed = { additionalProperties: false } as const;

const Scope = {
  /** Only the tasks of this milestone of the project. */
  milestone_id: Type.Optional(Uuid),
  /** The day work starts from (the caller's local date); default: today's UTC date. */
  today: Type.Optional(DateOnly),
};

export const ProjectCriticalPathQuery = Type.Object(Scope, Closed);
/** `GET /tasks/critical-path` takes the project from the query (split mode routes /projects elsewhere). */
export const CriticalPathQuery = Type.Object({ project_id: Uuid, ...Scope }, Closed);
export type CriticalPathQuery = Static<typeof CriticalPathQuery>;

const TaskRef = { task_id: Uuid, key: Type.String(), title: Type.String() };

/** One open task of the plan; dates are working days, slack in working days. */
export const ScheduledTask = Type.Object({
  ...TaskRef,
  duration_days: Type.Integer(),
  earliest_start: DateOnly,
  earliest_finish: DateOnly,
  latest_start: DateOnly,
  latest_finish: DateOnly,
  slack_days: Type.Integer(),
  /** No slack: any delay moves the earliest finish. */
  critical: Type.Boolean(),
});
export type ScheduledTask = Static<typeof ScheduledTask>;

/** The longest chain of dependent work of a project (or one of its milestones) and each task's slack. */
export const CriticalPath = Type.Object({
  project_id: Uuid,
  milestone_id: Type.Union([Uuid, Type.Null()]),
  /** The last working day of the plan; null when no open task is left. */
  earliest_finish: Type.Union([DateOnly, Type.Null()]),
  /** Working days from the start to the earliest finish. */
  duration_days: Type.Integer(),
  /** The critical tasks from first to last, each driving the next. */
  path: Type.Array(Type.Object(TaskRef)),
  tasks: Type.Array(ScheduledTask),
  /** What the plan takes for granted (durations, calendar, tasks outside the scope). */
  assumptions: Type.Array(Type.String()),
});
export type CriticalPath = Static<typeof CriticalPath>;
