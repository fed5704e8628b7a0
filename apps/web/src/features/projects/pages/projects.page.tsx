import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { FolderIcon, PlusIcon, SearchIcon } from '../../../shared/ui/icons.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { canCreateProjects } from '../../organizations/organization-roles.ts';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { CreateProjectDialog } from '../components/create-project-dialog.tsx';
import { ProjectFilters, type ProjectFilterValues } from '../components/project-filters.tsx';
import { ProjectTable, ProjectTableSkeleton } from '../components/project-table.tsx';
import { useProjectList } from '../hooks/use-projects.ts';
import type { ProjectStatus } from '../project.types.ts';

const STATUSES = new Set<string>(['active', 'on_hold', 'completed', 'archived']);

/** Filters live in the URL, so a filtered list survives a reload and can be shared. */
function useFilterParams(): [ProjectFilterValues, (values: ProjectFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const values: ProjectFilterValues = {
    q: params.get('q') ?? '',
    status: STATUSES.has(status) ? (status as ProjectStatus) : '',
    teamId: params.get('team') ?? '',
  };
  const update = (next: ProjectFilterValues) => {
    const query = new URLSearchParams();
    for (const [name, value] of [
      ['q', next.q],
      ['status', next.status],
      ['team', next.teamId],
    ] as const) {
      if (value) {
        query.set(name, value);
      }
    }
    setParams(query, { replace: true });
  };
  return [values, update];
}

export function ProjectsPage() {
  const { organization } = useCurrentOrganization();
  const [filters, setFilters] = useFilterParams();
  // `?new=1` (from "Create project" elsewhere) opens the dialog; the URL forgets it on close.
  const [params] = useSearchParams();
  const [isCreating, setCreating] = useState(() => params.get('new') === '1');
  const closeCreate = () => {
    setCreating(false);
    setFilters(filters);
  };
  const q = useDebouncedValue(filters.q.trim());
  const teams = useTeams(organization.id);
  const teamList = (teams.data ?? []).map((team) => ({ id: team.id, name: team.name }));
  const projects = useProjectList({
    organization_id: organization.id,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.teamId ? { team_id: filters.teamId } : {}),
    ...(q ? { q } : {}),
  });
  const rows = projects.data?.pages.flatMap((page) => page.items) ?? [];
  const isFiltered = Boolean(filters.q || filters.status || filters.teamId);
  const mayCreate = canCreateProjects(organization.my_role);
  const createButton = mayCreate ? (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <PlusIcon />
      New project
    </Button>
  ) : null;

  return (
    <Page
      title="Projects"
      description={`Everything ${organization.name} is working on.`}
      width="wide"
      actions={createButton}
    >
      <ProjectFilters values={filters} onChange={setFilters} teams={teamList} />
      {projects.isError ? (
        <ErrorBanner
          title="We couldn't load projects"
          error={projects.error}
          onRetry={() => void projects.refetch()}
        />
      ) : null}
      {projects.isPending ? (
        <div className="table-card">
          <ProjectTableSkeleton />
        </div>
      ) : null}
      {projects.isSuccess && rows.length === 0 ? (
        <div className="table-card">
          {isFiltered ? (
            <EmptyState
              icon={<SearchIcon size={22} />}
              title="No projects match"
              description="Try another search, or clear the filters to see every open project."
              actions={
                <Button onClick={() => setFilters({ q: '', status: '', teamId: '' })}>Clear filters</Button>
              }
            />
          ) : (
            <EmptyState
              icon={<FolderIcon size={22} />}
              title="No projects yet"
              description={
                mayCreate
                  ? 'Create a project to plan milestones and, soon, tasks with your team.'
                  : 'When someone adds you to a project, it shows up here.'
              }
              actions={
                mayCreate ? (
                  <Button variant="primary" onClick={() => setCreating(true)}>
                    <PlusIcon />
                    Create project
                  </Button>
                ) : null
              }
            />
          )}
        </div>
      ) : null}
      {rows.length > 0 ? (
        <div className={projects.isPlaceholderData ? 'table-card is-stale' : 'table-card'}>
          <ProjectTable projects={rows} teamNames={new Map(teamList.map((t) => [t.id, t.name]))} />
        </div>
      ) : null}
      {projects.hasNextPage ? (
        <div className="load-more">
          <Button onClick={() => void projects.fetchNextPage()} isLoading={projects.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
      {mayCreate ? (
        <CreateProjectDialog
          open={isCreating}
          onClose={closeCreate}
          organizationId={organization.id}
          teams={teamList}
        />
      ) : null}
    </Page>
  );
}
