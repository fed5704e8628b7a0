import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../shared/api/problem.ts';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { NotFoundState } from '../../../shared/ui/no-access.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useMilestones, useProject } from '../../projects/hooks/use-projects.ts';
import { TaskTimeSummary } from '../../time/components/task-time-summary.tsx';
import { useAssignablePeople } from '../hooks/use-assignable-people.ts';
import { useTaskEditor } from '../hooks/use-task-editor.ts';
import { useTaskLiveUpdates } from '../hooks/use-task-live-updates.ts';
import { useTask } from '../hooks/use-tasks.ts';
import type { Task } from '../task.types.ts';
import { TaskActivityList } from './task-activity.tsx';
import { TaskAttachments } from './task-attachments.tsx';
import { TaskDependencies } from './task-dependencies.tsx';
import { TaskDescription } from './task-description.tsx';
import { TaskProperties } from './task-properties.tsx';
import { TaskSubtasks } from './task-subtasks.tsx';
import { TaskTitleEditor } from './task-title-editor.tsx';

interface TaskDetailProps {
  /** The task's key (`WEB-42`) or id. */
  taskRef: string;
  /** Where links to other tasks lead: the drawer (`?task=`) or the task page. */
  taskHref: (key: string) => string;
  /** Buttons at the end of the header (open as page, close the drawer). */
  actions?: ReactNode;
}

function DetailSkeleton() {
  return (
    <div className="task-detail" aria-busy="true" aria-label="Loading task">
      <Skeleton width={90} height={14} />
      <Skeleton width="70%" height={24} />
      <Skeleton height={120} />
    </div>
  );
}

/** Everything about one task, every field editable in place; shared by the drawer and the page. */
export function TaskDetail({ taskRef, taskHref, actions }: TaskDetailProps) {
  const query = useTask(taskRef);
  if (query.isPending) {
    return <DetailSkeleton />;
  }
  if (query.isError) {
    const isMissing =
      query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="task-detail">
        <div className="task-detail-header">
          <span />
          {actions}
        </div>
        {isMissing ? (
          <NotFoundState title="Task not found">
            It may have been deleted, or it belongs to a project you're not part of.
          </NotFoundState>
        ) : (
          <ErrorBanner
            title="We couldn't load this task"
            error={query.error}
            onRetry={() => void query.refetch()}
          />
        )}
      </div>
    );
  }
  return <LoadedTaskDetail task={query.data} taskHref={taskHref} actions={actions} />;
}

function LoadedTaskDetail({ task, taskHref, actions }: { task: Task } & Omit<TaskDetailProps, 'taskRef'>) {
  const project = useProject(task.project_id);
  const milestones = useMilestones(task.project_id);
  const { people, byId } = useAssignablePeople({
    id: task.project_id,
    organization_id: task.organization_id,
  });
  const editor = useTaskEditor();
  useTaskLiveUpdates(`task:${task.id}`);

  if (project.isPending) {
    return <DetailSkeleton />;
  }
  if (project.isError) {
    return (
      <ErrorBanner
        title="We couldn't load this task's project"
        error={project.error}
        onRetry={() => void project.refetch()}
      />
    );
  }
  const canEdit = project.data.my_role !== 'viewer' && project.data.status !== 'archived';
  const statuses = project.data.settings.workflow.statuses;

  return (
    <article className="task-detail" aria-label={`${task.key}: ${task.title}`}>
      <div className="task-detail-header">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to={`/projects/${project.data.id}/board`}>{project.data.name}</Link>
          <span aria-hidden="true">/</span>
          <span className="task-card-key">{task.key}</span>
        </nav>
        <div className="task-detail-actions">{actions}</div>
      </div>
      {editor.conflict ? (
        <Banner
          tone="warning"
          title="This task changed while you were editing"
          action={
            <Button size="sm" variant="ghost" onClick={editor.dismissConflict}>
              Got it
            </Button>
          }
        >
          {editor.conflict}
        </Banner>
      ) : null}
      <TaskTitleEditor
        task={task}
        canEdit={canEdit}
        onSave={(base, title, onDone) => editor.save(base, { title }, onDone)}
      />
      <div className="task-detail-body">
        <div className="task-detail-main">
          <TaskDescription
            task={task}
            canEdit={canEdit}
            onSave={(base, description, onDone) => editor.save(base, { description }, onDone)}
          />
          <TaskSubtasks task={task} people={byId} canEdit={canEdit} taskHref={taskHref} />
          <TaskDependencies task={task} canEdit={canEdit} taskHref={taskHref} />
          <TaskAttachments task={task} people={byId} canEdit={canEdit} />
          <TaskActivityList
            taskId={task.id}
            people={byId}
            statuses={statuses}
            milestones={milestones.data ?? []}
          />
        </div>
        <aside className="task-detail-side" aria-label="Properties">
          <TaskTimeSummary task={task} />
          <TaskProperties
            task={task}
            project={project.data}
            people={people}
            milestones={milestones.data ?? []}
            canEdit={canEdit}
            taskHref={taskHref}
            onChange={(changes) => editor.save(task, changes)}
          />
        </aside>
      </div>
    </article>
  );
}
