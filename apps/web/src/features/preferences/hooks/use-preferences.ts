import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, UpdateUserBody } from '@pm/users/contract';
import { ApiError } from '../../../shared/api/problem.ts';
import { getMe, updateUser } from '../preferences.api.ts';

const meKey = ['users', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: ({ signal }) => getMe(signal) });
}

/** Saves part of the profile; the answer carries the new version for the next save. */
export function useUpdateMe(me: Me) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<UpdateUserBody, 'version'>) =>
      updateUser(me.id, {
        ...body,
        version: queryClient.getQueryData<Me>(meKey)?.profile.version ?? me.profile.version,
      }),
    onSuccess: (user) =>
      queryClient.setQueryData<Me>(meKey, (current) => (current ? { ...current, ...user } : current)),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: meKey });
      }
    },
  });
}
