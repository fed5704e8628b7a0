-- The seed's task_db tables, scoped to organizations, plus read models of projects and memberships.

-- Read model of the projects service's projects (projects.project.* events). workflow null: the
-- event did not carry settings; the default workflow applies. deleted_at set: the project is gone.
create table projects (
  id uuid primary key,
  organization_id uuid not null,
  key varchar(10) not null,
  status varchar(50) not null,
  workflow jsonb,
  deleted_at timestamptz,
  updated_at timestamptz not null
);

-- Read model of project memberships (projects.member.*); role null: removed (tombstone).
create table project_memberships (
  project_id uuid not null,
  user_id uuid not null,
  role varchar(50) check (role in ('admin', 'member', 'viewer')),
  updated_at timestamptz not null,
  primary key (project_id, user_id)
);
create index project_memberships_by_user on project_memberships (user_id) where role is not null;

-- Read model of milestones (projects.milestone.*), so tasks name only milestones of their project.
create table milestones (
  id uuid primary key,
  project_id uuid not null,
  deleted_at timestamptz,
  updated_at timestamptz not null
);

-- Read model of organization memberships (users.member.*); role null: removed (tombstone).
create table org_memberships (
  organization_id uuid not null,
  user_id uuid not null,
  role varchar(50) check (role in ('owner', 'admin', 'member', 'guest')),
  updated_at timestamptz not null,
  primary key (organization_id, user_id)
);
create index org_memberships_by_user on org_memberships (user_id) where role is not null;

-- The last task number handed out per project; bumped in the task's own transaction.
create table task_counters (
  project_id uuid primary key,
  last_number integer not null
);

create table tasks (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  project_id uuid not null,
  number integer not null,
  title varchar(255) not null,
  description text,
  assigned_to uuid,
  created_by uuid not null,
  status varchar(50) not null,
  -- Copied from the project's workflow when the status is set, so filters and is_blocked need no join.
  status_category varchar(20) not null check (status_category in ('todo', 'in_progress', 'done')),
  priority varchar(20) not null default 'medium' check (priority in ('urgent', 'high', 'medium', 'low', 'none')),
  due_date date,
  estimated_hours numeric(7, 2) check (estimated_hours >= 0),
  actual_hours numeric(7, 2) check (actual_hours >= 0),
  tags text[] not null default '{}',
  milestone_id uuid,
  parent_task_id uuid references tasks (id) on delete set null,
  -- Fractional index: byte order (collate "C") so the generator's comparison is the database's.
  rank text collate "C" not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(description, '')), 'B')
  ) stored,
  unique (project_id, number)
);
create index tasks_by_rank on tasks (project_id, rank, id);
create index tasks_by_status on tasks (project_id, status, rank);
create index tasks_by_assignee on tasks (assigned_to, due_date) where assigned_to is not null;
create index tasks_by_due_date on tasks (project_id, due_date, id);
create index tasks_by_created on tasks (project_id, created_at, id);
create index tasks_by_updated on tasks (project_id, updated_at, id);
create index tasks_by_parent on tasks (parent_task_id) where parent_task_id is not null;
create index tasks_by_milestone on tasks (milestone_id) where milestone_id is not null;
create index tasks_tags on tasks using gin (tags);
create index tasks_search on tasks using gin (search);

create table task_activity (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id) on delete cascade,
  actor_id uuid not null,
  field varchar(50) not null,
  "from" jsonb,
  "to" jsonb,
  at timestamptz not null default now()
);
create index task_activity_by_task on task_activity (task_id, at, id);

create table task_dependencies (
  id uuid primary key default gen_random_uuid(),
  task_id uuid not null references tasks (id) on delete cascade,
  depends_on_task_id uuid not null references tasks (id) on delete cascade,
  dependency_type varchar(50) not null default 'finish_to_start'
    check (dependency_type in ('finish_to_start', 'start_to_start', 'finish_to_finish', 'start_to_finish')),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  unique (task_id, depends_on_task_id),
  check (task_id <> depends_on_task_id)
);
create index task_dependencies_by_blocker on task_dependencies (depends_on_task_id);
