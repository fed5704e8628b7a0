import type { UserSummary } from '../organizations/organization.types.ts';
import type { WorkflowStatus } from '../projects/project.types.ts';
import { PRIORITY_LABELS } from './task-labels.ts';
import { PRIORITIES } from './task-list-filters.ts';
import type { Priority, Task } from './task.types.ts';

/** Rows of the board: none, one per assignee, or one per priority. */
export type Swimlanes = 'none' | 'assignee' | 'priority';
export const SWIMLANES: Swimlanes[] = ['none', 'assignee', 'priority'];

const ALL = 'all';
const UNASSIGNED = 'unassigned';
const SEPARATOR = '|';

export interface Lane {
  id: string;
  label: string;
}

/** The row a task sits in. */
export function laneOf(task: Task, swimlanes: Swimlanes): string {
  switch (swimlanes) {
    case 'assignee':
      return task.assigned_to ?? UNASSIGNED;
    case 'priority':
      return task.priority;
    case 'none':
      return ALL;
  }
}

/**
 * The rows to draw: one without swimlanes; else every priority, or every assignee who has a task
 * here (by name) and "Unassigned" last.
 */
export function lanesFor(tasks: Task[], swimlanes: Swimlanes, people: Map<string, UserSummary>): Lane[] {
  if (swimlanes === 'none') {
    return [{ id: ALL, label: 'All tasks' }];
  }
  if (swimlanes === 'priority') {
    return PRIORITIES.map((priority) => ({ id: priority, label: PRIORITY_LABELS[priority] }));
  }
  const assignees = [...new Set(tasks.flatMap((t) => (t.assigned_to ? [t.assigned_to] : [])))];
  const lanes = assignees
    .map((id) => ({ id, label: people.get(id)?.display_name ?? 'Former member' }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return [...lanes, { id: UNASSIGNED, label: 'Unassigned' }];
}

/** A drop target: one status column of one lane. */
export function containerId(lane: string, status: string): string {
  return `${lane}${SEPARATOR}${status}`;
}

export function parseContainerId(id: string): { lane: string; status: string } {
  const at = id.indexOf(SEPARATOR);
  return { lane: id.slice(0, at), status: id.slice(at + 1) };
}

export function containerOf(task: Task, swimlanes: Swimlanes): string {
  return containerId(laneOf(task, swimlanes), task.status);
}

/** The cards of one column of one lane, in board order. */
export function tasksIn(tasks: Task[], container: string, swimlanes: Swimlanes): Task[] {
  return tasks.filter((task) => containerOf(task, swimlanes) === container);
}

/** The field a move into another lane changes (nothing without swimlanes). */
export type LaneChange = { assigned_to: string | null } | { priority: Priority } | null;

export function laneChange(swimlanes: Swimlanes, fromLane: string, toLane: string): LaneChange {
  if (fromLane === toLane || swimlanes === 'none') {
    return null;
  }
  if (swimlanes === 'assignee') {
    return { assigned_to: toLane === UNASSIGNED ? null : toLane };
  }
  return { priority: toLane as Priority };
}

/**
 * A card placed into `container`, next to `overId` (before it, or after it when `after`), or at
 * the end of the container. The card takes the container's status (and lane field).
 */
export function placeCard(
  tasks: Task[],
  taskId: string,
  container: string,
  target: { overId: string | null; after: boolean },
  statuses: WorkflowStatus[],
  swimlanes: Swimlanes,
): Task[] {
  const card = tasks.find((t) => t.id === taskId);
  if (!card) {
    return tasks;
  }
  const { lane, status } = parseContainerId(container);
  const category = statuses.find((s) => s.key === status)?.category ?? card.status_category;
  const change = laneChange(swimlanes, laneOf(card, swimlanes), lane);
  const moved: Task = { ...card, ...change, status, status_category: category };
  const rest = tasks.filter((t) => t.id !== taskId);
  let index = target.overId ? rest.findIndex((t) => t.id === target.overId) : -1;
  if (index >= 0) {
    index += target.after ? 1 : 0;
  } else {
    // At the end of the column: right after its last card, or at the very end.
    const last = tasksIn(rest, container, swimlanes).at(-1);
    index = last ? rest.indexOf(last) + 1 : rest.length;
  }
  return [...rest.slice(0, index), moved, ...rest.slice(index)];
}

/** The card's neighbours in its column: what `PUT /tasks/{id}/position` needs. */
export function neighboursOf(
  tasks: Task[],
  taskId: string,
  swimlanes: Swimlanes,
): { after_id?: string; before_id?: string } {
  const card = tasks.find((t) => t.id === taskId);
  if (!card) {
    return {};
  }
  const column = tasksIn(tasks, containerOf(card, swimlanes), swimlanes);
  const index = column.indexOf(card);
  const after = column[index - 1];
  const before = column[index + 1];
  return { ...(after ? { after_id: after.id } : {}), ...(before ? { before_id: before.id } : {}) };
}

/** Every card in reading order: lane by lane, column by column, top to bottom (for j/k). */
export function boardOrder(
  tasks: Task[],
  statuses: WorkflowStatus[],
  swimlanes: Swimlanes,
  people: Map<string, UserSummary>,
): Task[] {
  return lanesFor(tasks, swimlanes, people).flatMap((lane) =>
    statuses.flatMap((status) => tasksIn(tasks, containerId(lane.id, status.key), swimlanes)),
  );
}
