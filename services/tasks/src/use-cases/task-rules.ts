import type { StatusCategory } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import { InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import { findStatus } from '../domain/workflow.ts';
import type { ProjectContext } from './task-access.ts';

/** The fields of a create or update request that need the project to check. */
export interface RequestedFields {
  status?: string;
  assigned_to?: string | null;
  parent_task_id?: string | null;
  due_date?: string | null;
}

/** Status must be one of the project's workflow; the category travels with it. */
export function statusChange(
  project: ProjectContext,
  status: string,
): { status: string; status_category: StatusCategory } {
  const found = findStatus(project.workflow, status);
  if (!found) {
    const keys = project.workflow.map((s) => s.key).join(', ');
    throw new InvalidTaskFieldError(
      'status',
      `"${status}" is not a status of this project's workflow (${keys})`,
    );
  }
  return { status: found.key, status_category: found.category };
}

export async function checkAssignee(
  deps: TasksDeps,
  project: ProjectContext,
  userId: string | null | undefined,
) {
  if (!userId) {
    return;
  }
  if (!(await deps.access.isAssignable(project.id, project.organizationId, userId))) {
    throw new InvalidTaskFieldError('assigned_to', 'is not a member of the project');
  }
}

/** The parent lives in the same project and is not the task itself or one of its sub-tasks. */
export async function checkParent(
  deps: TasksDeps,
  project: ProjectContext,
  parentId: string | null | undefined,
  taskId?: string,
) {
  if (!parentId) {
    return;
  }
  const parent = await deps.tasks.findById(parentId);
  if (!parent || parent.project_id !== project.id) {
    throw new InvalidTaskFieldError('parent_task_id', 'is not a task of the same project');
  }
  if (taskId && (parentId === taskId || (await deps.tasks.ancestorIds(parentId)).includes(taskId))) {
    throw new InvalidTaskFieldError('parent_task_id', 'would make the task its own ancestor');
  }
}

export function checkDueDate(dueDate: string | null | undefined) {
  if (dueDate && Number.isNaN(Date.parse(`${dueDate}T00:00:00Z`))) {
    throw new InvalidTaskFieldError('due_date', 'is not a calendar date');
  }
}

export async function checkMilestone(
  deps: TasksDeps,
  project: ProjectContext,
  milestoneId: string | null | undefined,
) {
  if (milestoneId && !(await deps.access.isMilestoneOf(project.id, milestoneId))) {
    throw new InvalidTaskFieldError('milestone_id', 'is not a milestone of the project');
  }
}
