import type { Task } from '../contract/http.ts';
import type { TaskTemplateData } from '../contract/http-templates.ts';
import type { Db } from '../data/tasks.tables.ts';
import type { TasksDeps } from '../deps.ts';
import { initialStatus } from '../domain/workflow.ts';
import { insertTask, type TaskDraft } from './create-task.ts';
import type { ProjectContext } from './task-access.ts';

type TemplateProject = Pick<ProjectContext, 'id' | 'organizationId' | 'key' | 'workflow'>;

/** Where template tasks start: the project's first `todo` status. */
function startStatus(project: TemplateProject) {
  const status = initialStatus(project.workflow);
  return { status: status.key, status_category: status.category };
}

/** The template's task as a draft in the project's first `todo` status (sub-tasks left out). */
export function draftOf(project: TemplateProject, data: TaskTemplateData): TaskDraft {
  const { subtasks: _subtasks, ...fields } = data;
  return { ...fields, ...startStatus(project) };
}

/**
 * Creates a template's task and its sub-tasks in the caller's transaction, through the same
 * insert as POST /tasks (numbers, ranks, activity, events). Sub-tasks share the task's milestone.
 */
export async function insertTemplateTask(
  deps: Pick<TasksDeps, 'tasks' | 'outbox'>,
  trx: Db,
  project: TemplateProject,
  userId: string,
  draft: TaskDraft,
  subtasks: TaskTemplateData['subtasks'],
  now: Date,
): Promise<Task> {
  const task = await insertTask(deps, trx, project, userId, draft, now);
  if (!subtasks || subtasks.length === 0) {
    return task;
  }
  const status = startStatus(project);
  for (const subtask of subtasks) {
    const subDraft: TaskDraft = {
      ...subtask,
      ...status,
      parent_task_id: task.id,
      milestone_id: draft.milestone_id ?? null,
    };
    await insertTask(deps, trx, project, userId, subDraft, now);
  }
  // Read again: the answer counts the sub-tasks just made.
  return (await deps.tasks.findById(task.id, trx))!;
}
