-- Only a change of done-ness frees or blocks a task's dependents (0003_task_open_blockers.sql): the
-- trigger now says so itself, so a status change within "not done" (most of a board's moves) queues
-- no after-trigger event and calls no function. The function returned at once in that case, after
-- the call and its search_path setting had been paid on every status change.
drop trigger tasks_open_blockers_on_status on tasks;

create trigger tasks_open_blockers_on_status
after update of status_category on tasks
for each row
when ((old.status_category = 'done') is distinct from (new.status_category = 'done'))
execute function recount_dependents_on_status();
