import { Link } from 'react-router';
import { buttonClass } from '../../shared/ui/button.tsx';
import { Card } from '../../shared/ui/card.tsx';
import { EmptyState } from '../../shared/ui/empty-state.tsx';
import { FolderIcon, PlusIcon } from '../../shared/ui/icons.tsx';
import { Skeleton, Spinner } from '../../shared/ui/spinner.tsx';
import { useOrganizations } from '../organizations/current-organization.tsx';
import { canCreateProjects } from '../organizations/organization-roles.ts';
import type { Organization } from '../organizations/organization.types.ts';
import { ProjectKey, ProjectStatusBadge } from '../projects/components/project-badges.tsx';
import { useProjectList } from '../projects/hooks/use-projects.ts';

const SHOWN = 6;

function ProjectsOf({ organization }: { organization: Organization }) {
  const projects = useProjectList({ organization_id: organization.id });
  const items = projects.data?.pages[0]?.items.slice(0, SHOWN) ?? [];
  const mayCreate = canCreateProjects(organization.my_role);
  return (
    <Card
      title="Projects"
      description={`Open projects in ${organization.name}`}
      actions={
        items.length > 0 ? (
          <Link to="/projects" className={buttonClass('ghost', 'sm')}>
            View all
          </Link>
        ) : null
      }
    >
      {projects.isPending ? (
        <div className="home-project-list" aria-busy="true">
          <Skeleton height={20} />
          <Skeleton height={20} width="70%" />
        </div>
      ) : null}
      {projects.isSuccess && items.length === 0 ? (
        <EmptyState
          compact
          iconTone="neutral"
          icon={<FolderIcon size={18} />}
          title="No projects yet"
          description={
            mayCreate
              ? 'Start one to plan milestones with your team.'
              : 'Projects you are added to show up here.'
          }
          actions={
            mayCreate ? (
              <Link to="/projects?new=1" className={buttonClass('primary', 'sm')}>
                <PlusIcon size={14} />
                Create project
              </Link>
            ) : null
          }
        />
      ) : null}
      {items.length > 0 ? (
        <ul className="home-project-list" aria-label="Projects">
          {items.map((project) => (
            <li key={project.id} className="home-project">
              <ProjectKey value={project.key} />
              <Link to={`/projects/${project.id}`} className="row-link">
                {project.name}
              </Link>
              <ProjectStatusBadge status={project.status} />
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

/** The current organization's projects at a glance, or what to do when there is none yet. */
export function HomeProjectsCard() {
  const { current, isPending, isSettingUp } = useOrganizations();
  if (current) {
    return <ProjectsOf organization={current} />;
  }
  return (
    <Card title="Projects">
      {isSettingUp ? (
        <p className="setting-up">
          <Spinner size="sm" /> {isPending ? 'Loading…' : 'Setting up your workspace…'}
        </p>
      ) : (
        <EmptyState
          compact
          iconTone="neutral"
          icon={<FolderIcon size={18} />}
          title="You're not in an organization yet"
          description="Create one to start a project, or open the invitation a teammate emailed you."
          actions={
            <Link to="/projects" className={buttonClass('primary', 'sm')}>
              Get started
            </Link>
          }
        />
      )}
    </Card>
  );
}
