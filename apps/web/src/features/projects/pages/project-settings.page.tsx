import { Link } from 'react-router';
import { pageTitle } from '../../../shared/brand.ts';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { NoAccess } from '../../../shared/ui/no-access.tsx';
import { TaskTemplatesCard } from '../../tasks/components/template-settings-card.tsx';
import { useTeams } from '../../teams/hooks/use-teams.ts';
import { ProjectGeneralForm } from '../components/project-general-form.tsx';
import { ProjectLifecycleCard } from '../components/project-lifecycle-card.tsx';
import { SaveTemplateForm } from '../components/save-template-form.tsx';
import { WorkflowEditor } from '../components/workflow-editor.tsx';
import { canManageProject, PROJECT_ROLE_LABELS } from '../project-labels.ts';
import { useProjectOutlet } from './project-layout.tsx';

export function ProjectSettingsPage() {
  const { project } = useProjectOutlet();
  const teams = useTeams(project.organization_id);
  if (!canManageProject(project.my_role)) {
    return (
      <>
        <title>{pageTitle(`Settings · ${project.name}`)}</title>
        <NoAccess
          actions={
            <Link to={`/projects/${project.id}`} className={buttonClass('secondary')}>
              Back to overview
            </Link>
          }
        >
          Only project admins can change this project's settings. You're a{' '}
          {PROJECT_ROLE_LABELS[project.my_role].toLowerCase()} here; ask an admin if something needs to
          change.
        </NoAccess>
      </>
    );
  }
  const teamList = (teams.data ?? []).map((t) => ({ id: t.id, name: t.name }));
  return (
    <>
      <title>{pageTitle(`Settings · ${project.name}`)}</title>
      <Card title="General" description="What the project is called, when it runs and which team owns it.">
        <ProjectGeneralForm
          key={`${project.version}-${teamList.length}`}
          project={project}
          teams={teamList}
        />
      </Card>
      <Card
        title="Workflow"
        description="The statuses tasks move through, in board order. Each category needs at least one status."
      >
        <WorkflowEditor key={project.version} project={project} />
      </Card>
      <Card
        title="Template"
        description="Reuse this project's workflow and milestones when starting new projects."
      >
        <SaveTemplateForm project={project} />
      </Card>
      <TaskTemplatesCard project={project} />
      <ProjectLifecycleCard project={project} />
    </>
  );
}
