-- A search within a project lists the tasks whose title matches first, newest first
-- (data/task-list.repository.ts). The words of each title, one row per word, in the order of the
-- list: a search of two words merges their two runs of this index, newest first, and stops when a
-- page is full. Through the title's GIN index the same search read every task whose title matched,
-- to sort them: 7 to 71 ms of PostgreSQL for two adjective–noun pairs of the 1,000,000-task project,
-- and a walk of the project from its newest task when the planner guessed wrong (p99 2.4 s at
-- 32 connections); here 0.8 to 1.7 ms (bench/RESULTS.md). Keyed by created_at, which no change of
-- a task moves: a status change writes nothing here.
create table task_title_words (
  project_id uuid not null,
  -- A lexeme of to_tsvector('english', title), as websearch_to_tsquery spells the query's words.
  word text not null,
  created_at timestamptz not null,
  task_id uuid not null,
  primary key (project_id, word, created_at, task_id)
);

insert into task_title_words (project_id, word, created_at, task_id)
select t.project_id, w.word, t.created_at, t.id
from tasks t, unnest(tsvector_to_array(to_tsvector('english', t.title))) as w(word);
-- Statistics now, not at autovacuum's next pass: without them the first searches after the
-- migration were planned blind (7.5 s each over 1,000,000 tasks at 32 connections; analyzed, p99
-- 272 ms; once autovacuum has also marked the pages all-visible for index-only scans, 94 ms).
analyze task_title_words;

-- Kept by triggers in the transaction of every write, whichever code path makes it. Creations and
-- deletions are set-based (transition tables), so a bulk insert or a deleted project's cascade is
-- one statement here; a title or project change redoes that task's words.
create function add_title_words() returns trigger language plpgsql
set search_path from current as $$
begin
  insert into task_title_words (project_id, word, created_at, task_id)
  select t.project_id, w.word, t.created_at, t.id
  from added t, unnest(tsvector_to_array(to_tsvector('english', t.title))) as w(word);
  return null;
end $$;

create function remove_title_words() returns trigger language plpgsql
set search_path from current as $$
begin
  delete from task_title_words tw
  using removed t, unnest(tsvector_to_array(to_tsvector('english', t.title))) as w(word)
  where tw.project_id = t.project_id and tw.word = w.word and tw.created_at = t.created_at and tw.task_id = t.id;
  return null;
end $$;

create function redo_title_words() returns trigger language plpgsql
set search_path from current as $$
begin
  delete from task_title_words
  where project_id = old.project_id and created_at = old.created_at and task_id = old.id
    and word = any (tsvector_to_array(to_tsvector('english', old.title)));
  insert into task_title_words (project_id, word, created_at, task_id)
  select new.project_id, w.word, new.created_at, new.id
  from unnest(tsvector_to_array(to_tsvector('english', new.title))) as w(word);
  return null;
end $$;

create trigger tasks_title_words_added
after insert on tasks referencing new table as added
for each statement execute function add_title_words();

create trigger tasks_title_words_removed
after delete on tasks referencing old table as removed
for each statement execute function remove_title_words();

create trigger tasks_title_words_changed
after update of title, project_id, created_at on tasks
for each row
when (old.title is distinct from new.title or old.project_id is distinct from new.project_id
      or old.created_at is distinct from new.created_at)
execute function redo_title_words();
