-- The list sorts by due date and by priority order on expressions (nulls last, urgent first);
-- plain column indexes cannot serve them, so a 1,000,000-task project sorted by due date scanned
-- and sorted every row (3 s a page). These indexes hold the exact expressions of
-- src/data/task-list.repository.ts: change both together.
drop index if exists tasks_by_due_date;
create index tasks_by_due_order on tasks (project_id, coalesce(due_date, 'infinity'::date), id);
create index tasks_by_priority_order on tasks (
  project_id,
  array_position(array['urgent', 'high', 'medium', 'low', 'none']::text[], priority::text),
  id
);
