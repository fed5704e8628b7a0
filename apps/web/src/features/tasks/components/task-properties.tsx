import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../shared/ui/button.tsx';
import { CloseIcon } from '../../../shared/ui/icons.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import type { Milestone, Project } from '../../projects/project.types.ts';
import { useTask } from '../hooks/use-tasks.ts';
import type { TaskChanges } from '../hooks/use-task-mutations.ts';
import { parseHours, parseTags } from '../task-fields.ts';
import { isOverdue, PRIORITY_LABELS } from '../task-labels.ts';
import { PRIORITIES } from '../task-list-filters.ts';
import type { Priority, Task } from '../task.types.ts';
import { TaskPicker } from './task-picker.tsx';
import { today } from '../../../shared/format/date.ts';

interface TaskPropertiesProps {
  task: Task;
  project: Project;
  people: UserSummary[];
  milestones: Milestone[];
  canEdit: boolean;
  onChange: (changes: TaskChanges) => void;
  /** Where a link to another task leads (the drawer, or the task page). */
  taskHref: (key: string) => string;
}

function Property({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="task-property">
      <span className="task-property-label">{label}</span>
      <div className="task-property-value">{children}</div>
    </div>
  );
}

/**
 * A text-like value saved when the field loses focus (or on Enter), if it changed. The field
 * follows the task when it changes elsewhere, unless the user is typing in it.
 */
function CommitInput({
  value,
  label,
  disabled,
  type = 'text',
  placeholder,
  invalid,
  onCommit,
}: {
  value: string;
  label: string;
  disabled: boolean;
  type?: 'text' | 'date';
  placeholder?: string;
  invalid?: boolean;
  onCommit: (text: string) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      className={
        invalid ? 'input input-sm task-property-input task-due-overdue' : 'input input-sm task-property-input'
      }
      type={type}
      aria-label={label}
      value={draft ?? value}
      placeholder={placeholder}
      disabled={disabled}
      onFocus={() => setDraft(value)}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        if (draft !== null && draft !== value) {
          onCommit(draft);
        }
        setDraft(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.currentTarget.blur();
        } else if (event.key === 'Escape') {
          event.stopPropagation();
          setDraft(value);
          event.currentTarget.blur();
        }
      }}
    />
  );
}

/** Tags as chips; Enter or a comma adds what is typed, × removes one. */
function TagsEditor({ task, canEdit, onChange }: Pick<TaskPropertiesProps, 'task' | 'canEdit' | 'onChange'>) {
  const [text, setText] = useState('');
  const add = () => {
    const added = parseTags(text).filter((tag) => !task.tags.includes(tag));
    setText('');
    if (added.length > 0) {
      onChange({ tags: [...task.tags, ...added] });
    }
  };
  return (
    <div className="tags-editor">
      {task.tags.map((tag) => (
        <span key={tag} className="task-tag">
          {tag}
          {canEdit ? (
            <button
              type="button"
              className="task-tag-remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange({ tags: task.tags.filter((t) => t !== tag) })}
            >
              <CloseIcon size={10} />
            </button>
          ) : null}
        </span>
      ))}
      {canEdit ? (
        <input
          className="input input-sm tags-editor-input"
          aria-label="Add tags"
          placeholder={task.tags.length ? 'Add…' : 'Add tags'}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={add}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ',') {
              event.preventDefault();
              add();
            }
          }}
        />
      ) : task.tags.length === 0 ? (
        <span className="task-muted">None</span>
      ) : null}
    </div>
  );
}

function ParentEditor({
  task,
  project,
  canEdit,
  onChange,
  taskHref,
}: Omit<TaskPropertiesProps, 'people' | 'milestones'>) {
  const parent = useTask(task.parent_task_id);
  const [isPicking, setPicking] = useState(false);
  if (isPicking) {
    return (
      <div className="task-parent-picker">
        <TaskPicker
          label="Find a parent task"
          projectId={project.id}
          excludeIds={new Set([task.id])}
          autoFocus
          onPick={(picked) => {
            setPicking(false);
            onChange({ parent_task_id: picked.id });
          }}
        />
        <Button size="sm" variant="ghost" onClick={() => setPicking(false)}>
          Cancel
        </Button>
      </div>
    );
  }
  return (
    <div className="task-parent">
      {task.parent_task_id ? (
        parent.data ? (
          <Link to={taskHref(parent.data.key)} className="task-parent-link">
            <span className="task-card-key">{parent.data.key}</span> {parent.data.title}
          </Link>
        ) : (
          <span className="task-muted">Loading…</span>
        )
      ) : (
        <span className="task-muted">None</span>
      )}
      {canEdit ? (
        <span className="task-parent-actions">
          <Button size="sm" variant="ghost" onClick={() => setPicking(true)}>
            {task.parent_task_id ? 'Change' : 'Set parent'}
          </Button>
          {task.parent_task_id ? (
            <Button size="sm" variant="ghost" onClick={() => onChange({ parent_task_id: null })}>
              Remove
            </Button>
          ) : null}
        </span>
      ) : null}
    </div>
  );
}

/** Every field of a task beside its description, each changed in place. */
export function TaskProperties({
  task,
  project,
  people,
  milestones,
  canEdit,
  onChange,
  taskHref,
}: TaskPropertiesProps) {
  const [hoursError, setHoursError] = useState<string | null>(null);
  const statuses = project.settings.workflow.statuses;
  const hasStatus = statuses.some((s) => s.key === task.status);
  const hasAssignee = !task.assigned_to || people.some((p) => p.id === task.assigned_to);
  const commitHours = (field: 'estimated_hours' | 'actual_hours', text: string) => {
    const parsed = parseHours(text);
    if ('error' in parsed) {
      setHoursError(`${field === 'estimated_hours' ? 'Estimate' : 'Time spent'} ${parsed.error}`);
      return;
    }
    setHoursError(null);
    onChange({ [field]: parsed.value });
  };
  return (
    <div className="task-properties">
      <Property label="Status">
        <select
          className="input select select-sm"
          aria-label="Status"
          value={task.status}
          disabled={!canEdit}
          onChange={(event) => onChange({ status: event.target.value })}
        >
          {hasStatus ? null : <option value={task.status}>{task.status}</option>}
          {statuses.map((status) => (
            <option key={status.key} value={status.key}>
              {status.name}
            </option>
          ))}
        </select>
      </Property>
      <Property label="Priority">
        <select
          className="input select select-sm"
          aria-label="Priority"
          value={task.priority}
          disabled={!canEdit}
          onChange={(event) => onChange({ priority: event.target.value as Priority })}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
      </Property>
      <Property label="Assignee">
        <select
          className="input select select-sm"
          aria-label="Assignee"
          value={task.assigned_to ?? ''}
          disabled={!canEdit}
          onChange={(event) => onChange({ assigned_to: event.target.value || null })}
        >
          <option value="">Unassigned</option>
          {hasAssignee ? null : <option value={task.assigned_to ?? ''}>Former member</option>}
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.display_name}
            </option>
          ))}
        </select>
      </Property>
      <Property label="Due date">
        <CommitInput
          type="date"
          label="Due date"
          value={task.due_date?.slice(0, 10) ?? ''}
          invalid={isOverdue(task, today())}
          disabled={!canEdit}
          onCommit={(text) => onChange({ due_date: text || null })}
        />
      </Property>
      <Property label="Estimate">
        <CommitInput
          label="Estimate (hours)"
          placeholder="Hours"
          value={task.estimated_hours === null ? '' : String(task.estimated_hours)}
          disabled={!canEdit}
          onCommit={(text) => commitHours('estimated_hours', text)}
        />
      </Property>
      <Property label="Time spent">
        <CommitInput
          label="Time spent (hours)"
          placeholder="Hours"
          value={task.actual_hours === null ? '' : String(task.actual_hours)}
          disabled={!canEdit}
          onCommit={(text) => commitHours('actual_hours', text)}
        />
      </Property>
      {hoursError ? (
        <p className="field-error" role="alert">
          {hoursError}
        </p>
      ) : null}
      <Property label="Tags">
        <TagsEditor task={task} canEdit={canEdit} onChange={onChange} />
      </Property>
      <Property label="Milestone">
        <select
          className="input select select-sm"
          aria-label="Milestone"
          value={task.milestone_id ?? ''}
          disabled={!canEdit}
          onChange={(event) => onChange({ milestone_id: event.target.value || null })}
        >
          <option value="">No milestone</option>
          {milestones.map((milestone) => (
            <option key={milestone.id} value={milestone.id}>
              {milestone.title}
            </option>
          ))}
        </select>
      </Property>
      <Property label="Parent">
        <ParentEditor
          task={task}
          project={project}
          canEdit={canEdit}
          onChange={onChange}
          taskHref={taskHref}
        />
      </Property>
    </div>
  );
}
