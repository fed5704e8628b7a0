import { useQuery } from '@tanstack/react-query';
import { today } from '../../../shared/format/date.ts';
import { getMyWork } from '../my-work.api.ts';
import { taskKeys } from '../tasks.keys.ts';

/** Under `taskKeys.all`, so any task change (here or live) refreshes it with the other lists. */
export const myWorkKey = (day: string) => [...taskKeys.all, 'my-work', day] as const;

/** The caller's open tasks by due date, relative to their local today. */
export function useMyWork() {
  const day = today();
  return useQuery({
    queryKey: myWorkKey(day),
    queryFn: ({ signal }) => getMyWork(day, signal),
  });
}
