-- A task's logged minutes as the time tracking service last announced them (time.entry.* events).
-- seq grows with every change of the task's time: a late, older event never undoes a newer one.
create table task_time_totals (
  task_id uuid primary key,
  total_minutes integer not null check (total_minutes >= 0),
  seq bigint not null
);
