-- Task templates, attachments and saved views.

-- The seed's task_templates, scoped to an organization; project_id set: usable in that project only.
-- template_data = { title, description?, priority?, tags?, estimated_hours?, subtasks?: [...] }.
create table task_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  project_id uuid,
  name varchar(255) not null,
  description text,
  template_data jsonb not null,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index task_templates_by_organization on task_templates (organization_id, name, id);
create index task_templates_by_project on task_templates (project_id) where project_id is not null;

-- The seed's task_attachments plus what the file service will later own (name, size, type), so a
-- task lists its files without asking it. One row per file and task.
create table task_attachments (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id) on delete cascade,
  file_id uuid not null,
  file_name varchar(255),
  size_bytes bigint check (size_bytes >= 0),
  content_type varchar(255),
  uploaded_by uuid not null,
  created_at timestamptz not null default now(),
  unique (task_id, file_id)
);
create index task_attachments_by_task on task_attachments (task_id, created_at, id);

-- Saved filters of a project's task list or board: personal (owner only) or shared with the project.
create table task_views (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null,
  owner_id uuid not null,
  name varchar(100) not null,
  filters jsonb not null default '{}',
  sort varchar(20) check (sort in ('rank', 'due_date', 'priority', 'created_at', 'updated_at')),
  layout varchar(10) not null check (layout in ('board', 'list')),
  shared boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index task_views_by_project on task_views (project_id, owner_id);
