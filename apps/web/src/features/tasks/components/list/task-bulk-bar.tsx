import { useState, type FormEvent } from 'react';
import { describeError } from '../../../../shared/api/problem.ts';
import { Button } from '../../../../shared/ui/button.tsx';
import { CloseIcon } from '../../../../shared/ui/icons.tsx';
import { Spinner } from '../../../../shared/ui/spinner.tsx';
import { useToast } from '../../../../shared/ui/toast.tsx';
import type { UserSummary } from '../../../organizations/organization.types.ts';
import type { Milestone, WorkflowStatus } from '../../../projects/project.types.ts';
import { useBulkUpdateTasks } from '../../hooks/use-task-mutations.ts';
import { PRIORITIES } from '../../task-list-filters.ts';
import { PRIORITY_LABELS } from '../../task-labels.ts';
import type { BulkUpdateBody } from '../../task.types.ts';

/** The API takes at most this many tasks a request. */
const BULK_LIMIT = 100;

type Changes = BulkUpdateBody['changes'];

interface TaskBulkBarProps {
  taskIds: string[];
  statuses: WorkflowStatus[];
  people: UserSummary[];
  milestones: Milestone[];
  onClear: () => void;
}

/** Changes every selected task at once (`POST /tasks/bulk`, in chunks of 100). */
export function TaskBulkBar({ taskIds, statuses, people, milestones, onClear }: TaskBulkBarProps) {
  const bulk = useBulkUpdateTasks();
  const toast = useToast();
  const [tag, setTag] = useState('');
  const count = taskIds.length;
  const noun = count === 1 ? 'task' : 'tasks';

  const apply = async (changes: Changes, done: string) => {
    try {
      for (let start = 0; start < taskIds.length; start += BULK_LIMIT) {
        await bulk.mutateAsync({ task_ids: taskIds.slice(start, start + BULK_LIMIT), changes });
      }
      toast.show(`${done} on ${count} ${noun}`);
    } catch (error) {
      toast.show(describeError(error), 'error');
    }
  };
  const applyTag = (mode: 'add' | 'remove') => {
    const value = tag.trim();
    if (value) {
      void apply(
        mode === 'add' ? { add_tags: [value] } : { remove_tags: [value] },
        `${mode === 'add' ? 'Added' : 'Removed'} tag ${value}`,
      );
      setTag('');
    }
  };
  // Each select is an action: picking a value applies it, then the select shows its label again.
  const action = (
    label: string,
    options: { value: string; label: string }[],
    run: (value: string) => void,
  ) => (
    <select
      className="input select bulk-select"
      aria-label={`Set ${label.toLowerCase()}`}
      value=""
      disabled={bulk.isPending}
      onChange={(event) => run(event.target.value)}
    >
      <option value="" disabled>
        {label}…
      </option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );

  return (
    <div className="bulk-bar" role="region" aria-label="Bulk edit">
      <span className="bulk-count" aria-live="polite">
        {count} {noun} selected
      </span>
      {action(
        'Status',
        statuses.map((s) => ({ value: s.key, label: s.name })),
        (status) => void apply({ status }, 'Status changed'),
      )}
      {action(
        'Assignee',
        [
          { value: 'none', label: 'Unassigned' },
          ...people.map((p) => ({ value: p.id, label: p.display_name })),
        ],
        (value) => void apply({ assigned_to: value === 'none' ? null : value }, 'Assignee changed'),
      )}
      {action(
        'Priority',
        PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
        (value) => {
          const priority = PRIORITIES.find((p) => p === value);
          if (priority) {
            void apply({ priority }, 'Priority changed');
          }
        },
      )}
      {action(
        'Milestone',
        [
          { value: 'none', label: 'No milestone' },
          ...milestones.map((m) => ({ value: m.id, label: m.title })),
        ],
        (value) => void apply({ milestone_id: value === 'none' ? null : value }, 'Milestone changed'),
      )}
      <form
        className="bulk-tag"
        aria-label="Tags of the selected tasks"
        onSubmit={(event: FormEvent<HTMLFormElement>) => {
          event.preventDefault();
          applyTag('add');
        }}
      >
        <input
          className="input bulk-tag-input"
          aria-label="Tag"
          placeholder="Tag"
          value={tag}
          maxLength={50}
          onChange={(event) => setTag(event.target.value.replace(/[\s,]/g, ''))}
        />
        <Button size="sm" type="submit" disabled={!tag || bulk.isPending}>
          Add tag
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={!tag || bulk.isPending}
          onClick={() => applyTag('remove')}
        >
          Remove tag
        </Button>
      </form>
      {bulk.isPending ? <Spinner size="sm" label="Saving" /> : null}
      <span className="spacer" />
      <Button size="sm" variant="ghost" onClick={onClear}>
        <CloseIcon size={14} />
        Clear selection
      </Button>
    </div>
  );
}
