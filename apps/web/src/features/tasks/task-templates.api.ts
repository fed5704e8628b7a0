import type {
  ApplyTaskTemplateBody,
  CreateTaskTemplateBody,
  Task,
  TaskTemplate,
  UpdateTaskTemplateBody,
} from '@pm/tasks/contract';
import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';

export type {
  CreateTaskTemplateBody,
  TaskTemplate,
  TaskTemplateData,
  UpdateTaskTemplateBody,
} from '@pm/tasks/contract';

const { request } = apiClient;
const template = (id: string) => `/task-templates/${seg(id)}`;
const PAGE_SIZE = 100;

/** Every template usable in a project: its own and its organization's, by name. */
export function listTaskTemplates(projectId: string, signal?: AbortSignal): Promise<TaskTemplate[]> {
  return collectPages((cursor) =>
    request<Page<TaskTemplate>>(
      withQuery('/task-templates', { project_id: projectId, limit: PAGE_SIZE, cursor }),
      signal ? { signal } : {},
    ),
  );
}

export function createTaskTemplate(body: CreateTaskTemplateBody): Promise<TaskTemplate> {
  return request<TaskTemplate>('/task-templates', { method: 'POST', body });
}

export function updateTaskTemplate(id: string, body: UpdateTaskTemplateBody): Promise<TaskTemplate> {
  return request<TaskTemplate>(template(id), { method: 'PUT', body });
}

export function deleteTaskTemplate(id: string): Promise<void> {
  return request<void>(template(id), { method: 'DELETE' });
}

/** Creates the template's task and its sub-tasks in one go; answers the new (parent) task. */
export function applyTaskTemplate(id: string, body: ApplyTaskTemplateBody): Promise<Task> {
  return request<Task>(`${template(id)}/apply`, { method: 'POST', body });
}
