import { ForbiddenError, ValidationError, type FieldError } from '@pm/kernel';
import { sql } from 'kysely';
import type { CreateProjectBody, Project } from '../contract/http.ts';
import type { ProjectSettings } from '../contract/settings.ts';
import { MilestoneCreated, ProjectCreated, ProjectMemberAdded } from '../contract/events.ts';
import type { MilestoneValues } from '../data/milestone.repository.ts';
import { toProject } from '../data/project.repository.ts';
import type { Db, ProjectRow, TemplateRow } from '../data/projects.tables.ts';
import type { ProjectsDeps } from '../deps.ts';
import { addDays, dateRangeProblems } from '../domain/dates.ts';
import { deriveProjectKey, firstFreeKey } from '../domain/project-key.ts';
import { mayCreateProjects } from '../domain/project-role.ts';
import {
  KeyTakenError,
  NotInOrganizationError,
  OrganizationNotFoundError,
  TemplateNotFoundError,
} from '../domain/projects.errors.ts';
import { defaultProjectSettings, workflowProblems } from '../domain/workflow.ts';
import { milestoneEventData, projectEventData, projectMeta } from './event-data.ts';

/**
 * Creates a project in an organization where the caller is owner, admin or member; the caller
 * becomes its admin. With `template_id`, the template's settings and milestones come along,
 * the milestones dated from `start_date`.
 */
export async function createProject(
  deps: ProjectsDeps,
  userId: string,
  body: CreateProjectBody,
): Promise<Project> {
  await assertMayCreateIn(deps, body.organization_id, userId);
  const plan = await planProject(deps, userId, body);
  return toProject(await insertProject(deps, userId, body, plan), 'admin');
}

interface ProjectPlan {
  ownerId: string;
  settings: ProjectSettings;
  startDate: string | null;
  template: TemplateRow | undefined;
}

async function assertMayCreateIn(deps: ProjectsDeps, orgId: string, userId: string): Promise<void> {
  const orgRole = await deps.orgMemberships.roleOf(orgId, userId);
  if (!orgRole) {
    throw new OrganizationNotFoundError();
  }
  if (!mayCreateProjects(orgRole)) {
    throw new ForbiddenError('Guests of an organization cannot create projects in it');
  }
}

/** Everything checked before the transaction, which may use only its own connection. */
async function planProject(
  deps: ProjectsDeps,
  userId: string,
  body: CreateProjectBody,
): Promise<ProjectPlan> {
  const orgId = body.organization_id;
  const template = body.template_id ? await usableTemplate(deps, orgId, body.template_id) : undefined;
  const ownerId = body.owner_id ?? userId;
  if (ownerId !== userId && !(await deps.orgMemberships.roleOf(orgId, ownerId))) {
    throw new NotInOrganizationError('owner_id');
  }
  const settings = body.settings ?? template?.template_data.settings ?? defaultProjectSettings();
  const startDate = body.start_date ?? null;
  const problems: FieldError[] = [
    ...dateRangeProblems(startDate, body.end_date ?? null),
    ...workflowProblems(settings),
  ];
  if (template && !startDate) {
    problems.push({
      field: 'start_date',
      message: 'is required with template_id: template milestones are dated from it',
    });
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return { ownerId, settings, startDate, template };
}

async function insertProject(
  deps: ProjectsDeps,
  userId: string,
  body: CreateProjectBody,
  plan: ProjectPlan,
): Promise<ProjectRow> {
  const orgId = body.organization_id;
  return deps.outbox.transaction(deps.db, async (trx) => {
    // One creation at a time per organization, so two projects cannot pick the same free key.
    await sql`select pg_advisory_xact_lock(hashtext(${`projects:keys:${orgId}`}))`.execute(trx);
    const created = await deps.projects.insert(trx, {
      organization_id: orgId,
      key: await chooseKey(deps, trx, orgId, body.key, body.name),
      name: body.name.trim(),
      description: body.description ?? null,
      status: body.status ?? 'active',
      start_date: plan.startDate,
      end_date: body.end_date ?? null,
      owner_id: plan.ownerId,
      team_id: body.team_id ?? null,
      settings: JSON.stringify(plan.settings),
    });
    await deps.members.insert(trx, { project_id: created.id, user_id: userId, role: 'admin' });
    const milestoneValues = templateMilestones(plan.template, created.id, plan.startDate);
    const milestones = await deps.milestones.insert(trx, milestoneValues);
    const meta = projectMeta(userId, created);
    const membership = { project_id: created.id, organization_id: orgId, user_id: userId, role: 'admin' };
    await deps.outbox.add(
      trx,
      ProjectCreated.create({ ...projectEventData(created), ...templateTasks(plan.template) }, meta),
      ProjectMemberAdded.create(membership, meta),
      ...milestones.map((milestone) => MilestoneCreated.create(milestoneEventData(milestone), meta)),
    );
    return created;
  });
}

/** A template of the same organization; anything else reads as absent. */
async function usableTemplate(deps: ProjectsDeps, orgId: string, templateId: string): Promise<TemplateRow> {
  const template = await deps.templates.findById(templateId);
  if (!template || template.organization_id !== orgId) {
    throw new TemplateNotFoundError('template_id');
  }
  return template;
}

async function chooseKey(
  deps: ProjectsDeps,
  trx: Db,
  orgId: string,
  requested: string | undefined,
  name: string,
): Promise<string> {
  const base = requested ?? deriveProjectKey(name);
  const taken = await deps.projects.keysStartingWith(trx, orgId, base.charAt(0));
  if (requested) {
    if (taken.has(requested)) {
      throw new KeyTakenError(requested);
    }
    return requested;
  }
  return firstFreeKey(base, taken);
}

/** The template's tasks travel in the creation event; the tasks service owns creating them. */
function templateTasks(template: TemplateRow | undefined) {
  const tasks = template?.template_data.task_templates ?? [];
  return tasks.length > 0 ? { template_tasks: tasks } : {};
}

function templateMilestones(
  template: TemplateRow | undefined,
  projectId: string,
  startDate: string | null,
): MilestoneValues[] {
  if (!template || !startDate) {
    return [];
  }
  return template.template_data.milestones.map((milestone) => ({
    project_id: projectId,
    title: milestone.title,
    description: milestone.description,
    due_date: milestone.due_in_days === null ? null : addDays(startDate, milestone.due_in_days),
    status: 'pending',
  }));
}
