import type { ColumnType, Generated } from 'kysely';
import type { TaskSort } from '../contract/http.ts';
import type { TaskTemplateData } from '../contract/http-templates.ts';
import type { TaskViewFilters, TaskViewLayout } from '../contract/http-views.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface TaskTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  project_id: string | null;
  name: string;
  description: string | null;
  template_data: Json<TaskTemplateData>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TaskAttachmentsTable {
  id: Generated<string>;
  task_id: string;
  file_id: string;
  file_name: string | null;
  // bigint arrives as a string from pg.
  size_bytes: ColumnType<string | null, number | null, number | null>;
  content_type: string | null;
  uploaded_by: string;
  created_at: Timestamp;
}

export interface TaskViewsTable {
  id: Generated<string>;
  project_id: string;
  owner_id: string;
  name: string;
  filters: Json<TaskViewFilters>;
  sort: TaskSort | null;
  layout: TaskViewLayout;
  shared: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}
