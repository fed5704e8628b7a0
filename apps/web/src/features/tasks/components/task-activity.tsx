import { formatDateTime, formatDay, formatRelative } from '../../../shared/format/date.ts';
import { Avatar } from '../../../shared/ui/avatar.tsx';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import type { Milestone, WorkflowStatus } from '../../projects/project.types.ts';
import { useTaskActivity } from '../hooks/use-tasks.ts';
import { FIELD_LABELS, PRIORITY_LABELS } from '../task-labels.ts';
import type { Activity, Priority } from '../task.types.ts';

interface TaskActivityProps {
  taskId: string;
  people: Map<string, UserSummary>;
  statuses: WorkflowStatus[];
  milestones: Milestone[];
}

interface Names {
  person: (id: string) => string;
  status: (key: string) => string;
  milestone: (id: string) => string;
}

/** A recorded value as text: strings and numbers as they are, lists joined, anything else as JSON. */
function text(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return Array.isArray(value) ? value.map(text).join(', ') : JSON.stringify(value);
}

/** A recorded value as people read it: names instead of ids, dates as days. */
function showValue(field: string, value: unknown, names: Names): string | null {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return null;
  }
  const raw = text(value);
  switch (field) {
    case 'status':
      return names.status(raw);
    case 'priority':
      return raw in PRIORITY_LABELS ? PRIORITY_LABELS[raw as Priority] : raw;
    case 'assigned_to':
      return names.person(raw);
    case 'milestone_id':
      return names.milestone(raw);
    case 'due_date':
      return formatDay(raw);
    case 'estimated_hours':
    case 'actual_hours':
      return `${raw} h`;
    default:
      return raw;
  }
}

/** "changed status from To do to In progress", "created the task", "added a dependency on WEB-3". */
function describe(entry: Activity, names: Names): string {
  const from = showValue(entry.field, entry.from, names);
  const to = showValue(entry.field, entry.to, names);
  switch (entry.field) {
    case 'created':
      return 'created the task';
    case 'dependency_added':
      return `added a dependency on ${to ?? 'a task'}`;
    case 'dependency_removed':
      return `removed the dependency on ${from ?? 'a task'}`;
    case 'attachment_added':
      return `attached ${to ?? 'a file'}`;
    case 'attachment_removed':
      return `removed the attachment ${from ?? ''}`.trim();
    case 'description':
      return to === null ? 'removed the description' : 'edited the description';
    case 'rank':
      return 'moved the task on the board';
    case 'parent_task_id':
      return to === null ? 'removed the parent task' : 'set a parent task';
    default: {
      const label = FIELD_LABELS[entry.field] ?? entry.field.replaceAll('_', ' ');
      if (from === null && to !== null) {
        return `set ${label} to ${to}`;
      }
      if (to === null) {
        return `cleared ${label}${from ? ` (was ${from})` : ''}`;
      }
      return `changed ${label} from ${from} to ${to}`;
    }
  }
}

/** Who changed what, from what to what, and when; oldest first. */
export function TaskActivityList({ taskId, people, statuses, milestones }: TaskActivityProps) {
  const activity = useTaskActivity(taskId);
  const names: Names = {
    person: (id) => people.get(id)?.display_name ?? 'a former member',
    status: (key) => statuses.find((s) => s.key === key)?.name ?? key,
    milestone: (id) => milestones.find((m) => m.id === id)?.title ?? 'a deleted milestone',
  };
  return (
    <section className="task-section" aria-labelledby={`activity-${taskId}`}>
      <header className="task-section-header">
        <h3 className="task-section-title" id={`activity-${taskId}`}>
          Activity
        </h3>
      </header>
      {activity.isPending ? <Skeleton height={40} /> : null}
      {activity.isError ? (
        <ErrorBanner error={activity.error} onRetry={() => void activity.refetch()} />
      ) : null}
      {activity.data?.length === 0 ? <p className="task-muted">Nothing has happened yet.</p> : null}
      {activity.data && activity.data.length > 0 ? (
        <ol className="activity-list" aria-label="Activity">
          {activity.data.map((entry) => {
            const actor = names.person(entry.actor_id);
            return (
              <li key={entry.id} className="activity-item">
                <Avatar name={actor} src={people.get(entry.actor_id)?.avatar_url} size={18} />
                <p className="activity-text">
                  <span className="activity-actor">{actor}</span> {describe(entry, names)}
                  <time className="activity-time" dateTime={entry.at} title={formatDateTime(entry.at)}>
                    {formatRelative(entry.at)}
                  </time>
                </p>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
