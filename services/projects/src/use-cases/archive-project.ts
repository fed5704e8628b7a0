import type { Project } from '../contract/http.ts';
import { ProjectArchived, ProjectRestored } from '../contract/events.ts';
import { toProject } from '../data/project.repository.ts';
import type { ProjectsDeps } from '../deps.ts';
import { projectEventData, projectMeta } from './event-data.ts';
import { projectFor } from './project-access.ts';

/** Makes the project read-only. Archiving an archived project changes nothing and emits nothing. */
export async function archiveProject(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
): Promise<Project> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  if (project.status === 'archived') {
    return project;
  }
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const archived = await deps.projects.archive(trx, projectId);
    if (archived) {
      await deps.outbox.add(
        trx,
        ProjectArchived.create(projectEventData(archived), projectMeta(userId, archived)),
      );
    }
    return archived;
  });
  return row ? toProject(row, project.my_role) : projectFor(deps, userId, projectId, 'read');
}

/** Back to the status the project had when it was archived. */
export async function restoreProject(
  deps: ProjectsDeps,
  userId: string,
  projectId: string,
): Promise<Project> {
  const project = await projectFor(deps, userId, projectId, 'manage_project');
  if (project.status !== 'archived') {
    return project;
  }
  const row = await deps.outbox.transaction(deps.db, async (trx) => {
    const restored = await deps.projects.restore(trx, projectId);
    if (restored) {
      await deps.outbox.add(
        trx,
        ProjectRestored.create(projectEventData(restored), projectMeta(userId, restored)),
      );
    }
    return restored;
  });
  return row ? toProject(row, project.my_role) : projectFor(deps, userId, projectId, 'read');
}
