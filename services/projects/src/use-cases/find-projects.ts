import type { Page } from '@pm/kernel';
import type { Project, ProjectListQuery } from '../contract/http.ts';
import type { ProjectsDeps } from '../deps.ts';
import { projectFor } from './project-access.ts';

export function getProject(deps: ProjectsDeps, userId: string, projectId: string): Promise<Project> {
  return projectFor(deps, userId, projectId, 'read');
}

/** Only projects the caller can see: the filters narrow that set, they never widen it. */
export function listProjects(
  deps: ProjectsDeps,
  userId: string,
  query: ProjectListQuery,
): Promise<Page<Project>> {
  return deps.projects.listVisible(userId, query);
}
