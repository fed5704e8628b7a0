-- The seed's auth_db tables, with what sessions, verification and sign-in providers need.
create table users (
  id uuid primary key default gen_random_uuid(),
  email varchar(255) not null,
  username varchar(100) not null,
  password_hash varchar(255),
  first_name varchar(100),
  last_name varchar(100),
  is_active boolean not null default true,
  email_verified boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create unique index users_username_key on users (lower(username));

create table user_roles (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  role varchar(50) not null,
  created_at timestamptz not null default now(),
  unique (user_id, role)
);

-- One row per issued refresh token; a session is a family of rotated tokens.
create table refresh_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  family_id uuid not null,
  token varchar(255) not null unique, -- sha256 of the opaque token, never the token itself
  expires_at timestamptz not null,
  used_at timestamptz,
  revoked_at timestamptz,
  user_agent text,
  ip varchar(64),
  created_at timestamptz not null default now()
);
create index refresh_tokens_family on refresh_tokens (family_id);
create index refresh_tokens_user on refresh_tokens (user_id) where revoked_at is null;

-- Single-use tokens sent by email (verification, password reset), stored hashed.
create table email_tokens (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  purpose varchar(30) not null check (purpose in ('verify_email', 'reset_password')),
  token_hash varchar(64) not null unique,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- Accounts at external sign-in providers linked to a user.
create table oauth_accounts (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  provider varchar(50) not null,
  subject varchar(255) not null,
  email varchar(255),
  created_at timestamptz not null default now(),
  unique (provider, subject)
);

-- Ed25519 keys that sign access tokens; retired keys stay published until their tokens expire.
create table signing_keys (
  kid varchar(64) primary key,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
