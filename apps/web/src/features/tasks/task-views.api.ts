import { apiClient } from '../../shared/api/client.ts';
import { seg, withQuery } from '../../shared/api/page.ts';
import type { TaskView } from './task.types.ts';

const { request } = apiClient;
const view = (id: string) => `/task-views/${seg(id)}`;

/** What a view is made of; `PUT` takes any part of it. */
export type TaskViewBody = Pick<TaskView, 'name' | 'filters' | 'layout' | 'shared'> & {
  sort?: TaskView['sort'];
};

/** The caller's personal views of a project and the project's shared ones. */
export function listTaskViews(projectId: string, signal?: AbortSignal): Promise<TaskView[]> {
  return request<{ items: TaskView[] }>(
    withQuery('/task-views', { project_id: projectId }),
    signal ? { signal } : {},
  ).then((page) => page.items);
}

export function createTaskView(projectId: string, body: TaskViewBody): Promise<TaskView> {
  return request<TaskView>('/task-views', { method: 'POST', body: { project_id: projectId, ...body } });
}

export function updateTaskView(id: string, body: Partial<TaskViewBody>): Promise<TaskView> {
  return request<TaskView>(view(id), { method: 'PUT', body });
}

export function deleteTaskView(id: string): Promise<void> {
  return request<void>(view(id), { method: 'DELETE' });
}
