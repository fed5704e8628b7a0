-- A task's sub-task rollup (`subtasks`: how many direct sub-tasks, how many of them done), kept on
-- the parent like open_blockers. Counted at read time it was a look-up in tasks_by_parent for every
-- task of every list page: a quarter of PostgreSQL's work for a page of 25 (4,000-4,200 pages a
-- second in pgbench with it, 5,200-5,400 without; bench/RESULTS.md). Triggers keep the counts in the
-- transaction of every change that moves them, whichever code path makes it: a sub-task created,
-- deleted, moved to another parent, or entering or leaving a done status. Two changes under one
-- parent add and subtract on its row, which serializes them: none is lost.

alter table tasks
  add column subtasks_total integer not null default 0 check (subtasks_total >= 0),
  add column subtasks_done integer not null default 0 check (subtasks_done >= 0);

update tasks p set subtasks_total = counted.total, subtasks_done = counted.done
from (
  select parent_task_id, count(*)::integer as total,
    (count(*) filter (where status_category = 'done'))::integer as done
  from tasks where parent_task_id is not null
  group by parent_task_id
) counted
where counted.parent_task_id = p.id;

-- The old row leaves its parent's counts, the new row joins its parent's: one function for
-- inserts, deletes, moves and status changes. A parent deleted by the same statement is no longer
-- there to update (no row matches).
create function count_subtask() returns trigger language plpgsql
set search_path from current as $$
begin
  if tg_op <> 'INSERT' and old.parent_task_id is not null then
    update tasks set subtasks_total = subtasks_total - 1,
      subtasks_done = subtasks_done - (old.status_category = 'done')::integer
    where id = old.parent_task_id;
  end if;
  if tg_op <> 'DELETE' and new.parent_task_id is not null then
    update tasks set subtasks_total = subtasks_total + 1,
      subtasks_done = subtasks_done + (new.status_category = 'done')::integer
    where id = new.parent_task_id;
  end if;
  return null;
end $$;

-- Only sub-tasks call the function: a task without a parent (most of them, and every row of a
-- bulk insert of top-level tasks) is passed over by the `when` clause.
create trigger tasks_subtasks_added
after insert on tasks
for each row when (new.parent_task_id is not null) execute function count_subtask();

create trigger tasks_subtasks_removed
after delete on tasks
for each row when (old.parent_task_id is not null) execute function count_subtask();

create trigger tasks_subtasks_changed
after update of parent_task_id, status_category on tasks
for each row
when (old.parent_task_id is distinct from new.parent_task_id
      or (new.parent_task_id is not null
          and (old.status_category = 'done') is distinct from (new.status_category = 'done')))
execute function count_subtask();
