import type { EntryFilters } from './time.types.ts';

/** React Query keys of time data; invalidating `all` refreshes every time screen. */
export const timeKeys = {
  all: ['time'] as const,
  /** The caller's running timer (`{ entry }`). */
  timer: () => ['time', 'timer'] as const,
  entries: () => ['time', 'entries'] as const,
  entryList: (filters: EntryFilters) => ['time', 'entries', filters] as const,
  timesheets: () => ['time', 'timesheet'] as const,
  /** The caller's week holding `week` (YYYY-MM-DD) in an organization. */
  timesheet: (week: string, organizationId: string | undefined) =>
    ['time', 'timesheet', week, organizationId ?? null] as const,
  /** Every hourly rate of an organization (its admins' rates page). */
  rates: (organizationId: string) => ['time', 'rates', organizationId] as const,
};
