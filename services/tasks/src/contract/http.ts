import { PageOf, PageQuery } from '@pm/kernel';
import { Type, type Static, type TSchema } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Timestamp = Type.String({ format: 'date-time' });
const Hours = Type.Number({ minimum: 0, maximum: 99_999 });
const Tag = Type.String({ minLength: 1, maxLength: 50, pattern: '^[^\\s,]+$' });
/** Query schemas close themselves (see the projects contract for why). */
const Closed = { additionalProperties: false } as const;

function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

export const Priority = Type.Union([
  Type.Literal('urgent'),
  Type.Literal('high'),
  Type.Literal('medium'),
  Type.Literal('low'),
  Type.Literal('none'),
]);
export type Priority = Static<typeof Priority>;

export const StatusCategory = Type.Union([
  Type.Literal('todo'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
]);
export type StatusCategory = Static<typeof StatusCategory>;

/** Progress of a task's direct sub-tasks. */
export const SubtaskRollup = Type.Object({ total: Type.Integer(), done: Type.Integer() });

/** A task; `key` is the project key and number (`WEB-42`). */
export const Task = Type.Object({
  id: Uuid,
  key: Type.String(),
  number: Type.Integer(),
  organization_id: Uuid,
  project_id: Uuid,
  title: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  status_category: StatusCategory,
  priority: Priority,
  assigned_to: Nullable(Uuid),
  created_by: Uuid,
  due_date: Nullable(Type.String()),
  estimated_hours: Nullable(Type.Number()),
  actual_hours: Nullable(Type.Number()),
  tags: Type.Array(Type.String()),
  milestone_id: Nullable(Uuid),
  parent_task_id: Nullable(Uuid),
  rank: Type.String(),
  version: Type.Integer(),
  /** A finish_to_start blocker is not in a done status. */
  is_blocked: Type.Boolean(),
  /** Direct sub-tasks, and how many of them are in a done-category status. */
  subtasks: SubtaskRollup,
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Task = Static<typeof Task>;

const EditableFields = {
  title: Type.String({ minLength: 1, maxLength: 255 }),
  description: Nullable(Type.String({ maxLength: 100_000 })),
  status: Type.String({ minLength: 1, maxLength: 50 }),
  priority: Priority,
  assigned_to: Nullable(Uuid),
  due_date: Nullable(DateOnly),
  estimated_hours: Nullable(Hours),
  actual_hours: Nullable(Hours),
  tags: Type.Array(Tag, { maxItems: 50, uniqueItems: true }),
  milestone_id: Nullable(Uuid),
  parent_task_id: Nullable(Uuid),
};

export const CreateTaskBody = Type.Object({
  project_id: Uuid,
  title: EditableFields.title,
  description: Type.Optional(EditableFields.description),
  /** Defaults to the first `todo` status of the project's workflow. */
  status: Type.Optional(EditableFields.status),
  priority: Type.Optional(EditableFields.priority),
  assigned_to: Type.Optional(EditableFields.assigned_to),
  due_date: Type.Optional(EditableFields.due_date),
  estimated_hours: Type.Optional(EditableFields.estimated_hours),
  actual_hours: Type.Optional(EditableFields.actual_hours),
  tags: Type.Optional(EditableFields.tags),
  milestone_id: Type.Optional(EditableFields.milestone_id),
  parent_task_id: Type.Optional(EditableFields.parent_task_id),
});
export type CreateTaskBody = Static<typeof CreateTaskBody>;

/** `POST /projects/{project_id}/tasks` takes the project from the path. */
export const CreateProjectTaskBody = Type.Omit(CreateTaskBody, ['project_id']);

export const UpdateTaskBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'version of the state the change is based on' }),
  title: Type.Optional(EditableFields.title),
  description: Type.Optional(EditableFields.description),
  status: Type.Optional(EditableFields.status),
  priority: Type.Optional(EditableFields.priority),
  assigned_to: Type.Optional(EditableFields.assigned_to),
  due_date: Type.Optional(EditableFields.due_date),
  estimated_hours: Type.Optional(EditableFields.estimated_hours),
  actual_hours: Type.Optional(EditableFields.actual_hours),
  tags: Type.Optional(EditableFields.tags),
  milestone_id: Type.Optional(EditableFields.milestone_id),
  parent_task_id: Type.Optional(EditableFields.parent_task_id),
});
export type UpdateTaskBody = Static<typeof UpdateTaskBody>;

export const AssignTaskBody = Type.Object({
  assigned_to: EditableFields.assigned_to,
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const StatusTaskBody = Type.Object({
  status: EditableFields.status,
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** A task's UUID or its key (`WEB-42`). */
export const TaskParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ProjectTaskParams = Type.Object({ project_id: Uuid });

export const TaskSort = Type.Union([
  Type.Literal('rank'),
  Type.Literal('due_date'),
  Type.Literal('priority'),
  Type.Literal('created_at'),
  Type.Literal('updated_at'),
]);
export type TaskSort = Static<typeof TaskSort>;

/** The filters of task lists; a saved view stores the same ones, checked by these same schemas. */
export const TaskFilterFields = {
  status: Type.Optional(Type.String({ maxLength: 50 })),
  status_category: Type.Optional(StatusCategory),
  /** A user id, `me` or `unassigned`. */
  assignee: Type.Optional(Type.Union([Uuid, Type.Literal('me'), Type.Literal('unassigned')])),
  priority: Type.Optional(Priority),
  tag: Type.Optional(Tag),
  milestone_id: Type.Optional(Uuid),
  due_before: Type.Optional(DateOnly),
  due_after: Type.Optional(DateOnly),
  overdue: Type.Optional(Type.Boolean()),
  /** true: only tasks with a finish_to_start blocker not yet done (`is_blocked`); false: only the others. */
  blocked: Type.Optional(Type.Boolean()),
  /** Full-text search over title and description; results by relevance unless `sort` is given. */
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
};

const ListFilters = {
  ...TaskFilterFields,
  parent_task_id: Type.Optional(Uuid),
  sort: Type.Optional(TaskSort),
  ...PageQuery,
};

/** Without `project_id`: tasks of every project the caller sees. */
export const TaskListQuery = Type.Object({ project_id: Type.Optional(Uuid), ...ListFilters }, Closed);
export type TaskListQuery = Static<typeof TaskListQuery>;
export const ProjectTaskListQuery = Type.Object(ListFilters, Closed);

export const TaskPage = PageOf(Task);

export const TaskActivity = Type.Object({
  id: Uuid,
  task_id: Uuid,
  actor_id: Uuid,
  field: Type.String(),
  from: Type.Unknown(),
  to: Type.Unknown(),
  at: Timestamp,
});
export type TaskActivity = Static<typeof TaskActivity>;
export const TaskActivityPage = PageOf(TaskActivity);
export const ActivityQuery = Type.Object({ ...PageQuery }, Closed);

export const DependencyType = Type.Union([
  Type.Literal('finish_to_start'),
  Type.Literal('start_to_start'),
  Type.Literal('finish_to_finish'),
  Type.Literal('start_to_finish'),
]);
export type DependencyType = Static<typeof DependencyType>;

export const TaskDependency = Type.Object({
  id: Uuid,
  task_id: Uuid,
  depends_on_task_id: Uuid,
  depends_on_key: Type.String(),
  depends_on_status_category: StatusCategory,
  dependency_type: DependencyType,
  created_at: Timestamp,
});
export type TaskDependency = Static<typeof TaskDependency>;

export const CreateDependencyBody = Type.Object({
  depends_on_task_id: Uuid,
  dependency_type: Type.Optional(DependencyType),
});
export const DependencyParams = Type.Object({ id: TaskParams.properties.id, dependency_id: Uuid });

/** Changes applied to every task of a selection (each task is changed and announced on its own). */
export const BulkUpdateBody = Type.Object({
  task_ids: Type.Array(Uuid, { minItems: 1, maxItems: 100, uniqueItems: true }),
  changes: Type.Object(
    {
      status: Type.Optional(EditableFields.status),
      assigned_to: Type.Optional(EditableFields.assigned_to),
      priority: Type.Optional(EditableFields.priority),
      milestone_id: Type.Optional(EditableFields.milestone_id),
      add_tags: Type.Optional(EditableFields.tags),
      remove_tags: Type.Optional(EditableFields.tags),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
});
export type BulkUpdateBody = Static<typeof BulkUpdateBody>;
export const BulkUpdateResult = Type.Object({ items: Type.Array(Task) });

/**
 * Moves a task on the board: `after_id` is the task it will follow, `before_id` the one it will
 * precede (either or both; neither: the end). `status` moves it to another column too.
 */
export const PositionBody = Type.Object({
  status: Type.Optional(EditableFields.status),
  before_id: Type.Optional(Uuid),
  after_id: Type.Optional(Uuid),
  version: Type.Optional(Type.Integer({ minimum: 1 })),
});
export type PositionBody = Static<typeof PositionBody>;
