-- A status change is never a HOT update (the status and updated_at are indexed), so it inserts a
-- new entry into every index of tasks, its words' two GIN indexes among them: about 20 entries a
-- change whose words had not changed. The words' indexes now live on a table of their own, written
-- only when a task is created or deleted or its title or description changes. In the benchmark's
-- A/B on 1,000,000 tasks at 32 connections, status changes ran 1,512–1,711 a second instead of
-- 1,347–1,410, searches and creations as fast as before (bench/RESULTS.md). tasks.search stays: a
-- search that walks a project's tasks in the list's order tests each row's stored words
-- (data/search-conditions.ts), where a look-up here for each row would cost more than the copy.
create table task_search (
  task_id uuid primary key,
  -- tasks.search of the task: its title's words weighted A, its description's B.
  search tsvector not null
);

insert into task_search (task_id, search) select id, search from tasks;
create index task_search_words on task_search using gin (search) with (fastupdate = off);
-- The title's words (weight A) as to_tsvector('english', title) has them, positions included.
create index task_search_title_words on task_search using gin (ts_filter(search, '{a}'))
  with (fastupdate = off);
-- As tasks (0013): a search reads a page and stops, and starting parallel workers cost more than that.
alter table task_search set (parallel_workers = 0);
drop index tasks_search;
drop index tasks_title_search;
analyze task_search;

-- Kept by triggers in the transaction of every write, as task_title_words is (0008): set-based for
-- creations and deletions, one row for a changed title or description.
create function add_task_search() returns trigger language plpgsql
set search_path from current as $$
begin
  insert into task_search (task_id, search) select t.id, t.search from added t;
  return null;
end $$;

create function remove_task_search() returns trigger language plpgsql
set search_path from current as $$
begin
  delete from task_search s using removed t where s.task_id = t.id;
  return null;
end $$;

create function redo_task_search() returns trigger language plpgsql
set search_path from current as $$
begin
  update task_search set search = new.search where task_id = new.id;
  return null;
end $$;

create trigger tasks_search_added
after insert on tasks referencing new table as added
for each statement execute function add_task_search();

create trigger tasks_search_removed
after delete on tasks referencing old table as removed
for each statement execute function remove_task_search();

create trigger tasks_search_changed
after update of title, description on tasks
for each row
when (old.title is distinct from new.title or old.description is distinct from new.description)
execute function redo_task_search();
