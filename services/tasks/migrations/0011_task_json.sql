-- A task's JSON as the API writes it, kept on its row by PostgreSQL (a stored generated column):
-- every field after `id` and `key`, which the reads put in front (the key needs the project's, from
-- another table). Built field by field at read time it was three quarters of PostgreSQL's work for
-- a list page: the list query of the 1,000,000-task project ran 10,500 times a second in pgbench
-- that way and 30,300 times reading the stored text (bench/RESULTS.md). A write builds it once; the
-- row is about 770 bytes longer. Fields in the contract's order, written as data/task-fields.ts
-- describes; test/list-json.api.test.ts holds the text to the task a write answers. A change of the
-- task's JSON is a migration that drops and adds this column again.

-- PostgreSQL marks to_json, array_to_json and to_char stable because they serve any type and any
-- format; for text, text arrays and these fixed formats they depend on their arguments only, as a
-- generated column requires. One PL/pgSQL function, compiled once per connection: as SQL functions
-- (one per kind of value), their bodies were planned again by every update, 0.12 ms of a 0.37 ms
-- single-row update in pgbench; this one adds 0.05 ms (bench/RESULTS.md).
create function task_json_tail(
  number integer, organization_id uuid, project_id uuid, title text, description text, status text,
  status_category text, priority text, assigned_to uuid, created_by uuid, due_date date,
  estimated_hours numeric, actual_hours numeric, tags text[], milestone_id uuid, parent_task_id uuid,
  rank text, version integer, open_blockers integer, subtasks_total integer, subtasks_done integer,
  created_at timestamptz, updated_at timestamptz
) returns text immutable parallel safe language plpgsql as $$
begin
  -- Ids, enums and dates quoted as they are (nothing in them to escape), text escaped by to_json,
  -- hours as JSON numbers, timestamps as JavaScript's toISOString writes them (UTC, ms, `Z`).
  return ',"number":' || number
    || ',"organization_id":"' || organization_id
    || '","project_id":"' || project_id
    || '","title":' || to_json(title)
    || ',"description":' || coalesce(to_json(description)::text, 'null')
    || ',"status":' || to_json(status)
    || ',"status_category":"' || status_category
    || '","priority":"' || priority
    || '","assigned_to":' || coalesce('"' || assigned_to || '"', 'null')
    || ',"created_by":"' || created_by
    || '","due_date":' || coalesce('"' || to_char(due_date, 'YYYY-MM-DD') || '"', 'null')
    || ',"estimated_hours":' || coalesce(estimated_hours::float8::text, 'null')
    || ',"actual_hours":' || coalesce(actual_hours::float8::text, 'null')
    || ',"tags":' || array_to_json(tags)
    || ',"milestone_id":' || coalesce('"' || milestone_id || '"', 'null')
    || ',"parent_task_id":' || coalesce('"' || parent_task_id || '"', 'null')
    || ',"rank":' || to_json(rank)
    || ',"version":' || version
    || ',"is_blocked":' || (open_blockers > 0)
    || ',"subtasks":{"total":' || subtasks_total || ',"done":' || subtasks_done || '}'
    || ',"created_at":"' || to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    || '","updated_at":"' || to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    || '"}';
end $$;

alter table tasks add column json_tail text generated always as (task_json_tail(
  number, organization_id, project_id, title, description, status, status_category, priority,
  assigned_to, created_by, due_date, estimated_hours, actual_hours, tags, milestone_id, parent_task_id,
  rank, version, open_blockers, subtasks_total, subtasks_done, created_at, updated_at
)) stored;
