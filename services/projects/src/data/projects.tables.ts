import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { MilestoneStatus, ProjectRole, ProjectStatus, TemplateData } from '../contract/http.ts';
import type { ProjectSettings } from '../contract/settings.ts';
import type { OrgRole } from '../domain/project-role.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns: written as `YYYY-MM-DD`, read back as a Date at local midnight (see domain/dates.ts). */
type DateColumn = ColumnType<Date | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string, string>;

export interface ProjectsTable {
  id: Generated<string>;
  organization_id: string;
  key: string;
  name: string;
  description: string | null;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  status_before_archive: ProjectStatus | null;
  start_date: DateColumn;
  end_date: DateColumn;
  owner_id: string;
  team_id: string | null;
  settings: Json<ProjectSettings>;
  version: Generated<number>;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MilestonesTable {
  id: Generated<string>;
  project_id: string;
  title: string;
  description: string | null;
  due_date: DateColumn;
  status: ColumnType<MilestoneStatus, MilestoneStatus | undefined, MilestoneStatus>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProjectMembersTable {
  id: Generated<string>;
  project_id: string;
  user_id: string;
  role: ProjectRole;
  joined_at: Timestamp;
}

export interface ProjectTemplatesTable {
  id: Generated<string>;
  organization_id: string;
  name: string;
  description: string | null;
  template_data: Json<TemplateData>;
  created_by: string;
  source_project_id: string | null;
  created_at: Timestamp;
}

export interface OrgMembershipsTable {
  organization_id: string;
  user_id: string;
  /** null: removed (a tombstone that keeps older events from reviving the membership). */
  role: OrgRole | null;
  updated_at: Timestamp;
}

export interface ProjectsDatabase {
  projects: ProjectsTable;
  milestones: MilestonesTable;
  project_members: ProjectMembersTable;
  project_templates: ProjectTemplatesTable;
  org_memberships: OrgMembershipsTable;
  outbox: { id: string; type: string; envelope: string };
  inbox: { event_id: string; consumer: string; event_type: string };
}

export type Db = Kysely<ProjectsDatabase> | Transaction<ProjectsDatabase>;
export type ProjectRow = Selectable<ProjectsTable>;
export type MilestoneRow = Selectable<MilestonesTable>;
export type MemberRow = Selectable<ProjectMembersTable>;
export type TemplateRow = Selectable<ProjectTemplatesTable>;
