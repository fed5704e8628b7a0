import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  approveTimesheet,
  getTimesheetById,
  listApprovals,
  rejectTimesheet,
  reopenTimesheet,
  type ApprovalFilters,
} from '../approvals.api.ts';
import { timeKeys } from '../time.keys.ts';
import type { Timesheet } from '../time.types.ts';
import { refreshTime } from './use-time-mutations.ts';

const PAGE_SIZE = 25;

/** Keys under `timeKeys.all`: any time write refreshes the approval screens too. */
export const approvalKeys = {
  lists: () => [...timeKeys.all, 'approvals'] as const,
  list: (filters: ApprovalFilters) => [...timeKeys.all, 'approvals', filters] as const,
  detail: (id: string) => [...timeKeys.all, 'timesheet-by-id', id] as const,
};

/** The timesheets awaiting (or past) the caller's decision, newest week first, a page at a time. */
export function useApprovals(filters: ApprovalFilters) {
  return useInfiniteQuery({
    queryKey: approvalKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      listApprovals({ ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: Boolean(filters.organization_id),
  });
}

export function useTimesheetById(id: string | null) {
  return useQuery({
    queryKey: approvalKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getTimesheetById(id ?? '', signal),
    enabled: Boolean(id),
  });
}

export type Decision =
  { action: 'approve' } | { action: 'reject'; reason: string } | { action: 'reopen'; reason?: string };

function decide(id: string, decision: Decision): Promise<Timesheet> {
  switch (decision.action) {
    case 'approve':
      return approveTimesheet(id);
    case 'reject':
      return rejectTimesheet(id, decision.reason);
    case 'reopen':
      return reopenTimesheet(id, decision.reason);
  }
}

/** Approve, reject or reopen a week; every time screen refetches after (locks change). */
export function useDecideTimesheet(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: Decision) => decide(id, decision),
    onSuccess: (timesheet) => queryClient.setQueryData(approvalKeys.detail(id), timesheet),
    onSettled: () => refreshTime(queryClient),
  });
}
