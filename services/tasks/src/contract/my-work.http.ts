import { Type, type Static } from 'typebox';
import { Task } from './http.ts';

export const MyWorkGroupKey = Type.Union([
  Type.Literal('overdue'),
  Type.Literal('today'),
  Type.Literal('this_week'),
  Type.Literal('later'),
  Type.Literal('no_date'),
]);
export type MyWorkGroupKey = Static<typeof MyWorkGroupKey>;

export const MyWorkQuery = Type.Object(
  {
    /** The caller's local date; default: today's UTC date. */
    today: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD' })),
    /** Also tasks in a done-category status (default false). */
    include_done: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MyWorkQuery = Static<typeof MyWorkQuery>;

/**
 * The caller's assigned tasks across the projects they see, grouped by due date relative to
 * `today` (`this_week`: within 7 days after it), each group by due date, then priority.
 */
export const MyWork = Type.Object({
  groups: Type.Array(Type.Object({ key: MyWorkGroupKey, tasks: Type.Array(Task) })),
  /** More than the 500 tasks the answer holds are assigned; the latest-due ones were left out. */
  truncated: Type.Boolean(),
});
export type MyWork = Static<typeof MyWork>;
