import type { InvitationStatus } from './organization.types.ts';

/** React Query keys of organization data (users service). */
export const organizationKeys = {
  all: ['organizations'] as const,
  list: ['organizations', 'list'] as const,
  members: (id: string) => ['organizations', id, 'members'] as const,
  invitations: (id: string, status: InvitationStatus | 'all') =>
    ['organizations', id, 'invitations', status] as const,
  allInvitations: (id: string) => ['organizations', id, 'invitations'] as const,
  lookup: (token: string) => ['invitation-lookup', token] as const,
};
