-- Every change of a task writes new entries into its three GIN indexes (a change that is not a HOT
-- update inserts into every index). With GIN's fast update on, the entries queue in a pending list
-- and the write that finds the list full (gin_pending_list_limit, 4 MB) merges all of it into the
-- index: under a steady stream of status changes one batch in a few thousand took 110–250 ms of CPU
-- instead of 8, and every request waiting behind it answered late (status changes' worst answers
-- 160–370 ms; bench/RESULTS.md). PostgreSQL's documentation names the trade: where consistent
-- response time matters more than update speed, turn the pending list off. Each write now pays its
-- own small share, and searches no longer read an unmerged list.
alter index tasks_tags set (fastupdate = off);
alter index tasks_search set (fastupdate = off);
alter index tasks_title_search set (fastupdate = off);
