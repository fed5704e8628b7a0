import { ValidationError, type FieldError } from '@pm/kernel';
import type { Project, UpdateProjectBody } from '../contract/http.ts';
import { ProjectUpdated } from '../contract/events.ts';
import { toProject } from '../data/project.repository.ts';
import type { ProjectsDeps } from '../deps.ts';
import { dateRangeProblems } from '../domain/dates.ts';
import {
  NotInOrganizationError,
  ProjectNotFoundError,
  VersionConflictError,
} from '../domain/projects.errors.ts';
import { workflowProblems } from '../domain/workflow.ts';
import { projectEventData, projectMeta } from './event-data.ts';
import { assertNotArchived, projectFor } from './project-access.ts';

/**
 * Changes a project (admins). The write applies only at the version the client read; a stale
 * one answers 409 carrying the current state, so nothing is silently overwritten.
 */
export async function updateProject(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  body: UpdateProjectBody,
): Promise<Project> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  assertNotArchived(project.status);
  if (body.version !== project.version) {
    throw new VersionConflictError('project', project);
  }
  await validateChanges(deps, project, body);
  const { version, settings, ...fields } = body;
  if (Object.keys(body).length === 1) {
    return project;
  }
  const changes = { ...fields, ...(settings ? { settings: JSON.stringify(settings) } : {}) };
  if (changes.name !== undefined) {
    changes.name = changes.name.trim();
  }
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const updated = await deps.projects.updateAtVersion(trx, projectId, version, changes);
    if (updated) {
      await deps.outbox.add(
        trx,
        ProjectUpdated.create(projectEventData(updated), projectMeta(userId, updated)),
      );
    }
    return updated;
  });
  if (!row) {
    // Someone else wrote between our read and our write.
    const current = await deps.projects.findVisible(userId, projectId);
    throw current ? new VersionConflictError('project', current) : new ProjectNotFoundError();
  }
  return toProject(row, project.my_role);
}

async function validateChanges(deps: ProjectsDeps, project: Project, body: UpdateProjectBody): Promise<void> {
  const start = body.start_date !== undefined ? body.start_date : project.start_date;
  const end = body.end_date !== undefined ? body.end_date : project.end_date;
  const problems: FieldError[] = [
    ...dateRangeProblems(start, end),
    ...(body.settings ? workflowProblems(body.settings) : []),
  ];
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  if (
    body.owner_id &&
    body.owner_id !== project.owner_id &&
    !(await deps.orgMemberships.roleOf(project.organization_id, body.owner_id))
  ) {
    throw new NotInOrganizationError('owner_id');
  }
}
