-- Blocked tasks, countable through an index: `open_blockers` is the number of a task's
-- finish_to_start dependencies whose blocker is not in a done-category status (is_blocked = > 0).
-- Computed per row (exists over task_dependencies), the `blocked=true` filter walked the whole
-- project when few tasks were blocked: 480 ms at 100,000 tasks, seconds at 1,000,000. Triggers
-- keep the count in the transaction of every change that moves it, whichever code path makes it:
-- a dependency added or removed, a blocker entering or leaving a done status, a blocker deleted.
-- Concurrency: each trigger locks the blocker row (for share) before reading its status, so a
-- dependency change and a status change of the same blocker are serialized and none is lost.

alter table tasks add column open_blockers integer not null default 0 check (open_blockers >= 0);

update tasks t set open_blockers = counted.n
from (
  select d.task_id, count(*)::integer as n
  from task_dependencies d join tasks b on b.id = d.depends_on_task_id
  where d.dependency_type = 'finish_to_start' and b.status_category <> 'done'
  group by d.task_id
) counted
where counted.task_id = t.id;

-- The blocked tasks of a project in board order; small, as only blocked tasks are in it.
create index tasks_blocked on tasks (project_id, rank, id) where open_blockers > 0;

create function count_open_blocker() returns trigger language plpgsql
set search_path from current as $$
declare
  link task_dependencies;
  blocker_category varchar;
begin
  link := case when tg_op = 'INSERT' then new else old end;
  if link.dependency_type <> 'finish_to_start' then
    return null;
  end if;
  -- A blocker deleted by this statement (cascading to its links) was uncounted by its own trigger.
  select status_category into blocker_category from tasks where id = link.depends_on_task_id for share;
  if blocker_category is null or blocker_category = 'done' then
    return null;
  end if;
  update tasks set open_blockers = open_blockers + case when tg_op = 'INSERT' then 1 else -1 end
  where id = link.task_id;
  return null;
end $$;

create trigger task_dependencies_open_blockers
after insert or delete on task_dependencies
for each row execute function count_open_blocker();

-- A blocker entering a done status frees its dependents; leaving it blocks them again.
create function recount_dependents_on_status() returns trigger language plpgsql
set search_path from current as $$
begin
  if (old.status_category = 'done') = (new.status_category = 'done') then
    return null;
  end if;
  update tasks set open_blockers = open_blockers + case when new.status_category = 'done' then -1 else 1 end
  where id in (
    select task_id from task_dependencies
    where depends_on_task_id = new.id and dependency_type = 'finish_to_start'
  );
  return null;
end $$;

create trigger tasks_open_blockers_on_status
after update of status_category on tasks
for each row execute function recount_dependents_on_status();

-- A deleted open blocker frees its dependents. After-delete row triggers run in name order, the
-- foreign keys' cascade ("RI_ConstraintTrigger_…") included: the capital "A_" runs first, while the
-- links still exist. (An after trigger also never touches rows the same statement deletes later.)
create function uncount_deleted_blocker() returns trigger language plpgsql
set search_path from current as $$
begin
  if old.status_category <> 'done' then
    update tasks set open_blockers = open_blockers - 1
    where id in (
      select task_id from task_dependencies
      where depends_on_task_id = old.id and dependency_type = 'finish_to_start'
    );
  end if;
  return null;
end $$;

create trigger "A_tasks_open_blockers_on_delete"
after delete on tasks
for each row execute function uncount_deleted_blocker();
