-- The seed's user_db tables (organizations, user_profiles, teams, team_members), with organization
-- memberships, invitations and a read model of auth accounts (ADR 0002).

-- Read model of auth accounts, fed by auth.user.* events. deleted_at marks a scrubbed account whose
-- id stays so that what the person created remains attributable.
create table user_directory (
  user_id uuid primary key,
  email varchar(255),
  username varchar(100) not null,
  first_name varchar(100),
  last_name varchar(100),
  is_active boolean not null default true,
  email_verified boolean not null default false,
  deleted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index user_directory_email on user_directory (lower(email));
create index user_directory_sort on user_directory (lower(username), user_id);

-- language: a BCP 47 tag can be longer than the seed's 10 characters (e.g. "zh-Hant-TW-x-abc").
create table user_profiles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null unique,
  avatar_url varchar(500),
  bio text,
  timezone varchar(50),
  language varchar(35),
  notification_preferences jsonb not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table organizations (
  id uuid primary key default gen_random_uuid(),
  name varchar(255) not null,
  domain varchar(255), -- lowercase; joining by domain also needs settings.allow_domain_join
  settings jsonb not null default '{}',
  created_by uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index organizations_domain on organizations (domain) where domain is not null;

create table organization_members (
  organization_id uuid not null references organizations (id) on delete cascade,
  user_id uuid not null,
  role varchar(20) not null check (role in ('owner', 'admin', 'member', 'guest')),
  joined_at timestamptz not null default now(),
  primary key (organization_id, user_id)
);
create index organization_members_user on organization_members (user_id);

create table teams (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  name varchar(255) not null,
  description text,
  owner_id uuid not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index teams_organization on teams (organization_id, lower(name), id);

create table team_members (
  id uuid primary key default gen_random_uuid(),
  team_id uuid not null references teams (id) on delete cascade,
  user_id uuid not null,
  role varchar(20) not null check (role in ('lead', 'member')),
  joined_at timestamptz not null default now(),
  unique (team_id, user_id)
);
create index team_members_user on team_members (user_id);

-- Invitations by email; only the SHA-256 of the emailed token is stored.
create table invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id) on delete cascade,
  team_id uuid references teams (id) on delete set null,
  email varchar(255) not null,
  role varchar(20) not null check (role in ('admin', 'member', 'guest')),
  token_hash varchar(64) not null unique,
  invited_by uuid not null,
  status varchar(20) not null default 'pending' check (status in ('pending', 'accepted', 'revoked')),
  expires_at timestamptz not null,
  accepted_by uuid,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One open invitation per address and organization: a second one is a resend.
create unique index invitations_pending on invitations (organization_id, lower(email)) where status = 'pending';
create index invitations_email on invitations (lower(email)) where status = 'pending';
create index invitations_list on invitations (organization_id, created_at desc, id desc);
