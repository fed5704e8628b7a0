import { formatDateTime } from '../../../shared/format/date.ts';
import { Banner } from '../../../shared/ui/banner.tsx';
import type { Timesheet, TimesheetStatus } from '../time.types.ts';

export const STATUS_LABELS: Record<TimesheetStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  reopened: 'Reopened',
};

const STATUS_BADGES: Record<TimesheetStatus, string> = {
  draft: 'badge',
  submitted: 'badge badge-accent',
  approved: 'badge badge-success',
  rejected: 'badge badge-danger',
  reopened: 'badge badge-warning',
};

export function TimesheetStatusBadge({ status }: { status: TimesheetStatus }) {
  return <span className={STATUS_BADGES[status]}>{STATUS_LABELS[status]}</span>;
}

/** What the week's status means for the person: locked, waiting, or to be fixed. */
export function WeekStatusBanner({ sheet }: { sheet: Timesheet }) {
  if (sheet.status === 'approved') {
    return (
      <Banner tone="success" title="This week is approved and locked">
        {sheet.approved_at ? `Approved ${formatDateTime(sheet.approved_at)}. ` : ''}
        Its entries can't be changed until an admin reopens it.
      </Banner>
    );
  }
  if (sheet.status === 'rejected') {
    return (
      <Banner tone="warning" title="This week was rejected">
        {sheet.rejection_reason ? `Reason: ${sheet.rejection_reason}. ` : ''}Fix it and submit it again.
      </Banner>
    );
  }
  if (sheet.status === 'submitted') {
    return (
      <Banner tone="info" title="Submitted for approval">
        {sheet.submitted_at ? `Sent ${formatDateTime(sheet.submitted_at)}. ` : ''}Waiting for an approver's
        decision.
      </Banner>
    );
  }
  return null;
}
