// The tasks service's HTTP types, straight from its contract (type-only: nothing is bundled).
import type { TaskActivity, TaskAttachment, TaskDependency, TaskListQuery } from '@pm/tasks/contract';

export type {
  BulkUpdateBody,
  CreateTaskBody,
  CreateTaskViewBody,
  DependencyType,
  PositionBody,
  Priority,
  StatusCategory,
  Task,
  TaskActivity,
  TaskAttachment,
  TaskDependency,
  TaskListQuery,
  TaskSort,
  TaskView,
  TaskViewFilters,
  TaskViewLayout,
  UpdateTaskBody,
  UpdateTaskViewBody,
} from '@pm/tasks/contract';

/** The filters a screen sets: paging is the hook's business. */
export type TaskFilters = Omit<TaskListQuery, 'cursor' | 'limit'>;

export type Activity = TaskActivity;
export type Dependency = TaskDependency;
export type Attachment = TaskAttachment;
