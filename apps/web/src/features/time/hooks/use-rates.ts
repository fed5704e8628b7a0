import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRate, deleteRate, listAllRates, updateRate } from '../rates.api.ts';
import { timeKeys } from '../time.keys.ts';
import type { UpdateRateBody } from '../time.types.ts';
import { refreshTime } from './use-time-mutations.ts';

/** Every hourly rate of the organization (its admins see them all). */
export function useRates(organizationId: string, enabled = true) {
  return useQuery({
    queryKey: timeKeys.rates(organizationId),
    queryFn: ({ signal }) => listAllRates(organizationId, signal),
    enabled: enabled && Boolean(organizationId),
  });
}

// Rates price the entries in reports: after any rate write (or a refused one) every time screen
// refetches, the rates list included (it sits under `timeKeys.all`).

export function useCreateRate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createRate, onSettled: () => refreshTime(queryClient) });
}

export function useUpdateRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateRateBody }) => updateRate(id, body),
    onSettled: () => refreshTime(queryClient),
  });
}

export function useDeleteRate() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteRate, onSettled: () => refreshTime(queryClient) });
}
