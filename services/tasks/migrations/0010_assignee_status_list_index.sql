-- "My tasks in progress" (an assignee and a status) is the list's most used pair of filters. Through
-- (project_id, assigned_to, rank, id) a status of one person's 5,000 tasks in the 1,000,000-task
-- project read every row of theirs in list order until 25 had that status (267 rows, 226 pages, 2 ms
-- for `in_review`); this index holds them in list order per status. At 32 connections: PostgreSQL's
-- CPU 0.46–0.48 → 0.35–0.38 ms a page, 1,880 / 1,922 → 2,338 / 2,076 req/s (bench/RESULTS.md).
-- Every non-HOT write of a task (a status change is one) writes one index entry more.
create index tasks_by_project_assignee_status on tasks (project_id, assigned_to, status, rank, id);
