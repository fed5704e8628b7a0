import { apiClient } from '../../shared/api/client.ts';
import { seg, withQuery, type Page } from '../../shared/api/page.ts';
import type {
  AddMemberBody,
  CreateMilestoneBody,
  CreateProjectBody,
  Milestone,
  Project,
  ProjectAnalytics,
  ProjectListQuery,
  ProjectMember,
  ProjectRole,
  ProjectTemplate,
  SaveAsTemplateBody,
  UpdateMilestoneBody,
  UpdateProjectBody,
} from './project.types.ts';

const { request } = apiClient;
const project = (id: string) => `/projects/${seg(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function listProjects(query: ProjectListQuery, signal?: AbortSignal): Promise<Page<Project>> {
  return request<Page<Project>>(withQuery('/projects', { ...query }), opts(signal));
}

export function getProject(id: string, signal?: AbortSignal): Promise<Project> {
  return request<Project>(project(id), opts(signal));
}

export function createProject(body: CreateProjectBody): Promise<Project> {
  return request<Project>('/projects', { method: 'POST', body });
}

export function updateProject(id: string, body: UpdateProjectBody): Promise<Project> {
  return request<Project>(project(id), { method: 'PUT', body });
}

export function archiveProject(id: string): Promise<Project> {
  return request<Project>(`${project(id)}/archive`, { method: 'POST' });
}

export function restoreProject(id: string): Promise<Project> {
  return request<Project>(`${project(id)}/restore`, { method: 'POST' });
}

export function deleteProject(id: string): Promise<void> {
  return request<void>(project(id), { method: 'DELETE' });
}

export function getProjectAnalytics(id: string, signal?: AbortSignal): Promise<ProjectAnalytics> {
  return request<ProjectAnalytics>(`${project(id)}/analytics`, opts(signal));
}

export function listMilestones(id: string, cursor?: string, signal?: AbortSignal): Promise<Page<Milestone>> {
  return request<Page<Milestone>>(
    withQuery(`${project(id)}/milestones`, { limit: 100, cursor }),
    opts(signal),
  );
}

export function createMilestone(id: string, body: CreateMilestoneBody): Promise<Milestone> {
  return request<Milestone>(`${project(id)}/milestones`, { method: 'POST', body });
}

export function updateMilestone(
  id: string,
  milestoneId: string,
  body: UpdateMilestoneBody,
): Promise<Milestone> {
  return request<Milestone>(`${project(id)}/milestones/${seg(milestoneId)}`, { method: 'PUT', body });
}

export function deleteMilestone(id: string, milestoneId: string): Promise<void> {
  return request<void>(`${project(id)}/milestones/${seg(milestoneId)}`, { method: 'DELETE' });
}

export function listProjectMembers(
  id: string,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<ProjectMember>> {
  return request<Page<ProjectMember>>(
    withQuery(`${project(id)}/members`, { limit: 100, cursor }),
    opts(signal),
  );
}

export function addProjectMember(id: string, body: AddMemberBody): Promise<ProjectMember> {
  return request<ProjectMember>(`${project(id)}/members`, { method: 'POST', body });
}

export function changeProjectMemberRole(
  id: string,
  userId: string,
  role: ProjectRole,
): Promise<ProjectMember> {
  return request<ProjectMember>(`${project(id)}/members/${seg(userId)}`, { method: 'PUT', body: { role } });
}

export function removeProjectMember(id: string, userId: string): Promise<void> {
  return request<void>(`${project(id)}/members/${seg(userId)}`, { method: 'DELETE' });
}

export function saveProjectAsTemplate(id: string, body: SaveAsTemplateBody): Promise<ProjectTemplate> {
  return request<ProjectTemplate>(`${project(id)}/save-as-template`, { method: 'POST', body });
}

export function listTemplates(
  organizationId: string,
  cursor?: string,
  signal?: AbortSignal,
): Promise<Page<ProjectTemplate>> {
  return request<Page<ProjectTemplate>>(
    withQuery('/project-templates', { organization_id: organizationId, limit: 100, cursor }),
    opts(signal),
  );
}
