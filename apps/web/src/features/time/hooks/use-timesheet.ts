import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getTimesheet } from '../time.api.ts';
import { timeKeys } from '../time.keys.ts';

/** The caller's week holding `week` (YYYY-MM-DD, any day of it) in an organization. */
export function useTimesheet(week: string, organizationId: string | undefined) {
  return useQuery({
    queryKey: timeKeys.timesheet(week, organizationId),
    queryFn: ({ signal }) => getTimesheet(week, organizationId, signal),
    // Keep the old week on screen while the next one loads, instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}
