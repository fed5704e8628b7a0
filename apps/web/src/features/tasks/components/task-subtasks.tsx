import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import { ProgressBar } from '../../../shared/ui/progress-bar.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import { useCreateTask } from '../hooks/use-task-mutations.ts';
import { useSubtasks } from '../hooks/use-tasks.ts';
import type { Task } from '../task.types.ts';
import { PriorityIcon } from './priority-icon.tsx';

interface TaskSubtasksProps {
  task: Task;
  people: Map<string, UserSummary>;
  canEdit: boolean;
  taskHref: (key: string) => string;
}

/** Direct sub-tasks with the roll-up progress, and a one-line form to add one. */
export function TaskSubtasks({ task, people, canEdit, taskHref }: TaskSubtasksProps) {
  const subtasks = useSubtasks(task.id);
  const create = useCreateTask();
  const toast = useToast();
  const [isAdding, setAdding] = useState(false);
  const [title, setTitle] = useState('');

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      return;
    }
    create.mutate(
      { project_id: task.project_id, title: title.trim(), parent_task_id: task.id },
      {
        onSuccess: (created) => {
          setTitle('');
          toast.show(`Created ${created.key}`);
        },
        onError: (error) => toast.show(describeError(error), 'error'),
      },
    );
  };

  const { total, done } = task.subtasks;
  return (
    <section className="task-section" aria-labelledby={`subtasks-${task.id}`}>
      <header className="task-section-header">
        <h3 className="task-section-title" id={`subtasks-${task.id}`}>
          Sub-tasks
        </h3>
        {total > 0 ? (
          <>
            <span className="task-muted">
              {done} of {total} done
            </span>
            <ProgressBar value={done} max={total} label="Sub-tasks done" />
          </>
        ) : null}
        {canEdit && !isAdding ? (
          <Button size="sm" variant="ghost" onClick={() => setAdding(true)}>
            <PlusIcon size={13} />
            Add sub-task
          </Button>
        ) : null}
      </header>
      {subtasks.isPending ? <Skeleton height={28} /> : null}
      {subtasks.isError ? (
        <ErrorBanner error={subtasks.error} onRetry={() => void subtasks.refetch()} />
      ) : null}
      {subtasks.data && subtasks.data.length > 0 ? (
        <ul className="task-rows" aria-label="Sub-tasks">
          {subtasks.data.map((sub) => {
            const assignee = sub.assigned_to ? people.get(sub.assigned_to) : undefined;
            return (
              <li
                key={sub.id}
                className={sub.status_category === 'done' ? 'task-row task-row-done' : 'task-row'}
              >
                <span className={`status-dot status-category-${sub.status_category}`} aria-hidden="true" />
                <PriorityIcon priority={sub.priority} size={12} />
                <Link to={taskHref(sub.key)} className="task-row-link">
                  <span className="task-card-key">{sub.key}</span>
                  <span className="task-row-title">{sub.title}</span>
                </Link>
                <span className="visually-hidden">
                  {sub.status_category === 'done' ? 'Done' : 'Not done'}
                </span>
                {assignee ? (
                  <Avatar name={assignee.display_name} src={assignee.avatar_url} size={18} />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {subtasks.data?.length === 0 && !isAdding ? <p className="task-muted">No sub-tasks.</p> : null}
      {isAdding ? (
        <form className="task-inline-form" onSubmit={add}>
          <input
            className="input input-sm"
            aria-label="Sub-task title"
            placeholder="Sub-task title, then Enter"
            value={title}
            maxLength={255}
            autoFocus
            disabled={create.isPending}
            onChange={(event) => setTitle(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setAdding(false);
              }
            }}
          />
          <Button size="sm" type="submit" variant="primary" isLoading={create.isPending}>
            Add
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setAdding(false)}>
            Done
          </Button>
        </form>
      ) : null}
    </section>
  );
}
