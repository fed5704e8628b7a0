import type { DependencyType, Priority, StatusCategory } from './task.types.ts';

export const PRIORITY_LABELS: Record<Priority, string> = {
  urgent: 'Urgent',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'No priority',
};

export const DEPENDENCY_TYPES: DependencyType[] = [
  'finish_to_start',
  'start_to_start',
  'finish_to_finish',
  'start_to_finish',
];

/** How the dependent task reads "this task … the other one". */
export const DEPENDENCY_LABELS: Record<DependencyType, string> = {
  finish_to_start: 'Starts after it finishes',
  start_to_start: 'Starts after it starts',
  finish_to_finish: 'Finishes after it finishes',
  start_to_finish: 'Finishes after it starts',
};

/** Names of the fields the activity history records. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  assigned_to: 'assignee',
  due_date: 'due date',
  estimated_hours: 'estimate',
  actual_hours: 'time spent',
  tags: 'tags',
  milestone_id: 'milestone',
  parent_task_id: 'parent',
  rank: 'position',
};

/** True when a not-done task's due day has passed (`today` is the local calendar day). */
export function isOverdue(task: { due_date: string | null; status_category: StatusCategory }, today: string) {
  return task.due_date !== null && task.status_category !== 'done' && task.due_date.slice(0, 10) < today;
}

/** "12 KB", "3.4 MB". */
export function formatBytes(sizeBytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = sizeBytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
