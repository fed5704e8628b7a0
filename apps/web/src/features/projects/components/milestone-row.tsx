import { describeError } from '../../../shared/api/problem.ts';
import { formatDay, formatShortDay } from '../../../shared/format/date.ts';
import { CheckIcon, PencilIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateMilestone } from '../hooks/use-milestone-mutations.ts';
import { MILESTONE_STATUS_LABELS } from '../project-labels.ts';
import type { Milestone } from '../project.types.ts';

interface MilestoneRowProps {
  projectId: string;
  milestone: Milestone;
  canEdit: boolean;
  onEdit: (milestone: Milestone) => void;
}

/** One milestone: a check to complete or reopen it, its title, due date and status. */
export function MilestoneRow({ projectId, milestone, canEdit, onEdit }: MilestoneRowProps) {
  const update = useUpdateMilestone(projectId);
  const toast = useToast();
  const isDone = milestone.status === 'completed';
  const toggle = () =>
    update.mutate(
      {
        id: milestone.id,
        body: { version: milestone.version, status: isDone ? 'in_progress' : 'completed' },
      },
      {
        onSuccess: () => toast.show(isDone ? `Reopened ${milestone.title}` : `Completed ${milestone.title}`),
        onError: (error) => toast.show(describeError(error), 'error'),
      },
    );

  return (
    <li className={isDone ? 'milestone-row is-done' : 'milestone-row'}>
      <button
        type="button"
        className="milestone-check"
        role="checkbox"
        aria-checked={isDone}
        aria-label={`${milestone.title} completed`}
        disabled={!canEdit || update.isPending}
        onClick={toggle}
      >
        {isDone ? <CheckIcon size={12} /> : null}
      </button>
      <div className="milestone-main">
        <p className="milestone-title">{milestone.title}</p>
        {milestone.description ? <p className="milestone-description">{milestone.description}</p> : null}
      </div>
      <div className="milestone-meta">
        {milestone.due_date ? (
          <span
            className={milestone.is_overdue ? 'milestone-due is-overdue' : 'milestone-due'}
            title={`Due ${formatDay(milestone.due_date)}`}
          >
            {milestone.is_overdue ? 'Overdue · ' : ''}
            {formatShortDay(milestone.due_date)}
          </span>
        ) : null}
        <span className={`badge milestone-status milestone-${milestone.status}`}>
          {MILESTONE_STATUS_LABELS[milestone.status]}
        </span>
        {canEdit ? (
          <button
            type="button"
            className="icon-btn"
            aria-label={`Edit ${milestone.title}`}
            onClick={() => onEdit(milestone)}
          >
            <PencilIcon size={14} />
          </button>
        ) : null}
      </div>
    </li>
  );
}
