-- Events written in the same transaction as the change they announce; the relay publishes them.
create table outbox (
  id uuid primary key,
  type text not null,
  envelope jsonb not null,
  created_at timestamptz not null default now(),
  published_at timestamptz,
  attempts integer not null default 0,
  last_error text
);
create index outbox_pending on outbox (created_at) where published_at is null;

-- Events a consumer of this schema has handled, so a redelivery changes nothing twice.
create table inbox (
  event_id uuid not null,
  consumer text not null,
  event_type text not null,
  processed_at timestamptz not null default now(),
  primary key (event_id, consumer)
);
