import { Type, type Static, type TSchema } from 'typebox';
import { TaskFilterFields, TaskSort } from './http.ts';

const Uuid = Type.String({ format: 'uuid' });
const Closed = { additionalProperties: false } as const;

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** The list endpoint's filters, as a saved view stores them (the same schemas validate both). */
export const TaskViewFilters = Type.Object(TaskFilterFields, Closed);
export type TaskViewFilters = Static<typeof TaskViewFilters>;

export const TaskViewLayout = Type.Union([Type.Literal('board'), Type.Literal('list')]);
export type TaskViewLayout = Static<typeof TaskViewLayout>;

/** Saved filters of a project's tasks: personal (its owner only) or shared with the project. */
export const TaskView = Type.Object({
  id: Uuid,
  project_id: Uuid,
  name: Type.String(),
  filters: TaskViewFilters,
  sort: Nullable(TaskSort),
  layout: TaskViewLayout,
  shared: Type.Boolean(),
  owner_id: Uuid,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type TaskView = Static<typeof TaskView>;
export const TaskViewList = Type.Object({ items: Type.Array(TaskView) });

const ViewName = Type.String({ minLength: 1, maxLength: 100 });

export const CreateTaskViewBody = Type.Object({
  project_id: Uuid,
  name: ViewName,
  filters: Type.Optional(TaskViewFilters),
  sort: Type.Optional(Nullable(TaskSort)),
  layout: TaskViewLayout,
  /** Shared views need member or admin on the project; defaults to personal. */
  shared: Type.Optional(Type.Boolean()),
});
export type CreateTaskViewBody = Static<typeof CreateTaskViewBody>;

/** Omitted fields keep their value; `filters` replaces the stored filters whole. */
export const UpdateTaskViewBody = Type.Object({
  name: Type.Optional(ViewName),
  filters: Type.Optional(TaskViewFilters),
  sort: Type.Optional(Nullable(TaskSort)),
  layout: Type.Optional(TaskViewLayout),
  shared: Type.Optional(Type.Boolean()),
});
export type UpdateTaskViewBody = Static<typeof UpdateTaskViewBody>;

/** The caller's personal views of the project and its shared ones, by name. */
export const TaskViewListQuery = Type.Object({ project_id: Uuid }, Closed);
export const TaskViewParams = Type.Object({ id: Uuid });
