import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { formatRelative, formatShortDay } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { CheckCircleIcon } from '../../../shared/ui/icons.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { TimesheetReview } from '../components/timesheet-review.tsx';
import { TimeTabs } from '../components/time-tabs.tsx';
import { TimesheetStatusBadge } from '../components/week-status.tsx';
import { useApprovals } from '../hooks/use-approvals.ts';
import { useTimeNames } from '../hooks/use-time-names.ts';
import { formatHours } from '../time-format.ts';
import type { TimesheetStatus } from '../time.types.ts';

const STATUS_OPTIONS: { value: TimesheetStatus | ''; label: string }[] = [
  { value: 'submitted', label: 'Awaiting decision' },
  { value: 'approved', label: 'Approved' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'reopened', label: 'Reopened' },
  { value: '', label: 'All' },
];

/** `?status=`: a status, `all`, or nothing for the weeks awaiting a decision. */
function statusFromParam(value: string | null): TimesheetStatus | '' {
  if (value === 'all') {
    return '';
  }
  return STATUS_OPTIONS.find((option) => option.value === value && value !== '')?.value ?? 'submitted';
}

/** Timesheets the caller approves: a list of weeks, and the selected week's detail beside it. */
export function ApprovalsPage() {
  const { organization } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const status = statusFromParam(params.get('status'));
  const selected = params.get('timesheet');
  const [userId, setUserId] = useState('');
  const names = useTimeNames(organization.id);
  const approvals = useApprovals({
    organization_id: organization.id,
    status: status || undefined,
    user_id: userId || undefined,
  });
  const sheets = approvals.data?.pages.flatMap((page) => page.items) ?? [];

  const setParam = (name: string, value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) {
        next.set(name, value);
      } else {
        next.delete(name);
      }
      return next;
    });

  return (
    <Page
      title="Approvals"
      description="Weekly timesheets waiting for your decision, and the ones you decided."
      width="wide"
    >
      <TimeTabs />
      <div className="toolbar" role="search" aria-label="Filter timesheets">
        <select
          className="input select toolbar-select"
          aria-label="Status"
          value={status}
          onChange={(event) => setParam('status', event.target.value || 'all')}
        >
          {STATUS_OPTIONS.map((option) => (
            <option key={option.label} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <select
          className="input select toolbar-select"
          aria-label="Person"
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
        >
          <option value="">Everyone</option>
          {names.members.map((member) => (
            <option key={member.user_id} value={member.user_id}>
              {member.user.display_name}
            </option>
          ))}
        </select>
      </div>
      {approvals.error ? (
        <ErrorBanner error={approvals.error} onRetry={() => void approvals.refetch()} />
      ) : null}
      <div className="time-approvals">
        <div className="table-card time-approvals-list">
          {approvals.isPending ? (
            <div className="panel-state" aria-busy="true">
              <Skeleton width="80%" />
              <Skeleton width="60%" />
            </div>
          ) : sheets.length === 0 ? (
            <EmptyState
              compact
              icon={<CheckCircleIcon />}
              title={status === 'submitted' ? 'Nothing to approve' : 'No timesheets'}
              description={
                status === 'submitted'
                  ? 'Submitted weeks of the people whose time you approve show up here.'
                  : 'No week matches these filters.'
              }
            />
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Week</th>
                  <th scope="col" className="cell-num">
                    Hours
                  </th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {sheets.map((sheet) => (
                  <tr
                    key={sheet.id ?? `${sheet.user_id}-${sheet.week_start_date}`}
                    className={sheet.id === selected ? 'is-selected' : undefined}
                  >
                    <td>
                      <button
                        type="button"
                        className="row-link time-approvals-open"
                        aria-current={sheet.id === selected ? 'true' : undefined}
                        onClick={() => setParam('timesheet', sheet.id)}
                      >
                        {names.person(sheet.user_id)}
                      </button>
                      {sheet.submitted_at ? (
                        <span className="time-approvals-when">
                          submitted {formatRelative(sheet.submitted_at)}
                        </span>
                      ) : null}
                    </td>
                    <td className="nowrap">
                      {formatShortDay(sheet.week_start_date)} – {formatShortDay(sheet.week_end_date)}
                    </td>
                    <td className="cell-num">{formatHours(sheet.total_hours)}</td>
                    <td>
                      <TimesheetStatusBadge status={sheet.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {approvals.hasNextPage ? (
            <div className="load-more">
              <Button
                size="sm"
                isLoading={approvals.isFetchingNextPage}
                onClick={() => void approvals.fetchNextPage()}
              >
                Load more
              </Button>
            </div>
          ) : null}
        </div>
        <div className="time-approvals-detail">
          {selected ? (
            <TimesheetReview key={selected} id={selected} names={names} />
          ) : (
            <EmptyState
              compact
              iconTone="neutral"
              title="Pick a week"
              description="Its hours by project and day, its entries and its history show here."
            />
          )}
        </div>
      </div>
    </Page>
  );
}
