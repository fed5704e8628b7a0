import { memo } from 'react';
import { Link } from 'react-router';
import { formatRelative } from '../../../../shared/format/date.ts';
import type { UserSummary } from '../../../organizations/organization.types.ts';
import type { WorkflowStatus } from '../../../projects/project.types.ts';
import type { Task } from '../../task.types.ts';
import { AssigneeCell, DueCell, PriorityCell, StatusSelect, TagList, TimeCell } from './list-cells.tsx';

interface TaskListRowProps {
  task: Task;
  statuses: WorkflowStatus[];
  people: Map<string, UserSummary>;
  isSelected: boolean;
  isCursor: boolean;
  canEdit: boolean;
  /** The link that opens the task's drawer, keeping the list's filters. */
  href: string;
  onSelectClick: (id: string, shiftKey: boolean) => void;
  onStatusChange: (task: Task, status: string) => void;
}

/** One dense row; memoised because long lists re-render on every selection change. */
export const TaskListRow = memo(function TaskListRow({
  task,
  statuses,
  people,
  isSelected,
  isCursor,
  canEdit,
  href,
  onSelectClick,
  onStatusChange,
}: TaskListRowProps) {
  const className = ['task-list-row', isSelected ? 'is-selected' : '', isCursor ? 'is-cursor' : '']
    .join(' ')
    .trim();
  return (
    <tr className={className} data-task-id={task.id} aria-selected={isSelected}>
      <td className="task-cell-select">
        <input
          type="checkbox"
          aria-label={`Select ${task.key}`}
          checked={isSelected}
          // onClick, not onChange: the shift key of the click extends the range.
          onClick={(event) => onSelectClick(task.id, event.shiftKey)}
          onChange={() => undefined}
        />
      </td>
      <td className="task-cell-key">{task.key}</td>
      <td>
        <div className="task-cell-title">
          <Link to={href} className="task-title-link">
            {task.title}
          </Link>
          {task.is_blocked ? <span className="badge badge-warning task-flag">Blocked</span> : null}
          {task.subtasks.total > 0 ? (
            <span className="task-subtasks" title="Sub-tasks done">
              {task.subtasks.done}/{task.subtasks.total}
            </span>
          ) : null}
        </div>
      </td>
      <td>
        <StatusSelect
          task={task}
          statuses={statuses}
          disabled={!canEdit}
          onChange={(status) => onStatusChange(task, status)}
        />
      </td>
      <td>
        <PriorityCell priority={task.priority} showLabel={false} />
      </td>
      <td>
        <AssigneeCell userId={task.assigned_to} people={people} />
      </td>
      <td className="nowrap">
        <DueCell task={task} />
      </td>
      <td className="nowrap task-cell-number">
        <TimeCell task={task} />
      </td>
      <td>
        <TagList tags={task.tags} />
      </td>
      <td className="nowrap muted" title={task.updated_at}>
        {formatRelative(task.updated_at)}
      </td>
    </tr>
  );
});
