-- "My tasks in this project" (assignee, often with a status) is the most used filter of the list.
-- With only (project_id, status, rank) the 1,000,000-task project read ~7,600 rows of a status to
-- find one person's 25 (28 ms warm, 80 ms cold); this index walks that person's tasks in list order
-- and filters the status on the way (about 60 rows, under 1 ms warm). See bench/RESULTS.md.
create index tasks_by_project_assignee on tasks (project_id, assigned_to, rank, id);
