import { sql, type ColumnType, type Generated, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DependencyType, Priority, StatusCategory } from '../contract/http.ts';
import type { OrgRole, ProjectRole } from '../domain/task-access.ts';
import type { WorkflowStatus } from '../domain/workflow.ts';
import type {
  TaskAttachmentsTable,
  TaskTemplatesTable,
  TaskViewsTable,
} from './templates-attachments-views.tables.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | null, string | null>;

export interface ProjectsTable {
  id: string;
  organization_id: string;
  key: string;
  status: string;
  workflow: Json<WorkflowStatus[] | null>;
  deleted_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ProjectMembershipsTable {
  project_id: string;
  user_id: string;
  role: ProjectRole | null;
  updated_at: Timestamp;
}

export interface OrgMembershipsTable {
  organization_id: string;
  user_id: string;
  role: OrgRole | null;
  updated_at: Timestamp;
}

export interface TasksTable {
  id: Generated<string>;
  organization_id: string;
  project_id: string;
  number: number;
  title: string;
  description: string | null;
  assigned_to: string | null;
  created_by: string;
  status: string;
  status_category: StatusCategory;
  priority: ColumnType<Priority, Priority | undefined, Priority>;
  due_date: ColumnType<Date | null, string | null, string | null>;
  estimated_hours: ColumnType<string | null, number | null, number | null>;
  actual_hours: ColumnType<string | null, number | null, number | null>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  milestone_id: string | null;
  parent_task_id: string | null;
  rank: string;
  version: Generated<number>;
  /** Finish-to-start blockers not done; kept by triggers (migrations/0003_task_open_blockers.sql). */
  open_blockers: ColumnType<number, never, never>;
  /** Direct sub-tasks, and those done; kept by triggers (migrations/0009_task_subtask_counts.sql). */
  subtasks_total: ColumnType<number, never, never>;
  subtasks_done: ColumnType<number, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
  /** The task's JSON after `id` and `key`, kept by PostgreSQL (migrations/0011_task_json.sql). */
  json_tail: ColumnType<string, never, never>;
}

export interface TaskActivityTable {
  id: Generated<string>;
  task_id: string;
  actor_id: string;
  field: string;
  from: Json<unknown>;
  to: Json<unknown>;
  at: Timestamp;
}

export interface TaskDependenciesTable {
  id: Generated<string>;
  task_id: string;
  depends_on_task_id: string;
  dependency_type: DependencyType;
  created_by: string;
  created_at: Timestamp;
}

/** The words of task titles, kept by triggers (migrations/0008_task_title_words.sql). */
export interface TaskTitleWordsTable {
  project_id: string;
  word: string;
  created_at: Timestamp;
  task_id: string;
}

export interface TasksDatabase {
  projects: ProjectsTable;
  milestones: { id: string; project_id: string; deleted_at: Timestamp | null; updated_at: Timestamp };
  project_memberships: ProjectMembershipsTable;
  org_memberships: OrgMembershipsTable;
  task_counters: { project_id: string; last_number: number };
  tasks: TasksTable;
  task_title_words: TaskTitleWordsTable;
  task_activity: TaskActivityTable;
  task_dependencies: TaskDependenciesTable;
  task_templates: TaskTemplatesTable;
  task_attachments: TaskAttachmentsTable;
  task_views: TaskViewsTable;
  outbox: { id: string; type: string; envelope: string };
  inbox: { event_id: string; consumer: string; event_type: string };
}

export type Db = Kysely<TasksDatabase> | Transaction<TasksDatabase>;
export type ProjectRow = Selectable<ProjectsTable>;

/** The schema this service owns (its service name); raw SQL names tables through `table()`. */
const SCHEMA = 'tasks';

/** A table of this schema for raw SQL, which Kysely's `withSchema` does not rewrite. */
export function table(name: keyof TasksDatabase) {
  return sql.table(`${SCHEMA}.${name}`);
}
