-- The seed's project_db tables, scoped to organizations, plus a read model of organization members.

-- `key` prefixes task keys (WEB-42): unique per organization and fixed once the project exists.
create table projects (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  key varchar(10) not null check (key ~ '^[A-Z][A-Z0-9]{1,9}$'),
  name varchar(255) not null,
  description text,
  status varchar(50) not null default 'active' check (status in ('active', 'on_hold', 'completed', 'archived')),
  -- What restore goes back to.
  status_before_archive varchar(50),
  start_date date,
  end_date date,
  owner_id uuid not null,
  team_id uuid,
  settings jsonb not null,
  version integer not null default 1,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, key),
  check (start_date is null or end_date is null or end_date >= start_date)
);
-- Lists are keyset-paginated by (lower(name), id).
create index projects_by_name on projects (organization_id, lower(name), id);

create table milestones (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  title varchar(255) not null,
  description text,
  due_date date,
  status varchar(50) not null default 'pending' check (status in ('pending', 'in_progress', 'completed')),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- Lists are keyset-paginated by due date (undated last), then id.
create index milestones_by_due_date on milestones (project_id, coalesce(due_date, 'infinity'::date), id);

create table project_members (
  id uuid primary key default gen_random_uuid(),
  project_id uuid not null references projects (id) on delete cascade,
  user_id uuid not null,
  role varchar(50) not null check (role in ('admin', 'member', 'viewer')),
  joined_at timestamptz not null default now(),
  unique (project_id, user_id)
);
create index project_members_by_user on project_members (user_id);

-- template_data: { settings, milestones: [{ title, description, due_in_days }], task_templates: [] }.
create table project_templates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  name varchar(255) not null,
  description text,
  template_data jsonb not null,
  created_by uuid not null,
  -- No foreign key: a template outlives the project it was saved from.
  source_project_id uuid,
  created_at timestamptz not null default now()
);
create index project_templates_by_name on project_templates (organization_id, lower(name), id);

-- Read model of the users service's organization members (users.member.* events).
-- role null: the member was removed; the row stays so an older event delivered late cannot revive it.
-- updated_at is the occurred_at of the newest event applied.
create table org_memberships (
  organization_id uuid not null,
  user_id uuid not null,
  role varchar(50) check (role in ('owner', 'admin', 'member', 'guest')),
  updated_at timestamptz not null,
  primary key (organization_id, user_id)
);
create index org_memberships_by_user on org_memberships (user_id) where role is not null;
