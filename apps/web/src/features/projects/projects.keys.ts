import type { ProjectListQuery } from './project.types.ts';

/** React Query keys of projects data; invalidating `all` refreshes every project screen. */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => ['projects', 'list'] as const,
  list: (query: Omit<ProjectListQuery, 'cursor'>) => ['projects', 'list', query] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
  analytics: (id: string) => ['projects', 'detail', id, 'analytics'] as const,
  milestones: (id: string) => ['projects', 'detail', id, 'milestones'] as const,
  members: (id: string) => ['projects', 'detail', id, 'members'] as const,
  templates: (organizationId: string) => ['projects', 'templates', organizationId] as const,
};
