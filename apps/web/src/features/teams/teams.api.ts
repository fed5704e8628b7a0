import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';
import type {
  AddTeamMemberBody,
  CreateTeamBody,
  Team,
  TeamMember,
  TeamRole,
  UpdateTeamBody,
} from './team.types.ts';

const { request } = apiClient;
const team = (id: string) => `/teams/${seg(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every team of an organization: pickers and filters need the whole (short) list. */
export function listTeams(organizationId: string, signal?: AbortSignal): Promise<Team[]> {
  return collectPages((cursor) =>
    request<Page<Team>>(
      withQuery('/teams', { organization_id: organizationId, limit: 100, cursor }),
      opts(signal),
    ),
  );
}

export function getTeam(id: string, signal?: AbortSignal): Promise<Team> {
  return request<Team>(team(id), opts(signal));
}

export function createTeam(body: CreateTeamBody): Promise<Team> {
  return request<Team>('/teams', { method: 'POST', body });
}

export function updateTeam(id: string, body: UpdateTeamBody): Promise<Team> {
  return request<Team>(team(id), { method: 'PUT', body });
}

export function deleteTeam(id: string): Promise<void> {
  return request<void>(team(id), { method: 'DELETE' });
}

export function listTeamMembers(id: string, signal?: AbortSignal): Promise<TeamMember[]> {
  return collectPages((cursor) =>
    request<Page<TeamMember>>(withQuery(`${team(id)}/members`, { limit: 100, cursor }), opts(signal)),
  );
}

export function addTeamMember(id: string, body: AddTeamMemberBody): Promise<TeamMember> {
  return request<TeamMember>(`${team(id)}/members`, { method: 'POST', body });
}

export function changeTeamMemberRole(id: string, userId: string, role: TeamRole): Promise<TeamMember> {
  return request<TeamMember>(`${team(id)}/members/${seg(userId)}`, { method: 'PUT', body: { role } });
}

export function removeTeamMember(id: string, userId: string): Promise<void> {
  return request<void>(`${team(id)}/members/${seg(userId)}`, { method: 'DELETE' });
}
