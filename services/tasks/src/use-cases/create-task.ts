import type { EventEnvelope } from '@pm/kernel';
import type { CreateTaskBody, Priority, StatusCategory, Task } from '../contract/http.ts';
import type { Db } from '../data/tasks.tables.ts';
import type { TasksDeps } from '../deps.ts';
import { rankAfter } from '../domain/rank.ts';
import { initialStatus } from '../domain/workflow.ts';
import { projectFor, type ProjectContext } from './task-access.ts';
import { taskEvents } from './task-events.ts';
import { checkAssignee, checkDueDate, checkMilestone, checkParent, statusChange } from './task-rules.ts';

/** A new task's priority unless it names one (also the column's default). */
const DEFAULT_PRIORITY: Priority = 'medium';

/** A new task's fields once they passed the project's rules (the status resolved to the workflow's). */
export type TaskDraft = Omit<CreateTaskBody, 'project_id' | 'status'> & {
  status: string;
  status_category: StatusCategory;
};

/** Adds a task at the end of the project's board, with the next number of its key. */
export async function createTask(deps: TasksDeps, userId: string, body: CreateTaskBody): Promise<Task> {
  const { project_id: projectId, ...fields } = body;
  const project = await projectFor(deps, userId, projectId, 'write');
  const draft = await checkedDraft(deps, project, fields);
  const now = deps.clock.now();
  // The number is taken in a statement of its own: taken inside the transaction, the project's
  // counter row stayed locked until commit and the project's creations ran one at a time
  // (bench/RESULTS.md). A creation failing after this leaves a gap in the numbers, as in Jira.
  // The last rank comes with it: two creations reading the same one still get distinct ranks.
  const place = await deps.tasks.nextPlace(deps.db, project.id);
  return insertTask(deps, deps.db, project, userId, draft, now, place);
}

/** Checks a new task's fields against its project: workflow status, assignee, parent, date, milestone. */
export async function checkedDraft(
  deps: TasksDeps,
  project: ProjectContext,
  fields: Omit<CreateTaskBody, 'project_id'>,
): Promise<TaskDraft> {
  const { status: requested, ...rest } = fields;
  const status = statusChange(project, requested ?? initialStatus(project.workflow).key);
  await checkAssignee(deps, project, fields.assigned_to);
  await checkParent(deps, project, fields.parent_task_id);
  checkDueDate(fields.due_date);
  await checkMilestone(deps, project, fields.milestone_id);
  return { ...rest, ...status };
}

/**
 * Writes a checked task, its `created` activity and its events in one statement (on its own, or in
 * the caller's transaction): its number and rank at the end of the board unless taken before.
 */
export async function insertTask(
  deps: Pick<TasksDeps, 'tasks' | 'outbox'>,
  trx: Db,
  project: Pick<ProjectContext, 'id' | 'organizationId' | 'key'>,
  userId: string,
  draft: TaskDraft,
  now: Date,
  takenPlace?: { number: number; lastRank: string | null },
): Promise<Task> {
  const { number, lastRank } = takenPlace ?? (await deps.tasks.nextPlace(trx, project.id));
  const rank = rankAfter(lastRank, number);
  const task = {
    ...draft,
    // Written out (the table's default too), so the events tell it without reading the row back.
    priority: draft.priority ?? DEFAULT_PRIORITY,
    assigned_to: draft.assigned_to ?? null,
    organization_id: project.organizationId,
    project_id: project.id,
    number,
    rank,
    created_by: userId,
  };
  // The events the insert wrote, for the outbox to hand to the relay once they are committed.
  let events: EventEnvelope[] = [];
  const created = (id: string) =>
    (events = taskEvents('created', { ...task, id, key: `${project.key}-${number}` }, userId));
  const inserted = await deps.tasks.insert(
    trx,
    task,
    now,
    (taskId) => [{ task_id: taskId, actor_id: userId, field: 'created', from: null, to: draft.title }],
    created,
  );
  deps.outbox.wrote(trx, events);
  return inserted;
}
