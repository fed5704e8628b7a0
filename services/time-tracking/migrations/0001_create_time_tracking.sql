-- The seed's time_db tables, scoped to organizations, plus read models of what other services own.

-- Read models (events of projects, users and tasks). updated_at is the occurred_at of the newest
-- event applied; role null marks a removed membership (tombstone), deleted_at a deleted record.
create table projects (
  id uuid primary key,
  organization_id uuid not null,
  name varchar(255) not null,
  key varchar(10) not null,
  status varchar(50) not null,
  deleted_at timestamptz,
  updated_at timestamptz not null
);

create table project_memberships (
  project_id uuid not null,
  user_id uuid not null,
  role varchar(50) check (role in ('admin', 'member', 'viewer')),
  updated_at timestamptz not null,
  primary key (project_id, user_id)
);
create index project_memberships_by_user on project_memberships (user_id) where role is not null;

create table org_memberships (
  organization_id uuid not null,
  user_id uuid not null,
  role varchar(50) check (role in ('owner', 'admin', 'member', 'guest')),
  updated_at timestamptz not null,
  primary key (organization_id, user_id)
);
create index org_memberships_by_user on org_memberships (user_id) where role is not null;

-- The organization settings time tracking follows (users.organization.*).
create table organizations (
  id uuid primary key,
  week_start varchar(10) not null check (week_start in ('monday', 'sunday')),
  allow_overlapping_time_entries boolean not null,
  timer_limit_hours integer,
  updated_at timestamptz not null
);

-- Each person's time zone (users.profile.updated); unknown people count in UTC.
create table user_profiles (
  user_id uuid primary key,
  timezone varchar(64),
  updated_at timestamptz not null
);

create table tasks (
  id uuid primary key,
  organization_id uuid not null,
  project_id uuid not null,
  key varchar(30) not null,
  title varchar(255) not null,
  deleted_at timestamptz,
  updated_at timestamptz not null
);

-- Entries. Times are whole minutes; end_time null while the timer runs. entry_date is the day the
-- entry starts in time_zone, the person's zone when it was written: it decides the timesheet week.
create table time_entries (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  user_id uuid not null,
  task_id uuid,
  project_id uuid,
  description text,
  start_time timestamptz not null,
  end_time timestamptz,
  duration_minutes integer check (duration_minutes > 0),
  entry_date date not null,
  time_zone varchar(64) not null,
  billable boolean not null default true,
  -- Frozen when the entry's timesheet is approved; until then the rate in force applies.
  hourly_rate numeric(10, 2),
  currency char(3),
  flagged_long_running_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((end_time is null) = (duration_minutes is null)),
  check (end_time is null or end_time > start_time)
);
-- One running timer per person.
create unique index time_entries_one_running on time_entries (user_id) where end_time is null;
create index time_entries_by_user on time_entries (user_id, start_time, id);
create index time_entries_by_org_date on time_entries (organization_id, entry_date, id);
create index time_entries_by_project on time_entries (project_id, entry_date) where project_id is not null;
create index time_entries_by_task on time_entries (task_id) where task_id is not null;

-- Sum of a task's finished entries, with a sequence bumped under the row lock by every change,
-- so consumers can apply totals in any order and keep the newest.
create table task_totals (
  task_id uuid primary key,
  total_minutes integer not null,
  seq bigint not null
);

create table timesheets (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  user_id uuid not null,
  week_start_date date not null,
  total_hours numeric(7, 2) not null default 0,
  status varchar(50) not null default 'draft'
    check (status in ('draft', 'submitted', 'approved', 'rejected', 'reopened')),
  submitted_at timestamptz,
  approved_by uuid,
  approved_at timestamptz,
  rejection_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, user_id, week_start_date)
);
create index timesheets_by_status on timesheets (organization_id, status, week_start_date, id);

-- The entries a timesheet held when it was last submitted or approved.
create table timesheet_entries (
  id uuid primary key default gen_random_uuid(),
  timesheet_id uuid not null references timesheets (id) on delete cascade,
  time_entry_id uuid not null references time_entries (id) on delete cascade,
  created_at timestamptz not null default now(),
  unique (timesheet_id, time_entry_id)
);

-- Who submitted, approved, rejected or reopened a timesheet, when and why.
create table timesheet_history (
  id uuid primary key default gen_random_uuid(),
  timesheet_id uuid not null references timesheets (id) on delete cascade,
  action varchar(20) not null check (action in ('submitted', 'approved', 'rejected', 'reopened')),
  actor_id uuid not null,
  reason text,
  at timestamptz not null default now()
);
create index timesheet_history_by_sheet on timesheet_history (timesheet_id, at);

-- A person's rate, for one project or (project_id null) as their default, from effective_from on.
create table hourly_rates (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  user_id uuid not null,
  project_id uuid,
  rate numeric(10, 2) not null check (rate >= 0),
  currency char(3) not null,
  effective_from date not null,
  created_by uuid not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index hourly_rates_unique on hourly_rates
  (organization_id, user_id, coalesce(project_id, '00000000-0000-0000-0000-000000000000'::uuid), effective_from);
create index hourly_rates_lookup on hourly_rates (user_id, project_id, effective_from);
