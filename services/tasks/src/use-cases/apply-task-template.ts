import type { Task } from '../contract/http.ts';
import type { ApplyTaskTemplateBody } from '../contract/http-templates.ts';
import type { TasksDeps } from '../deps.ts';
import { InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import { checkedDraft } from './create-task.ts';
import { projectFor } from './task-access.ts';
import { templateFor } from './task-template-access.ts';
import { insertTemplateTask } from './template-tasks.ts';

/**
 * Creates the template's task in a project (with the body's title, assignee, due date and
 * milestone) and its sub-tasks, all in one transaction, checked like POST /tasks.
 */
export async function applyTaskTemplate(
  deps: TasksDeps,
  userId: string,
  templateId: string,
  body: ApplyTaskTemplateBody,
): Promise<Task> {
  const { template } = await templateFor(deps, userId, templateId, 'read');
  const project = await projectFor(deps, userId, body.project_id, 'write');
  const fitsProject =
    template.organization_id === project.organizationId &&
    (template.project_id === null || template.project_id === project.id);
  if (!fitsProject) {
    throw new InvalidTaskFieldError('project_id', 'is not a project this template can be applied to');
  }
  const { subtasks, ...fields } = template.template_data;
  const { project_id: _projectId, title, ...overrides } = body;
  const draft = await checkedDraft(deps, project, { ...fields, ...overrides, title: title ?? fields.title });
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, (trx) =>
    insertTemplateTask(deps, trx, project, userId, draft, subtasks, now),
  );
}
