import type { CreateTaskBody, Task } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { rankBetween } from '../domain/rank.ts';
import { initialStatus } from '../domain/workflow.ts';
import { projectFor } from './task-access.ts';
import { taskEvents } from './task-events.ts';
import { checkAssignee, checkDueDate, checkMilestone, checkParent, statusChange } from './task-rules.ts';

/** Adds a task at the end of the project's board, with the next number of its key. */
export async function createTask(deps: TasksDeps, userId: string, body: CreateTaskBody): Promise<Task> {
  const project = await projectFor(deps, userId, body.project_id, 'write');
  const { status: requested, project_id: projectId, ...fields } = body;
  const status = statusChange(project, requested ?? initialStatus(project.workflow).key);
  await checkAssignee(deps, project, body.assigned_to);
  await checkParent(deps, project, body.parent_task_id);
  checkDueDate(body.due_date);
  await checkMilestone(deps, project, body.milestone_id);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const number = await deps.tasks.nextNumber(trx, projectId);
    const rank = rankBetween(await deps.tasks.lastRank(trx, projectId), null);
    const id = await deps.tasks.insert(
      trx,
      {
        ...fields,
        ...status,
        organization_id: project.organizationId,
        project_id: projectId,
        number,
        rank,
        created_by: userId,
      },
      now,
    );
    await deps.tasks.addActivity(
      trx,
      [{ task_id: id, actor_id: userId, field: 'created', from: null, to: body.title }],
      now,
    );
    const task = (await deps.tasks.findById(id, trx))!;
    await deps.outbox.add(trx, ...taskEvents('created', task, userId));
    return task;
  });
}
