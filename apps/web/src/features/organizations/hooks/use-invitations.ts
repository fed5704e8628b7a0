import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invite,
  listInvitations,
  lookupInvitation,
  resendInvitation,
  revokeInvitation,
} from '../organizations.api.ts';
import { organizationKeys } from '../organizations.keys.ts';
import type { CreateInvitationBody, InvitationStatus } from '../organization.types.ts';

export function useInvitations(organizationId: string, status: InvitationStatus | 'all', enabled = true) {
  return useQuery({
    queryKey: organizationKeys.invitations(organizationId, status),
    queryFn: ({ signal }) => listInvitations(organizationId, status === 'all' ? undefined : status, signal),
    enabled,
  });
}

export function useInvitationLookup(token: string) {
  return useQuery({
    queryKey: organizationKeys.lookup(token),
    queryFn: ({ signal }) => lookupInvitation(token, signal),
    enabled: token !== '',
    staleTime: 60_000,
  });
}

function useInvitationsChanged(organizationId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: organizationKeys.allInvitations(organizationId) });
}

export function useInvite(organizationId: string) {
  return useMutation({
    mutationFn: (body: CreateInvitationBody) => invite(organizationId, body),
    onSuccess: useInvitationsChanged(organizationId),
  });
}

export function useRevokeInvitation(organizationId: string) {
  return useMutation({ mutationFn: revokeInvitation, onSettled: useInvitationsChanged(organizationId) });
}

export function useResendInvitation(organizationId: string) {
  return useMutation({ mutationFn: resendInvitation, onSettled: useInvitationsChanged(organizationId) });
}
