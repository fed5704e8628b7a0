import { ForbiddenError } from '@pm/kernel';
import type { Project, ProjectStatus } from '../contract/http.ts';
import type { Db } from '../data/projects.tables.ts';
import type { ProjectsDeps } from '../deps.ts';
import { mayDo, type ProjectAction } from '../domain/project-role.ts';
import { ProjectArchivedError, ProjectNotFoundError } from '../domain/projects.errors.ts';

/**
 * The project as `userId` sees it, if they may do `action` on it. Invisible projects answer 404
 * (never revealing they exist); visible ones the role does not allow answer 403.
 */
export async function projectFor(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
  action: ProjectAction,
): Promise<Project> {
  const project = await deps.projects.findVisible(userId, projectId);
  if (!project) {
    throw new ProjectNotFoundError();
  }
  if (!mayDo(project.my_role, action)) {
    throw new ForbiddenError(`Your role on this project (${project.my_role}) does not allow this`);
  }
  return project;
}

export function assertNotArchived(status: ProjectStatus): void {
  if (status === 'archived') {
    throw new ProjectArchivedError();
  }
}

/**
 * Locks the project row inside a write transaction and checks again that it is not archived, so
 * an archive that commits meanwhile cannot let a change slip into a read-only project.
 */
export async function lockWritableProject(deps: ProjectsDeps, trx: Db, projectId: string): Promise<void> {
  const status = await deps.projects.lock(trx, projectId);
  if (!status) {
    throw new ProjectNotFoundError();
  }
  assertNotArchived(status);
}
