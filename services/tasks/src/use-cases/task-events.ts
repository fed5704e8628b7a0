import type { EventEnvelope } from '@pm/kernel';
import type { Task } from '../contract/http.ts';
import {
  TaskAssigned,
  TaskCreated,
  TaskDeleted,
  TaskStatusChanged,
  TaskUpdated,
} from '../contract/events.ts';

type Kind = 'created' | 'updated' | 'deleted';

/** What a task's events tell of it. */
export type TaskSummary = Pick<
  Task,
  'id' | 'project_id' | 'organization_id' | 'key' | 'title' | 'status' | 'priority' | 'assigned_to'
>;

/** The events one change of a task announces: assignment and status get their own. */
export function taskEvents(
  kind: Kind,
  task: TaskSummary,
  actorId: string,
  changed: string[] = [],
): EventEnvelope[] {
  const data = {
    task_id: task.id,
    project_id: task.project_id,
    organization_id: task.organization_id,
    key: task.key,
    title: task.title,
    status: task.status,
    priority: task.priority,
    assigned_to: task.assigned_to,
    changed,
  };
  const meta = { actor_id: actorId, org_id: task.organization_id, project_id: task.project_id };
  if (kind === 'created') {
    return [TaskCreated.create(data, meta)];
  }
  if (kind === 'deleted') {
    return [TaskDeleted.create(data, meta)];
  }
  const events: EventEnvelope[] = [];
  if (changed.includes('status')) {
    events.push(TaskStatusChanged.create(data, meta));
  }
  if (changed.includes('assigned_to')) {
    events.push(TaskAssigned.create(data, meta));
  }
  if (changed.some((field) => field !== 'status' && field !== 'assigned_to')) {
    events.push(TaskUpdated.create(data, meta));
  }
  return events;
}
