import { ForbiddenError } from '@pm/kernel';
import type { TaskTemplate } from '../contract/http-templates.ts';
import type { TasksDeps } from '../deps.ts';
import type { OrgRole, TaskAction } from '../domain/task-access.ts';
import { OrganizationNotFoundError, TaskTemplateNotFoundError } from '../domain/task-template.errors.ts';
import { ProjectNotFoundError } from '../domain/tasks.errors.ts';
import { projectFor, type ProjectContext } from './task-access.ts';

/** The caller's role in an organization; not a member: 404 naming `organization_id`. */
export async function organizationRole(deps: TasksDeps, userId: string, orgId: string): Promise<OrgRole> {
  const role = await deps.templates.orgRole(orgId, userId);
  if (!role) {
    throw new OrganizationNotFoundError();
  }
  return role;
}

/** Organization templates: owners, admins and members create them (guests only read). */
export function assertMayCreateOrgTemplate(role: OrgRole): void {
  if (role === 'guest') {
    throw new ForbiddenError('Guests of an organization cannot create its task templates');
  }
}

async function projectOfTemplate(deps: TasksDeps, userId: string, projectId: string, action: TaskAction) {
  try {
    return await projectFor(deps, userId, projectId, action);
  } catch (error) {
    if (error instanceof ProjectNotFoundError) {
      throw new TaskTemplateNotFoundError();
    }
    throw error;
  }
}

/**
 * The template if the caller may `read` it (organization members for organization templates,
 * project viewers for project ones) or `write` it (its author or an admin, who may also write the
 * project's tasks); templates the caller cannot see answer 404.
 */
export async function templateFor(
  deps: TasksDeps,
  userId: string,
  templateId: string,
  action: TaskAction,
): Promise<{ template: TaskTemplate; project: ProjectContext | undefined }> {
  const template = await deps.templates.findById(templateId);
  if (!template) {
    throw new TaskTemplateNotFoundError();
  }
  const isAuthor = template.created_by === userId;
  if (template.project_id) {
    const project = await projectOfTemplate(deps, userId, template.project_id, action);
    if (action === 'write' && !isAuthor && project.role !== 'admin') {
      throw new ForbiddenError("Only its author or a project admin changes a project's task template");
    }
    return { template, project };
  }
  const role = await deps.templates.orgRole(template.organization_id, userId);
  if (!role) {
    throw new TaskTemplateNotFoundError();
  }
  if (action === 'write' && !isAuthor && role !== 'owner' && role !== 'admin') {
    throw new ForbiddenError(
      "Only its author or an organization admin changes an organization's task template",
    );
  }
  return { template, project: undefined };
}
