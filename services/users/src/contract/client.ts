import { callService, type Page, type Transport } from '@pm/kernel';
import type {
  AddTeamMemberBody,
  CreateInvitationBody,
  CreateOrganizationBody,
  CreateTeamBody,
  Invitation,
  InvitationListQuery,
  InvitationLookup,
  Me,
  MemberListQuery,
  Organization,
  OrganizationListQuery,
  OrganizationMember,
  OrgRole,
  Team,
  TeamListQuery,
  TeamMember,
  TeamMemberListQuery,
  TeamRole,
  UpdateOrganizationBody,
  UpdateTeamBody,
  UpdateUserBody,
  User,
  UserListQuery,
  UserSummary,
  UserTeam,
  UserTeamListQuery,
} from './http.ts';

const BASE = '/api/v1';
type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const id = (value: string) => encodeURIComponent(value);

/** Typed client of the users service, over any kernel transport (HTTP or in-process). */
export function createUsersClient(transport: Transport) {
  const call = <T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, token?: string, body?: unknown) =>
    callService<T>(transport, method, `${BASE}${path}`, {
      ...(token === undefined ? {} : { token }),
      ...(body === undefined ? {} : { body }),
    });
  const org = (orgId: string) => `/organizations/${id(orgId)}`;
  const team = (teamId: string) => `/teams/${id(teamId)}`;
  return {
    me: (token: string) => call<Me>('GET', '/users/me', token),
    listUsers: (token: string, query?: UserListQuery) =>
      call<Page<UserSummary>>('GET', withQuery('/users', query), token),
    getUser: (token: string, userId: string) => call<User>('GET', `/users/${id(userId)}`, token),
    updateUser: (token: string, userId: string, body: UpdateUserBody) =>
      call<User>('PUT', `/users/${id(userId)}`, token, body),
    deleteUser: (token: string, userId: string) => call<null>('DELETE', `/users/${id(userId)}`, token),
    userTeams: (token: string, userId: string, query?: UserTeamListQuery) =>
      call<Page<UserTeam>>('GET', withQuery(`/users/${id(userId)}/teams`, query), token),

    listOrganizations: (token: string, query?: OrganizationListQuery) =>
      call<Page<Organization>>('GET', withQuery('/organizations', query), token),
    createOrganization: (token: string, body: CreateOrganizationBody) =>
      call<Organization>('POST', '/organizations', token, body),
    getOrganization: (token: string, orgId: string) => call<Organization>('GET', org(orgId), token),
    updateOrganization: (token: string, orgId: string, body: UpdateOrganizationBody) =>
      call<Organization>('PUT', org(orgId), token, body),
    listMembers: (token: string, orgId: string, query?: MemberListQuery) =>
      call<Page<OrganizationMember>>('GET', withQuery(`${org(orgId)}/members`, query), token),
    changeMemberRole: (token: string, orgId: string, userId: string, role: OrgRole) =>
      call<OrganizationMember>('PUT', `${org(orgId)}/members/${id(userId)}`, token, { role }),
    removeMember: (token: string, orgId: string, userId: string) =>
      call<null>('DELETE', `${org(orgId)}/members/${id(userId)}`, token),

    listTeams: (token: string, query?: TeamListQuery) =>
      call<Page<Team>>('GET', withQuery('/teams', query), token),
    createTeam: (token: string, body: CreateTeamBody) => call<Team>('POST', '/teams', token, body),
    getTeam: (token: string, teamId: string) => call<Team>('GET', team(teamId), token),
    updateTeam: (token: string, teamId: string, body: UpdateTeamBody) =>
      call<Team>('PUT', team(teamId), token, body),
    deleteTeam: (token: string, teamId: string) => call<null>('DELETE', team(teamId), token),
    listTeamMembers: (token: string, teamId: string, query?: TeamMemberListQuery) =>
      call<Page<TeamMember>>('GET', withQuery(`${team(teamId)}/members`, query), token),
    addTeamMember: (token: string, teamId: string, body: AddTeamMemberBody) =>
      call<TeamMember>('POST', `${team(teamId)}/members`, token, body),
    changeTeamMemberRole: (token: string, teamId: string, userId: string, role: TeamRole) =>
      call<TeamMember>('PUT', `${team(teamId)}/members/${id(userId)}`, token, { role }),
    removeTeamMember: (token: string, teamId: string, userId: string) =>
      call<null>('DELETE', `${team(teamId)}/members/${id(userId)}`, token),

    invite: (token: string, orgId: string, body: CreateInvitationBody) =>
      call<Invitation>('POST', `${org(orgId)}/invitations`, token, body),
    listInvitations: (token: string, orgId: string, query?: InvitationListQuery) =>
      call<Page<Invitation>>('GET', withQuery(`${org(orgId)}/invitations`, query), token),
    lookupInvitation: (invitationToken: string) =>
      call<InvitationLookup>('GET', withQuery('/invitations/lookup', { token: invitationToken })),
    acceptInvitation: (token: string, invitationToken: string) =>
      call<Organization>('POST', '/invitations/accept', token, { token: invitationToken }),
    revokeInvitation: (token: string, invitationId: string) =>
      call<null>('DELETE', `/invitations/${id(invitationId)}`, token),
    resendInvitation: (token: string, invitationId: string) =>
      call<Invitation>('POST', `/invitations/${id(invitationId)}/resend`, token),
  };
}
export type UsersClient = ReturnType<typeof createUsersClient>;
