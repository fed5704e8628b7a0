-- A search lists tasks whose title matches first, then those matching only with their description,
-- each newest change first (data/task-list.repository.ts). This index finds the title matches
-- without reading the tasks that match only in their description; the second tier walks
-- tasks_by_updated from the newest task and stops after a page. Ranking every match by ts_rank read
-- 49,579 rows for two common words in the 1,000,000-task project (bench/RESULTS.md).
create index tasks_title_search on tasks using gin (to_tsvector('english', title));
