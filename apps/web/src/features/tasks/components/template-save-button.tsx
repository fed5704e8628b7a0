import { useState } from 'react';
import { Button } from '../../../shared/ui/button.tsx';
import { useProject } from '../../projects/hooks/use-projects.ts';
import { useTemplateRights } from '../hooks/use-task-templates.ts';
import { useTask } from '../hooks/use-tasks.ts';
import type { Project } from '../../projects/project.types.ts';
import type { Task } from '../task.types.ts';
import { TemplateSaveDialog } from './template-save-dialog.tsx';

/** "Save as template" for the task the drawer shows; nothing until the task and project load. */
export function TemplateSaveButton({ taskRef }: { taskRef: string }) {
  const task = useTask(taskRef);
  return task.data ? <ProjectTemplateSaveButton task={task.data} /> : null;
}

function ProjectTemplateSaveButton({ task }: { task: Task }) {
  const project = useProject(task.project_id);
  return project.data ? <LoadedTemplateSaveButton task={task} project={project.data} /> : null;
}

function LoadedTemplateSaveButton({ task, project }: { task: Task; project: Project }) {
  const [isOpen, setOpen] = useState(false);
  const rights = useTemplateRights(project);
  if (!rights.mayCreateForProject && !rights.mayCreateForOrganization) {
    return null;
  }
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        Save as template
      </Button>
      {isOpen ? (
        <TemplateSaveDialog
          task={task}
          projectName={project.name}
          mayShareWithProject={rights.mayCreateForProject}
          mayShareWithOrganization={rights.mayCreateForOrganization}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
