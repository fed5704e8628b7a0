import { useEffect } from 'react';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/problem.ts';
import { pageTitle } from '../../../shared/brand.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { NotFoundState } from '../../../shared/ui/no-access.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { TabNav, type Tab } from '../../../shared/ui/tab-nav.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { ArchivedBanner } from '../components/archived-banner.tsx';
import { ProjectKey, ProjectStatusBadge } from '../components/project-badges.tsx';
import { useProject } from '../hooks/use-projects.ts';
import { canManageProject } from '../project-labels.ts';
import type { Project } from '../project.types.ts';

/** What every project sub-page receives from the layout. */
export interface ProjectOutletContext {
  project: Project;
}

export function useProjectOutlet(): ProjectOutletContext {
  return useOutletContext<ProjectOutletContext>();
}

function ProjectHeaderSkeleton() {
  return (
    <div className="project-header" aria-busy="true" aria-label="Loading project">
      <Skeleton width={80} height={12} />
      <Skeleton width="45%" height={28} />
      <Skeleton width={220} height={30} />
    </div>
  );
}

/** Keeps the sidebar on the project's organization when a link leads into another one. */
function useFollowProjectOrganization(project: Project | undefined) {
  const { organization, organizations, switchTo } = useCurrentOrganization();
  const target = project?.organization_id;
  useEffect(() => {
    if (target && target !== organization.id && organizations.some((org) => org.id === target)) {
      switchTo(target);
    }
  }, [target, organization.id, organizations, switchTo]);
}

/** A project's header and tabs around its overview, members and settings pages. */
export function ProjectLayout() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  useFollowProjectOrganization(project.data);

  if (project.isPending) {
    return (
      <div className="page page-wide">
        <ProjectHeaderSkeleton />
      </div>
    );
  }
  if (project.isError) {
    const isMissing =
      project.error instanceof ApiError && (project.error.status === 404 || project.error.status === 400);
    return (
      <div className="page page-wide">
        <title>{pageTitle(isMissing ? 'Project not found' : 'Project')}</title>
        {isMissing ? (
          <NotFoundState
            title="Project not found"
            actions={
              <Link to="/projects" className={buttonClass('primary')}>
                Back to projects
              </Link>
            }
          >
            It may have been deleted, or it belongs to an organization you're not part of.
          </NotFoundState>
        ) : (
          <ErrorBanner
            title="We couldn't load this project"
            error={project.error}
            onRetry={() => void project.refetch()}
          />
        )}
      </div>
    );
  }

  const data = project.data;
  const tabs: Tab[] = [
    { to: `/projects/${data.id}`, label: 'Overview', end: true },
    { to: `/projects/${data.id}/board`, label: 'Board' },
    { to: `/projects/${data.id}/list`, label: 'List' },
    { to: `/projects/${data.id}/members`, label: 'Members' },
  ];
  if (canManageProject(data.my_role)) {
    tabs.push({ to: `/projects/${data.id}/settings`, label: 'Settings' });
  }
  return (
    <div className="page page-wide">
      <header className="project-header">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/projects">Projects</Link>
          <span aria-hidden="true">/</span>
          <span>{data.key}</span>
        </nav>
        <div className="project-title-row">
          <ProjectKey value={data.key} />
          <h1 className="page-title">{data.name}</h1>
          <ProjectStatusBadge status={data.status} />
        </div>
        <TabNav tabs={tabs} label="Project" />
      </header>
      {data.status === 'archived' ? <ArchivedBanner project={data} /> : null}
      <div className="page-content">
        <Outlet context={{ project: data } satisfies ProjectOutletContext} />
      </div>
    </div>
  );
}
