-- No parallel workers for scans of tasks. A list or a search reads a page and stops; planned for any
-- values, a search walking a project's newest tasks was given two parallel workers, and starting
-- them took 15 ms of a query that then ran for 3 (bench/RESULTS.md). On a busy server the workers
-- only take cores from other requests.
alter table tasks set (parallel_workers = 0);
