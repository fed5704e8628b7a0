import { callService, type Page, type Transport } from '@pm/kernel';
import type {
  AddMemberBody,
  CreateMilestoneBody,
  CreateProjectBody,
  MemberListQuery,
  Milestone,
  MilestoneListQuery,
  Project,
  ProjectAnalytics,
  ProjectListQuery,
  ProjectMember,
  ProjectRole,
  ProjectTemplate,
  SaveAsTemplateBody,
  TemplateListQuery,
  UpdateMilestoneBody,
  UpdateProjectBody,
} from './http.ts';

const BASE = '/api/v1';

function withQuery(path: string, query: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** Typed client of the projects service, over any kernel transport (HTTP or in-process). */
export function createProjectsClient(transport: Transport) {
  const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token: string, body?: unknown) =>
    callService<T>(transport, method, `${BASE}${path}`, { token, ...(body === undefined ? {} : { body }) });
  const project = (id: string) => `/projects/${encodeURIComponent(id)}`;
  return {
    list: (token: string, query?: ProjectListQuery) =>
      call<Page<Project>>('GET', withQuery('/projects', query), token),
    get: (token: string, id: string) => call<Project>('GET', project(id), token),
    create: (token: string, body: CreateProjectBody) => call<Project>('POST', '/projects', token, body),
    update: (token: string, id: string, body: UpdateProjectBody) =>
      call<Project>('PUT', project(id), token, body),
    archive: (token: string, id: string) => call<Project>('POST', `${project(id)}/archive`, token),
    restore: (token: string, id: string) => call<Project>('POST', `${project(id)}/restore`, token),
    remove: (token: string, id: string) => call<null>('DELETE', project(id), token),
    analytics: (token: string, id: string) =>
      call<ProjectAnalytics>('GET', `${project(id)}/analytics`, token),
    listMilestones: (token: string, id: string, query?: MilestoneListQuery) =>
      call<Page<Milestone>>('GET', withQuery(`${project(id)}/milestones`, query), token),
    createMilestone: (token: string, id: string, body: CreateMilestoneBody) =>
      call<Milestone>('POST', `${project(id)}/milestones`, token, body),
    updateMilestone: (token: string, id: string, milestoneId: string, body: UpdateMilestoneBody) =>
      call<Milestone>('PUT', `${project(id)}/milestones/${encodeURIComponent(milestoneId)}`, token, body),
    deleteMilestone: (token: string, id: string, milestoneId: string) =>
      call<null>('DELETE', `${project(id)}/milestones/${encodeURIComponent(milestoneId)}`, token),
    listMembers: (token: string, id: string, query?: MemberListQuery) =>
      call<Page<ProjectMember>>('GET', withQuery(`${project(id)}/members`, query), token),
    addMember: (token: string, id: string, body: AddMemberBody) =>
      call<ProjectMember>('POST', `${project(id)}/members`, token, body),
    changeMemberRole: (token: string, id: string, userId: string, role: ProjectRole) =>
      call<ProjectMember>('PUT', `${project(id)}/members/${encodeURIComponent(userId)}`, token, { role }),
    removeMember: (token: string, id: string, userId: string) =>
      call<null>('DELETE', `${project(id)}/members/${encodeURIComponent(userId)}`, token),
    saveAsTemplate: (token: string, id: string, body: SaveAsTemplateBody) =>
      call<ProjectTemplate>('POST', `${project(id)}/save-as-template`, token, body),
    listTemplates: (token: string, query?: TemplateListQuery) =>
      call<Page<ProjectTemplate>>('GET', withQuery('/project-templates', query), token),
    getTemplate: (token: string, id: string) =>
      call<ProjectTemplate>('GET', `/project-templates/${encodeURIComponent(id)}`, token),
    deleteTemplate: (token: string, id: string) =>
      call<null>('DELETE', `/project-templates/${encodeURIComponent(id)}`, token),
  };
}
export type ProjectsClient = ReturnType<typeof createProjectsClient>;
