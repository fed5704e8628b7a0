import { callService, type Page, type Transport } from '@pm/kernel';
import type {
  BulkUpdateBody,
  CreateTaskBody,
  DependencyType,
  PositionBody,
  Task,
  TaskActivity,
  TaskDependency,
  TaskListQuery,
  UpdateTaskBody,
} from './http.ts';
import type { CriticalPath, CriticalPathQuery } from './critical-path.http.ts';
import type { MyWork, MyWorkQuery } from './my-work.http.ts';
import type { AddAttachmentBody, TaskAttachment } from './http-attachments.ts';
import type {
  ApplyTaskTemplateBody,
  CreateTaskTemplateBody,
  TaskTemplate,
  TaskTemplateListQuery,
  UpdateTaskTemplateBody,
} from './http-templates.ts';
import type { CreateTaskViewBody, TaskView, UpdateTaskViewBody } from './http-views.ts';

const BASE = '/api/v1';

function withQuery(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Typed client of the tasks service, over any kernel transport (HTTP or in-process). */
export function createTasksClient(transport: Transport) {
  const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown) =>
    callService<T>(transport, method, `${BASE}${path}`, { token, ...(body === undefined ? {} : { body }) });
  const task = (idOrKey: string) => `/tasks/${encodeURIComponent(idOrKey)}`;
  const template = (id: string) => `/task-templates/${encodeURIComponent(id)}`;
  const view = (id: string) => `/task-views/${encodeURIComponent(id)}`;
  return {
    list: (token: string, query?: TaskListQuery) =>
      call<Page<Task>>('GET', withQuery('/tasks', query), token),
    get: (token: string, idOrKey: string) => call<Task>('GET', task(idOrKey), token),
    create: (token: string, body: CreateTaskBody) => call<Task>('POST', '/tasks', token, body),
    update: (token: string, idOrKey: string, body: UpdateTaskBody) =>
      call<Task>('PUT', task(idOrKey), token, body),
    remove: (token: string, idOrKey: string) => call<null>('DELETE', task(idOrKey), token),
    assign: (token: string, idOrKey: string, assignedTo: string | null, version?: number) =>
      call<Task>('PUT', `${task(idOrKey)}/assign`, token, { assigned_to: assignedTo, version }),
    setStatus: (token: string, idOrKey: string, status: string, version?: number) =>
      call<Task>('PUT', `${task(idOrKey)}/status`, token, { status, version }),
    move: (token: string, idOrKey: string, body: PositionBody) =>
      call<Task>('PUT', `${task(idOrKey)}/position`, token, body),
    bulkUpdate: (token: string, body: BulkUpdateBody) =>
      call<{ items: Task[] }>('POST', '/tasks/bulk', token, body),
    activity: (token: string, idOrKey: string, query?: { limit?: number; cursor?: string }) =>
      call<Page<TaskActivity>>('GET', withQuery(`${task(idOrKey)}/activity`, query), token),
    listDependencies: (token: string, idOrKey: string) =>
      call<{ items: TaskDependency[] }>('GET', `${task(idOrKey)}/dependencies`, token),
    addDependency: (
      token: string,
      idOrKey: string,
      dependsOnTaskId: string,
      dependencyType?: DependencyType,
    ) =>
      call<TaskDependency>('POST', `${task(idOrKey)}/dependencies`, token, {
        depends_on_task_id: dependsOnTaskId,
        dependency_type: dependencyType,
      }),
    removeDependency: (token: string, idOrKey: string, dependencyId: string) =>
      call<null>('DELETE', `${task(idOrKey)}/dependencies/${encodeURIComponent(dependencyId)}`, token),
    myWork: (token: string, query?: MyWorkQuery) => call<MyWork>('GET', withQuery('/my-work', query), token),
    criticalPath: (token: string, query: CriticalPathQuery) =>
      call<CriticalPath>('GET', withQuery('/tasks/critical-path', query), token),
    listTemplates: (token: string, query: TaskTemplateListQuery) =>
      call<Page<TaskTemplate>>('GET', withQuery('/task-templates', query), token),
    createTemplate: (token: string, body: CreateTaskTemplateBody) =>
      call<TaskTemplate>('POST', '/task-templates', token, body),
    getTemplate: (token: string, id: string) => call<TaskTemplate>('GET', template(id), token),
    updateTemplate: (token: string, id: string, body: UpdateTaskTemplateBody) =>
      call<TaskTemplate>('PUT', template(id), token, body),
    deleteTemplate: (token: string, id: string) => call<null>('DELETE', template(id), token),
    applyTemplate: (token: string, id: string, body: ApplyTaskTemplateBody) =>
      call<Task>('POST', `${template(id)}/apply`, token, body),
    listAttachments: (token: string, idOrKey: string) =>
      call<{ items: TaskAttachment[] }>('GET', `${task(idOrKey)}/attachments`, token),
    addAttachment: (token: string, idOrKey: string, body: AddAttachmentBody) =>
      call<TaskAttachment>('POST', `${task(idOrKey)}/attachments`, token, body),
    removeAttachment: (token: string, idOrKey: string, attachmentId: string) =>
      call<null>('DELETE', `${task(idOrKey)}/attachments/${encodeURIComponent(attachmentId)}`, token),
    listViews: (token: string, projectId: string) =>
      call<{ items: TaskView[] }>('GET', withQuery('/task-views', { project_id: projectId }), token),
    createView: (token: string, body: CreateTaskViewBody) =>
      call<TaskView>('POST', '/task-views', token, body),
    getView: (token: string, id: string) => call<TaskView>('GET', view(id), token),
    updateView: (token: string, id: string, body: UpdateTaskViewBody) =>
      call<TaskView>('PUT', view(id), token, body),
    deleteView: (token: string, id: string) => call<null>('DELETE', view(id), token),
  };
}
export type TasksClient = ReturnType<typeof createTasksClient>;
