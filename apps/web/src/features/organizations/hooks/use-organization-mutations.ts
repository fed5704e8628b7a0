import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/problem.ts';
import { storeOrganizationId } from '../current-organization.storage.ts';
import {
  acceptInvitation,
  changeMemberRole,
  createOrganization,
  removeMember,
  updateOrganization,
} from '../organizations.api.ts';
import { organizationKeys } from '../organizations.keys.ts';
import type { Organization, OrgRole, UpdateOrganizationBody } from '../organization.types.ts';

/** A new or joined organization becomes the current one. */
function useEnterOrganization() {
  const queryClient = useQueryClient();
  return (organization: Organization) => {
    queryClient.setQueryData<Organization[]>(organizationKeys.list, (list = []) => [
      ...list.filter((org) => org.id !== organization.id),
      organization,
    ]);
    storeOrganizationId(organization.id);
    void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
  };
}

export function useCreateOrganization() {
  return useMutation({ mutationFn: createOrganization, onSuccess: useEnterOrganization() });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (token: string) => acceptInvitation(token),
    onSuccess: useEnterOrganization(),
  });
}

export function useUpdateOrganization(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganizationBody) => updateOrganization(id, body),
    onSuccess: (saved) =>
      queryClient.setQueryData<Organization[]>(organizationKeys.list, (list = []) =>
        list.map((org) => (org.id === saved.id ? saved : org)),
      ),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
      }
    },
  });
}

export function useChangeMemberRole(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrgRole }) =>
      changeMemberRole(organizationId, userId, role),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.members(organizationId) });
      // The caller may have changed their own role.
      void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
    },
  });
}

export function useRemoveMember(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(organizationId, userId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organizationKeys.members(organizationId) });
      void queryClient.invalidateQueries({ queryKey: organizationKeys.list });
    },
  });
}
