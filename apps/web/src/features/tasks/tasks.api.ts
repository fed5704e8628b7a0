import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';
import type {
  Activity,
  Attachment,
  BulkUpdateBody,
  CreateTaskBody,
  Dependency,
  DependencyType,
  PositionBody,
  Task,
  TaskListQuery,
  UpdateTaskBody,
} from './task.types.ts';

const { request } = apiClient;
/** A task's path from its id or its key (`WEB-42`). */
const task = (ref: string) => `/tasks/${seg(ref)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/**
 * Tasks of one project (`project_id`) or of every project the caller sees. Always `GET /tasks`:
 * it works in split mode too, where `/projects/…` belongs to the projects service.
 */
export function listTasks(query: TaskListQuery, signal?: AbortSignal): Promise<Page<Task>> {
  return request<Page<Task>>(withQuery('/tasks', { ...query }), opts(signal));
}

export function getTask(ref: string, signal?: AbortSignal): Promise<Task> {
  return request<Task>(task(ref), opts(signal));
}

export function createTask(body: CreateTaskBody): Promise<Task> {
  return request<Task>('/tasks', { method: 'POST', body });
}

/** `version` is the state the edit is based on; a stale one answers 409 TASKS_VERSION_CONFLICT. */
export function updateTask(ref: string, body: UpdateTaskBody): Promise<Task> {
  return request<Task>(task(ref), { method: 'PUT', body });
}

export function deleteTask(ref: string): Promise<void> {
  return request<void>(task(ref), { method: 'DELETE' });
}

export function changeTaskStatus(ref: string, status: string, version?: number): Promise<Task> {
  return request<Task>(`${task(ref)}/status`, { method: 'PUT', body: { status, version } });
}

export function assignTask(ref: string, assignedTo: string | null, version?: number): Promise<Task> {
  return request<Task>(`${task(ref)}/assign`, {
    method: 'PUT',
    body: { assigned_to: assignedTo, version },
  });
}

/** Moves a task between `after_id` and `before_id` (and into `status`'s column). */
export function moveTask(ref: string, body: PositionBody): Promise<Task> {
  return request<Task>(`${task(ref)}/position`, { method: 'PUT', body });
}

export function bulkUpdateTasks(body: BulkUpdateBody): Promise<{ items: Task[] }> {
  return request<{ items: Task[] }>('/tasks/bulk', { method: 'POST', body });
}

/** The whole history, oldest first: a task has tens of changes, not thousands. */
export function listActivity(ref: string, signal?: AbortSignal): Promise<Activity[]> {
  return collectPages((cursor) =>
    request<Page<Activity>>(withQuery(`${task(ref)}/activity`, { limit: 100, cursor }), opts(signal)),
  );
}

export function listDependencies(ref: string, signal?: AbortSignal): Promise<Dependency[]> {
  return request<{ items: Dependency[] }>(`${task(ref)}/dependencies`, opts(signal)).then((r) => r.items);
}

export function addDependency(
  ref: string,
  dependsOnTaskId: string,
  dependencyType: DependencyType,
): Promise<Dependency> {
  return request<Dependency>(`${task(ref)}/dependencies`, {
    method: 'POST',
    body: { depends_on_task_id: dependsOnTaskId, dependency_type: dependencyType },
  });
}

export function removeDependency(ref: string, dependencyId: string): Promise<void> {
  return request<void>(`${task(ref)}/dependencies/${seg(dependencyId)}`, { method: 'DELETE' });
}

export function listAttachments(ref: string, signal?: AbortSignal): Promise<Attachment[]> {
  return request<{ items: Attachment[] }>(`${task(ref)}/attachments`, opts(signal)).then((r) => r.items);
}

export function removeAttachment(ref: string, attachmentId: string): Promise<void> {
  return request<void>(`${task(ref)}/attachments/${seg(attachmentId)}`, { method: 'DELETE' });
}
