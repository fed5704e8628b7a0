import { useState } from 'react';
import { Link } from 'react-router';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { LockIcon, PlusIcon, TrashIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useAddDependency, useRemoveDependency } from '../hooks/use-task-mutations.ts';
import { useTaskDependencies } from '../hooks/use-tasks.ts';
import { describeTaskError } from '../task-errors.ts';
import { DEPENDENCY_LABELS, DEPENDENCY_TYPES } from '../task-labels.ts';
import type { Dependency, DependencyType, Task } from '../task.types.ts';
import { TaskPicker } from './task-picker.tsx';

interface TaskDependenciesProps {
  task: Task;
  canEdit: boolean;
  taskHref: (key: string) => string;
}

/** A finish-to-start dependency on an unfinished task blocks this one. */
function isBlocking(dependency: Dependency): boolean {
  return dependency.dependency_type === 'finish_to_start' && dependency.depends_on_status_category !== 'done';
}

/** What this task waits for: add one by searching a task, pick the type, remove one. */
export function TaskDependencies({ task, canEdit, taskHref }: TaskDependenciesProps) {
  const dependencies = useTaskDependencies(task.id);
  const add = useAddDependency(task);
  const remove = useRemoveDependency(task);
  const toast = useToast();
  const [isAdding, setAdding] = useState(false);
  const [type, setType] = useState<DependencyType>('finish_to_start');
  const [error, setError] = useState<string | null>(null);
  const linked = new Set([task.id, ...(dependencies.data ?? []).map((d) => d.depends_on_task_id)]);

  const onPick = (other: Task) => {
    setError(null);
    add.mutate(
      { dependsOnTaskId: other.id, type },
      {
        onSuccess: () => {
          setAdding(false);
          toast.show(`${task.key} now depends on ${other.key}`);
        },
        onError: (failure) => setError(describeTaskError(failure)),
      },
    );
  };

  return (
    <section className="task-section" aria-labelledby={`deps-${task.id}`}>
      <header className="task-section-header">
        <h3 className="task-section-title" id={`deps-${task.id}`}>
          Dependencies
        </h3>
        {canEdit && !isAdding ? (
          <Button size="sm" variant="ghost" onClick={() => setAdding(true)}>
            <PlusIcon size={13} />
            Add dependency
          </Button>
        ) : null}
      </header>
      {task.is_blocked ? (
        <Banner tone="warning" title="Blocked">
          This task waits for a task that is not done yet.
        </Banner>
      ) : null}
      {dependencies.isPending ? <Skeleton height={28} /> : null}
      {dependencies.isError ? (
        <ErrorBanner error={dependencies.error} onRetry={() => void dependencies.refetch()} />
      ) : null}
      {dependencies.data && dependencies.data.length > 0 ? (
        <ul className="task-rows" aria-label="Dependencies">
          {dependencies.data.map((dependency) => (
            <li key={dependency.id} className="task-row">
              {isBlocking(dependency) ? (
                <span className="task-blocked" title="Not done yet: blocks this task">
                  <LockIcon size={12} />
                  Blocking
                </span>
              ) : (
                <span
                  className={`status-dot status-category-${dependency.depends_on_status_category}`}
                  aria-hidden="true"
                />
              )}
              <span className="task-muted">{DEPENDENCY_LABELS[dependency.dependency_type]}</span>
              <Link to={taskHref(dependency.depends_on_key)} className="task-row-link">
                <span className="task-card-key">{dependency.depends_on_key}</span>
              </Link>
              {canEdit ? (
                <button
                  type="button"
                  className="icon-btn task-row-end"
                  aria-label={`Remove dependency on ${dependency.depends_on_key}`}
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(dependency.id, {
                      onError: (failure) => toast.show(describeTaskError(failure), 'error'),
                    })
                  }
                >
                  <TrashIcon size={14} />
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {dependencies.data?.length === 0 && !isAdding ? <p className="task-muted">No dependencies.</p> : null}
      {isAdding ? (
        <div className="task-inline-form">
          <select
            className="input select select-sm"
            aria-label="Dependency type"
            value={type}
            onChange={(event) => setType(event.target.value as DependencyType)}
          >
            {DEPENDENCY_TYPES.map((value) => (
              <option key={value} value={value}>
                {DEPENDENCY_LABELS[value]}
              </option>
            ))}
          </select>
          <TaskPicker
            label="Find the task this one depends on"
            excludeIds={linked}
            autoFocus
            placeholder="Search tasks or type a key"
            onPick={onPick}
          />
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setAdding(false);
              setError(null);
            }}
          >
            Cancel
          </Button>
        </div>
      ) : null}
      {error ? <ErrorBanner error={error} /> : null}
    </section>
  );
}
