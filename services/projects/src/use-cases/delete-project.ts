import { ProjectDeleted } from '../contract/events.ts';
import type { ProjectsDeps } from '../deps.ts';
import { projectEventData, projectMeta } from './event-data.ts';
import { projectFor } from './project-access.ts';

/**
 * Deletes the project with its milestones and memberships. Allowed for archived projects too:
 * archive-then-delete is the usual end of a project, and read-only protects content, not its removal.
 */
export async function deleteProject(deps: ProjectsDeps, userId: string, projectId: string): Promise<void> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.projects.delete(trx, projectId);
    await deps.outbox.add(
      trx,
      ProjectDeleted.create(projectEventData(project), projectMeta(userId, project)),
    );
  });
}
