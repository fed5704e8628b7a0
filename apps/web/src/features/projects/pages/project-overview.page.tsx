import { pageTitle } from '../../../shared/brand.ts';
import { Card } from '../../../shared/ui/card.tsx';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { MilestonesCard } from '../components/milestones-card.tsx';
import { ProjectDetailsCard } from '../components/project-details-card.tsx';
import { canEditMilestones } from '../project-labels.ts';
import { useProjectOutlet } from './project-layout.tsx';

export function ProjectOverviewPage() {
  const { project } = useProjectOutlet();
  const teams = useTeams(project.organization_id);
  const teamName = project.team_id
    ? (teams.data?.find((t) => t.id === project.team_id)?.name ?? 'Team')
    : null;
  const canEdit = canEditMilestones(project.my_role) && project.status !== 'archived';
  return (
    <div className="overview-grid">
      <title>{pageTitle(project.name)}</title>
      <div className="overview-main">
        <Card title="About">
          {project.description ? (
            <p className="prose">{project.description}</p>
          ) : (
            <p className="muted">
              No description yet.{project.my_role === 'admin' ? ' Add one in Settings.' : ''}
            </p>
          )}
        </Card>
        <MilestonesCard projectId={project.id} canEdit={canEdit} />
      </div>
      <aside className="overview-side" aria-label="Project details">
        <ProjectDetailsCard project={project} teamName={teamName} />
      </aside>
    </div>
  );
}
