-- A search's description tier in a project looks its matches up in the words' GIN index
-- (data/search-conditions.ts), which holds the tasks of every project: in a 10,000-task project
-- beside a 1,000,000-task one, `private receipt` read the 2,427 matches of all projects to keep 11
-- (4.7 ms), and `broken attachment` 50,038 (25 ms). Each task's words now also hold its project,
-- as a lexeme no parser makes (`@` and the project's id) and without a position, so without a
-- weight: ts_filter and the title checks leave it out, and no search of words matches it. A
-- look-up that adds it to the search's words reads the project's entry with theirs, and GIN starts
-- from the rarest entry: 1.1 and 2.3 ms. In a project holding more tasks than the words do, the
-- look-up leaves it out (data/common-words.ts; bench/RESULTS.md).
alter table tasks drop column search;
alter table tasks add column search tsvector generated always as (
  setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
  setweight(to_tsvector('english', coalesce(description, '')), 'B') ||
  array_to_tsvector(array['@' || project_id::text])
) stored;
create index tasks_search on tasks using gin (search) with (fastupdate = off);
-- The look-ups choose by the statistics of these words (common-words.ts): taken now, not at
-- autovacuum's next pass.
analyze tasks;
