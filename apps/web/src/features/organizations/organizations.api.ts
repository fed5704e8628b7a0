import { apiClient } from '../../shared/api/client.ts';
import { collectPages, seg, withQuery, type Page } from '../../shared/api/page.ts';
import type {
  CreateInvitationBody,
  CreateOrganizationBody,
  Invitation,
  InvitationLookup,
  InvitationStatus,
  Organization,
  OrganizationMember,
  OrgRole,
  UpdateOrganizationBody,
} from './organization.types.ts';

const { request } = apiClient;
const org = (id: string) => `/organizations/${seg(id)}`;
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

/** Every organization the caller belongs to (people belong to a handful). */
export function listOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  return collectPages((cursor) =>
    request<Page<Organization>>(withQuery('/organizations', { limit: 100, cursor }), opts(signal)),
  );
}

export function createOrganization(body: CreateOrganizationBody): Promise<Organization> {
  return request<Organization>('/organizations', { method: 'POST', body });
}

export function updateOrganization(id: string, body: UpdateOrganizationBody): Promise<Organization> {
  return request<Organization>(org(id), { method: 'PUT', body });
}

/** Every member: the members page, pickers for teams and projects, and names for ids all need them. */
export function listMembers(id: string, signal?: AbortSignal): Promise<OrganizationMember[]> {
  return collectPages((cursor) =>
    request<Page<OrganizationMember>>(withQuery(`${org(id)}/members`, { limit: 100, cursor }), opts(signal)),
  );
}

export function changeMemberRole(id: string, userId: string, role: OrgRole): Promise<OrganizationMember> {
  return request<OrganizationMember>(`${org(id)}/members/${seg(userId)}`, { method: 'PUT', body: { role } });
}

export function removeMember(id: string, userId: string): Promise<void> {
  return request<void>(`${org(id)}/members/${seg(userId)}`, { method: 'DELETE' });
}

export function listInvitations(
  id: string,
  status: InvitationStatus | undefined,
  signal?: AbortSignal,
): Promise<Invitation[]> {
  return collectPages((cursor) =>
    request<Page<Invitation>>(
      withQuery(`${org(id)}/invitations`, { status, limit: 100, cursor }),
      opts(signal),
    ),
  );
}

export function invite(id: string, body: CreateInvitationBody): Promise<Invitation> {
  return request<Invitation>(`${org(id)}/invitations`, { method: 'POST', body });
}

export function revokeInvitation(invitationId: string): Promise<void> {
  return request<void>(`/invitations/${seg(invitationId)}`, { method: 'DELETE' });
}

export function resendInvitation(invitationId: string): Promise<Invitation> {
  return request<Invitation>(`/invitations/${seg(invitationId)}/resend`, { method: 'POST' });
}

/** Public: what the emailed link is about, before the person signs in or up. */
export function lookupInvitation(token: string, signal?: AbortSignal): Promise<InvitationLookup> {
  return request<InvitationLookup>(withQuery('/invitations/lookup', { token }), {
    auth: false,
    ...opts(signal),
  });
}

export function acceptInvitation(token: string): Promise<Organization> {
  return request<Organization>('/invitations/accept', { method: 'POST', body: { token } });
}
