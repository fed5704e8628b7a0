import { ForbiddenError, type Page } from '@pm/kernel';
import type {
  Project,
  ProjectTemplate,
  SaveAsTemplateBody,
  TemplateData,
  TemplateListQuery,
} from '../contract/http.ts';
import { ProjectTemplateCreated, ProjectTemplateDeleted } from '../contract/events.ts';
import { toTemplate } from '../data/template.repository.ts';
import type { MilestoneRow, TemplateRow } from '../data/projects.tables.ts';
import type { ProjectsDeps } from '../deps.ts';
import { daysBetween, toDateString, utcDate } from '../domain/dates.ts';
import { managesOrganization, mayCreateProjects, type OrgRole } from '../domain/project-role.ts';
import { TemplateNotFoundError } from '../domain/projects.errors.ts';
import { projectFor } from './project-access.ts';

/**
 * Saves the project's settings and milestones (and the task templates the caller lists) as a
 * template of its organization. Milestone dates become days from the project's start date (its
 * creation day when it has none). Reading an archived project is allowed, so archived projects can
 * be templated too.
 */
export async function saveAsTemplate(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  body: SaveAsTemplateBody,
): Promise<ProjectTemplate> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  const milestones = await deps.milestones.all(projectId);
  const templateData = templateDataOf(project, milestones, body.task_templates ?? []);
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const created = await deps.templates.insert(trx, {
      organization_id: project.organization_id,
      name: body.name.trim(),
      description: body.description ?? null,
      template_data: templateData,
      created_by: userId,
      source_project_id: projectId,
    });
    const data = { template_id: created.id, organization_id: created.organization_id, name: created.name };
    const meta = { actor_id: userId, org_id: created.organization_id, project_id: projectId };
    await deps.outbox.add(trx, ProjectTemplateCreated.create(data, meta));
    return created;
  });
  return toTemplate(row);
}

function templateDataOf(
  project: Project,
  milestones: MilestoneRow[],
  taskTemplates: TemplateData['task_templates'],
): TemplateData {
  const anchor = project.start_date ?? utcDate(new Date(project.created_at));
  return {
    settings: project.settings,
    milestones: milestones.map((milestone) => {
      const due = toDateString(milestone.due_date);
      return {
        title: milestone.title,
        description: milestone.description,
        due_in_days: due === null ? null : daysBetween(anchor, due),
      };
    }),
    task_templates: taskTemplates,
  };
}

export function listTemplates(
  deps: ProjectsDeps,
  userId: string,
  query: TemplateListQuery,
): Promise<Page<ProjectTemplate>> {
  return deps.templates.listUsableBy(userId, query);
}

/** Templates are for those who may create projects in their organization; others get 404. */
async function visibleTemplate(
  deps: ProjectsDeps,
  userId: string,
  templateId: string,
): Promise<{ row: TemplateRow; orgRole: OrgRole }> {
  const row = await deps.templates.findById(templateId);
  const orgRole = row ? await deps.orgMemberships.roleOf(row.organization_id, userId) : null;
  if (!row || !orgRole || !mayCreateProjects(orgRole)) {
    throw new TemplateNotFoundError();
  }
  return { row, orgRole };
}

export async function getTemplate(
  deps: ProjectsDeps,
  userId: string,
  templateId: string,
): Promise<ProjectTemplate> {
  return toTemplate((await visibleTemplate(deps, userId, templateId)).row);
}

/** Organization owners and admins delete any template; others only their own. */
export async function deleteTemplate(deps: ProjectsDeps, userId: string, templateId: string): Promise<void> {
  const { row, orgRole } = await visibleTemplate(deps, userId, templateId);
  if (row.created_by !== userId && !managesOrganization(orgRole)) {
    throw new ForbiddenError('Only its author or an organization admin deletes a template');
  }
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.templates.delete(trx, templateId);
    const data = { template_id: row.id, organization_id: row.organization_id, name: row.name };
    await deps.outbox.add(
      trx,
      ProjectTemplateDeleted.create(data, { actor_id: userId, org_id: row.organization_id }),
    );
  });
}
