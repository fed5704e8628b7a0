import type { CSSProperties } from 'react';
import { formatShortDay, today } from '../../../../shared/format/date.ts';
import { Avatar } from '../../../../shared/ui/avatar.tsx';
import type { UserSummary } from '../../../organizations/organization.types.ts';
import type { WorkflowStatus } from '../../../projects/project.types.ts';
import { formatTaskHours, hoursAgainstEstimate } from '../../task-hours.ts';
import { isOverdue, PRIORITY_LABELS } from '../../task-labels.ts';
import type { Priority, Task } from '../../task.types.ts';
import { PriorityIcon } from '../priority-icon.tsx';

/** The priority icon, and its name where there is room (the icon names it for screen readers). */
export function PriorityCell({ priority, showLabel = true }: { priority: Priority; showLabel?: boolean }) {
  return (
    <span className="priority-cell" title={PRIORITY_LABELS[priority]}>
      <PriorityIcon priority={priority} />
      {showLabel ? <span aria-hidden="true">{PRIORITY_LABELS[priority]}</span> : null}
    </span>
  );
}

/** "in_review" → "In review", for a status whose project's workflow is not at hand. */
export function humanizeStatus(key: string): string {
  const text = key.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The colour a status is drawn in: its own, else its category's. */
export function statusStyle(status: WorkflowStatus | undefined): CSSProperties | undefined {
  return status?.color ? ({ '--status-color': status.color } as CSSProperties) : undefined;
}

interface StatusSelectProps {
  task: Task;
  statuses: WorkflowStatus[];
  disabled: boolean;
  onChange: (status: string) => void;
}

/** The status of a row, changed in place: a native select keeps keyboard and screen readers working. */
export function StatusSelect({ task, statuses, disabled, onChange }: StatusSelectProps) {
  const current = statuses.find((s) => s.key === task.status);
  // A status removed from the workflow still shows what the task holds.
  const options = current ? statuses : [{ key: task.status, name: task.status }, ...statuses];
  return (
    <span
      className={`status-pill status-category-${current?.category ?? task.status_category}`}
      style={statusStyle(current)}
    >
      <span className="status-pill-dot" aria-hidden="true" />
      <select
        className="status-pill-select"
        aria-label={`Status of ${task.key}`}
        value={task.status}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((status) => (
          <option key={status.key} value={status.key}>
            {status.name}
          </option>
        ))}
      </select>
    </span>
  );
}

export function AssigneeCell({
  userId,
  people,
}: {
  userId: string | null;
  people: Map<string, UserSummary>;
}) {
  if (!userId) {
    return <span className="faint">Unassigned</span>;
  }
  const person = people.get(userId);
  const name = person?.display_name ?? 'Former member';
  return (
    <span className="assignee-cell" title={name}>
      <Avatar name={name} src={person?.avatar_url} size={20} />
      <span className="assignee-name">{name}</span>
    </span>
  );
}

/** A due day, red once it has passed on an unfinished task. */
export function DueCell({ task }: { task: Pick<Task, 'due_date' | 'status_category'> }) {
  if (!task.due_date) {
    return <span className="faint">—</span>;
  }
  const day = task.due_date.slice(0, 10);
  const overdue = isOverdue(task, today());
  return (
    <time dateTime={day} className={overdue ? 'due-overdue' : undefined}>
      {formatShortDay(day)}
      {overdue ? <span className="visually-hidden"> (overdue)</span> : null}
    </time>
  );
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) {
    return <span className="faint">—</span>;
  }
  const shown = tags.slice(0, 3);
  return (
    <span className="tag-list" title={tags.join(', ')}>
      {shown.map((tag) => (
        <span key={tag} className="task-tag">
          {tag}
        </span>
      ))}
      {tags.length > shown.length ? <span className="faint">+{tags.length - shown.length}</span> : null}
    </span>
  );
}

/** "1.5 / 4 h": hours logged against the estimate, the logged part in warning colours once over. */
export function TimeCell({ task }: { task: Pick<Task, 'actual_hours' | 'estimated_hours'> }) {
  const { actual, estimate, isOver, label } = hoursAgainstEstimate(task);
  if (actual === 0 && estimate === null) {
    return <span className="faint">—</span>;
  }
  const logged = isOver ? 'hours-over' : actual === 0 ? 'faint' : undefined;
  return (
    <span title={label}>
      <span aria-hidden="true">
        <span className={logged}>{formatTaskHours(actual)}</span>
        {estimate === null ? ' h / —' : ` / ${formatTaskHours(estimate)} h`}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
