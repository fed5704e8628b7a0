import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { collectPages } from '../../../shared/api/page.ts';
import {
  getProject,
  getProjectAnalytics,
  listMilestones,
  listProjectMembers,
  listProjects,
  listTemplates,
} from '../projects.api.ts';
import { projectKeys } from '../projects.keys.ts';
import type { ProjectListQuery } from '../project.types.ts';

const PAGE_SIZE = 25;

/** One organization's projects, filtered, a page at a time ("Load more"). */
export function useProjectList(query: Omit<ProjectListQuery, 'cursor' | 'limit'>) {
  const key = { ...query, limit: PAGE_SIZE };
  return useInfiniteQuery({
    queryKey: projectKeys.list(key),
    queryFn: ({ pageParam, signal }) =>
      listProjects({ ...key, ...(pageParam ? { cursor: pageParam } : {}) }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // Keep the old rows on screen while a new filter loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
    enabled: Boolean(query.organization_id),
  });
}

export function useProject(id: string) {
  return useQuery({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => getProject(id, signal) });
}

export function useProjectAnalytics(id: string) {
  return useQuery({
    queryKey: projectKeys.analytics(id),
    queryFn: ({ signal }) => getProjectAnalytics(id, signal),
  });
}

/** Every milestone of a project: a project has tens, not thousands. */
export function useMilestones(id: string) {
  return useQuery({
    queryKey: projectKeys.milestones(id),
    queryFn: ({ signal }) => collectPages((cursor) => listMilestones(id, cursor, signal)),
  });
}

export function useProjectMembers(id: string) {
  return useQuery({
    queryKey: projectKeys.members(id),
    queryFn: ({ signal }) => collectPages((cursor) => listProjectMembers(id, cursor, signal)),
  });
}

export function useTemplates(organizationId: string) {
  return useQuery({
    queryKey: projectKeys.templates(organizationId),
    queryFn: ({ signal }) => collectPages((cursor) => listTemplates(organizationId, cursor, signal)),
    staleTime: 60_000,
  });
}
