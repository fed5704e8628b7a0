-- No parallel workers for scans of task_title_words either (0013): a search's title tier reads one
-- word's newest entries and stops, and planned for any word it was given a parallel worker whose
-- start took 5–7 ms of a query that then ran for 0.05–2.3 (bench/RESULTS.md).
alter table task_title_words set (parallel_workers = 0);
