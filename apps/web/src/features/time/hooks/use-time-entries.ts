import { useQuery } from '@tanstack/react-query';
import { getRunningTimer, listAllEntries } from '../time.api.ts';
import { timeKeys } from '../time.keys.ts';
import type { EntryFilters } from '../time.types.ts';

/** How often the running timer is re-read, so a timer started in another tab shows up. */
const TIMER_REFRESH_MS = 60_000;

/** The caller's running timer (null when none runs). */
export function useRunningTimer() {
  return useQuery({
    queryKey: timeKeys.timer(),
    queryFn: ({ signal }) => getRunningTimer(signal),
    refetchInterval: TIMER_REFRESH_MS,
  });
}

/** Every entry matching `filters` (a task's entries, a day of the week). */
export function useTimeEntries(filters: EntryFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: timeKeys.entryList(filters),
    queryFn: ({ signal }) => listAllEntries(filters, signal),
    enabled: options.enabled ?? true,
  });
}
