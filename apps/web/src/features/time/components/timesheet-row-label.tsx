import { Link, useSearchParams } from 'react-router';
import { TASK_PARAM } from '../../tasks/hooks/use-task-drawer.ts';
import { useProject } from '../../projects/hooks/use-projects.ts';
import { useTask } from '../../tasks/hooks/use-tasks.ts';
import type { RowTarget } from '../timesheet-grid.ts';

/** A row's task (key and title, opening it) or its project without a task. */
export function TimesheetRowLabel({ target }: { target: RowTarget }) {
  if (target.taskId) {
    return <TaskLabel taskId={target.taskId} taskKey={target.taskKey} />;
  }
  return target.projectId ? <ProjectLabel projectId={target.projectId} /> : <span>No project</span>;
}

function TaskLabel({ taskId, taskKey }: { taskId: string; taskKey: string | null }) {
  const task = useTask(taskId);
  const [params] = useSearchParams();
  const key = task.data?.key ?? taskKey;
  // Opens the task in the drawer over the same week.
  const search = new URLSearchParams(params);
  search.set(TASK_PARAM, key ?? taskId);
  return (
    <Link className="timesheet-row-task" to={`?${search.toString()}`}>
      {key ? <span className="task-card-key">{key}</span> : null}
      <span>{task.data?.title ?? (task.isError ? 'Task unavailable' : '…')}</span>
    </Link>
  );
}

function ProjectLabel({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  return (
    <span className="timesheet-row-project">
      {project.data?.name ?? '…'} <span className="muted">· no task</span>
    </span>
  );
}

/** The row's name as plain text, for labels of its cells. */
export function rowName(target: RowTarget): string {
  return (
    target.taskKey ?? (target.taskId ? 'task' : target.projectId ? 'project without a task' : 'no project')
  );
}
