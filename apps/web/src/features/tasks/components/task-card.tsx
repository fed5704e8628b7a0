import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import { formatShortDay } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { CalendarIcon, ClockIcon, LockIcon } from '../../../shared/ui/icons.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import { formatTaskHours, hoursAgainstEstimate } from '../task-hours.ts';
import { isOverdue } from '../task-labels.ts';
import type { Task } from '../task.types.ts';
import { PriorityIcon } from './priority-icon.tsx';

const MAX_TAGS = 3;

interface TaskCardProps extends HTMLAttributes<HTMLDivElement> {
  task: Task;
  /** Undefined while names load, or for someone who left the organization. */
  assignee: UserSummary | undefined;
  /** The local calendar day, for the overdue colour. */
  today: string;
  isSelected?: boolean;
  /** Drawn under the pointer while dragging (the original stays as a placeholder). */
  isOverlay?: boolean;
  isPlaceholder?: boolean;
  cardRef?: Ref<HTMLDivElement>;
}

/** One task on the board: what a glance needs, nothing to edit in place. */
export function TaskCard({
  task,
  assignee,
  today,
  isSelected = false,
  isOverlay = false,
  isPlaceholder = false,
  cardRef,
  className,
  ...rest
}: TaskCardProps) {
  const overdue = isOverdue(task, today);
  const classes = [
    'task-card',
    isSelected ? 'task-card-selected' : '',
    isOverlay ? 'task-card-overlay' : '',
    isPlaceholder ? 'task-card-placeholder' : '',
    task.status_category === 'done' ? 'task-card-done' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const extraTags = task.tags.length - MAX_TAGS;
  const hours = hoursAgainstEstimate(task);
  return (
    <div ref={cardRef} className={classes} data-task-key={task.key} {...rest}>
      <div className="task-card-top">
        <span className="task-card-key">{task.key}</span>
        {task.is_blocked ? (
          <span className="task-blocked" title="Blocked by an unfinished task">
            <LockIcon size={12} />
            Blocked
          </span>
        ) : null}
        <span className="task-card-assignee">
          {task.assigned_to ? (
            <span title={assignee?.display_name ?? 'Former member'}>
              <Avatar name={assignee?.display_name ?? '?'} src={assignee?.avatar_url} size={20} />
              <span className="visually-hidden">
                Assigned to {assignee?.display_name ?? 'a former member'}
              </span>
            </span>
          ) : (
            <span className="avatar-empty" title="Unassigned" aria-hidden="true" />
          )}
        </span>
      </div>
      <p className="task-card-title">{task.title}</p>
      <div className="task-card-meta">
        <PriorityIcon priority={task.priority} />
        {task.due_date ? (
          <span className={overdue ? 'task-due task-due-overdue' : 'task-due'}>
            <CalendarIcon size={12} />
            <span className="visually-hidden">{overdue ? 'Overdue, due' : 'Due'}</span>
            {formatShortDay(task.due_date)}
          </span>
        ) : null}
        {task.subtasks.total > 0 ? (
          <span
            className="task-subtask-count"
            title={`${task.subtasks.done} of ${task.subtasks.total} sub-tasks done`}
          >
            <span
              className="subtask-ring"
              style={{ '--done': task.subtasks.done / task.subtasks.total } as CSSProperties}
              aria-hidden="true"
            />
            {task.subtasks.done}/{task.subtasks.total}
            <span className="visually-hidden"> sub-tasks done</span>
          </span>
        ) : null}
        {hours.actual > 0 ? (
          <span
            className={hours.isOver ? 'task-card-hours hours-over' : 'task-card-hours'}
            title={hours.label}
          >
            <ClockIcon size={12} />
            <span aria-hidden="true">{formatTaskHours(hours.actual)} h</span>
            <span className="visually-hidden">{hours.label}</span>
          </span>
        ) : null}
        {task.tags.slice(0, MAX_TAGS).map((tag) => (
          <span key={tag} className="task-tag">
            {tag}
          </span>
        ))}
        {extraTags > 0 ? (
          <span className="task-tag" title={task.tags.slice(MAX_TAGS).join(', ')}>
            +{extraTags}
          </span>
        ) : null}
      </div>
    </div>
  );
}
