import { toPage, ValidationError, type Page } from '@pm/kernel';
import type {
  CreateTaskTemplateBody,
  TaskTemplate,
  TaskTemplateListQuery,
  UpdateTaskTemplateBody,
} from '../contract/http-templates.ts';
import { keysetAfter } from '../data/keyset-cursor.ts';
import type { TemplateScope } from '../data/task-template.repository.ts';
import type { TasksDeps } from '../deps.ts';
import { InvalidTaskFieldError } from '../domain/tasks.errors.ts';
import { projectFor } from './task-access.ts';
import { assertMayCreateOrgTemplate, organizationRole, templateFor } from './task-template-access.ts';

/** An organization template (org owner/admin/member) or a project one (project member or admin). */
export async function createTaskTemplate(
  deps: TasksDeps,
  userId: string,
  body: CreateTaskTemplateBody,
): Promise<TaskTemplate> {
  const projectId = body.project_id ?? null;
  if (projectId) {
    const project = await projectFor(deps, userId, projectId, 'write');
    if (project.organizationId !== body.organization_id) {
      throw new InvalidTaskFieldError('project_id', 'is not a project of organization_id');
    }
  } else {
    assertMayCreateOrgTemplate(await organizationRole(deps, userId, body.organization_id));
  }
  return deps.templates.insert(
    deps.db,
    {
      organization_id: body.organization_id,
      project_id: projectId,
      name: body.name.trim(),
      description: body.description ?? null,
      template_data: body.template_data,
      created_by: userId,
    },
    deps.clock.now(),
  );
}

async function scopeOf(
  deps: TasksDeps,
  userId: string,
  query: TaskTemplateListQuery,
): Promise<TemplateScope> {
  if (query.project_id) {
    const project = await projectFor(deps, userId, query.project_id, 'read');
    if (query.organization_id && query.organization_id !== project.organizationId) {
      throw new InvalidTaskFieldError('organization_id', "is not the project's organization");
    }
    const orgRole = await organizationRole(deps, userId, project.organizationId);
    return { organizationId: project.organizationId, projectId: project.id, userId, orgRole };
  }
  if (!query.organization_id) {
    throw new ValidationError([
      { field: 'organization_id', message: 'is required unless project_id is given' },
    ]);
  }
  const orgRole = await organizationRole(deps, userId, query.organization_id);
  return { organizationId: query.organization_id, userId, orgRole };
}

/** The templates of an organization (and its projects the caller sees), or those usable in a project. */
export async function listTaskTemplates(
  deps: TasksDeps,
  userId: string,
  query: TaskTemplateListQuery,
): Promise<Page<TaskTemplate>> {
  const scope = await scopeOf(deps, userId, query);
  const limit = query.limit ?? 25;
  const rows = await deps.templates.list(scope, limit, keysetAfter(query.cursor));
  return toPage(
    rows,
    limit,
    (row) => [row.sort_name, row.id],
    ({ sort_name: _sortName, ...template }) => template,
  );
}

export async function getTaskTemplate(deps: TasksDeps, userId: string, id: string): Promise<TaskTemplate> {
  return (await templateFor(deps, userId, id, 'read')).template;
}

export async function updateTaskTemplate(
  deps: TasksDeps,
  userId: string,
  id: string,
  body: UpdateTaskTemplateBody,
): Promise<TaskTemplate> {
  const { template } = await templateFor(deps, userId, id, 'write');
  const changes = {
    ...(body.name === undefined ? {} : { name: body.name.trim() }),
    ...(body.description === undefined ? {} : { description: body.description }),
    ...(body.template_data === undefined ? {} : { template_data: body.template_data }),
  };
  if (Object.keys(changes).length === 0) {
    return template;
  }
  return deps.templates.update(deps.db, id, changes, deps.clock.now());
}

export async function deleteTaskTemplate(deps: TasksDeps, userId: string, id: string): Promise<void> {
  await templateFor(deps, userId, id, 'write');
  await deps.templates.delete(deps.db, id);
}
