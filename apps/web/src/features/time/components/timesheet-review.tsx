import { useState } from 'react';
import { formatDateTime, formatShortDay } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { PageSpinner } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useDecideTimesheet, useTimesheetById, type Decision } from '../hooks/use-approvals.ts';
import { formatHours, formatMinutes } from '../time-format.ts';
import { projectDayMatrix } from '../timesheet-matrix.ts';
import type { Timesheet } from '../time.types.ts';
import { TimesheetStatusBadge } from './week-status.tsx';

interface Names {
  person: (userId: string) => string;
  project: (projectId: string | null) => string;
}

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' });
const weekday = (day: string) => weekdayFormat.format(new Date(`${day}T00:00:00Z`));

function WeekByProject({ timesheet, names }: { timesheet: Timesheet; names: Names }) {
  const { days, rows } = projectDayMatrix(timesheet);
  return (
    <div className="table-card">
      <table className="table time-review-table">
        <caption className="visually-hidden">Hours by project and day</caption>
        <thead>
          <tr>
            <th scope="col">Project</th>
            {days.map((day) => (
              <th key={day} scope="col" className="cell-num">
                {weekday(day)} {formatShortDay(day)}
              </th>
            ))}
            <th scope="col" className="cell-num">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.projectId ?? 'none'}>
              <th scope="row">{names.project(row.projectId)}</th>
              {row.minutes.map((minutes, index) => (
                <td key={days[index]} className="cell-num">
                  {formatMinutes(minutes, true)}
                </td>
              ))}
              <td className="cell-num">{formatMinutes(row.total)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {timesheet.totals.by_day.map((day) => (
              <td key={day.date} className="cell-num">
                {formatMinutes(day.minutes, true)}
              </td>
            ))}
            <td className="cell-num">{formatMinutes(timesheet.totals.minutes)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function EntryList({ timesheet, names }: { timesheet: Timesheet; names: Names }) {
  return (
    <ul className="time-review-entries" aria-label="Entries">
      {timesheet.entries.map((entry) => (
        <li key={entry.id} className="time-review-entry">
          <span className="time-review-entry-day">{formatShortDay(entry.entry_date)}</span>
          <span className="time-review-entry-what">
            {entry.task_key ? <span className="time-review-entry-key">{entry.task_key}</span> : null}
            {entry.description || names.project(entry.project_id)}
          </span>
          <span>{entry.billable ? <span className="badge badge-accent">Billable</span> : null}</span>
          <span className="cell-num">
            {entry.duration_minutes === null ? 'Running' : formatMinutes(entry.duration_minutes)}
          </span>
        </li>
      ))}
    </ul>
  );
}

const ACTION_LABELS: Record<string, string> = {
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  reopened: 'Reopened',
};

function History({ timesheet, names }: { timesheet: Timesheet; names: Names }) {
  return (
    <ol className="time-review-history" aria-label="History">
      {timesheet.history.map((item) => (
        <li key={`${item.action}-${item.at}`}>
          <strong>{ACTION_LABELS[item.action] ?? item.action}</strong> by {names.person(item.actor_id)},{' '}
          {formatDateTime(item.at)}
          {item.reason ? <q className="time-review-reason">{item.reason}</q> : null}
        </li>
      ))}
    </ol>
  );
}

/** Asks the reason of a rejection (required) or of a reopening (optional). */
function ReasonDialog({
  action,
  isPending,
  error,
  onSubmit,
  onClose,
}: {
  action: 'reject' | 'reopen' | null;
  isPending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const rejecting = action === 'reject';
  return (
    <Dialog
      open={action !== null}
      onClose={onClose}
      title={rejecting ? 'Reject timesheet' : 'Reopen timesheet'}
      description={
        rejecting
          ? 'The person sees the reason, fixes the week and submits it again.'
          : 'The week unlocks: its person can change entries and submit it again.'
      }
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant={rejecting ? 'destructive' : 'primary'}
            isLoading={isPending}
            disabled={rejecting && reason.trim() === ''}
            onClick={() => onSubmit(reason.trim())}
          >
            {rejecting ? 'Reject' : 'Reopen'}
          </Button>
        </>
      }
    >
      {error ? <ErrorBanner error={error} /> : null}
      <TextAreaField
        label="Reason"
        name="reason"
        optional={!rejecting}
        maxLength={2000}
        rows={3}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </Dialog>
  );
}

/** One submitted week for its approver: hours by project and day, entries, history, decision. */
export function TimesheetReview({ id, names }: { id: string; names: Names }) {
  const timesheet = useTimesheetById(id);
  const decision = useDecideTimesheet(id);
  const toast = useToast();
  const [asking, setAsking] = useState<'reject' | 'reopen' | null>(null);

  if (timesheet.isPending) {
    return <PageSpinner label="Loading the timesheet…" />;
  }
  if (timesheet.error) {
    return <ErrorBanner error={timesheet.error} onRetry={() => void timesheet.refetch()} />;
  }
  const sheet = timesheet.data;
  const person = names.person(sheet.user_id);
  const run = (next: Decision, done: string) =>
    decision.mutate(next, {
      onSuccess: () => {
        setAsking(null);
        toast.show(done, 'success');
      },
    });

  return (
    <section className="time-review" aria-label={`Timesheet of ${person}`}>
      <header className="time-review-header">
        <div>
          <h2 className="card-title">
            {person} · {formatShortDay(sheet.week_start_date)} – {formatShortDay(sheet.week_end_date)}
          </h2>
          <p className="card-description">
            {formatHours(sheet.totals.hours)} total, {formatHours(sheet.totals.billable_hours)} billable ·
            days in {sheet.time_zone}
          </p>
        </div>
        <TimesheetStatusBadge status={sheet.status} />
      </header>
      {sheet.status === 'rejected' && sheet.rejection_reason ? (
        <p className="time-review-reason-line">
          Rejected: <q>{sheet.rejection_reason}</q>
        </p>
      ) : null}
      {decision.error && asking === null ? <ErrorBanner error={decision.error} /> : null}
      <div className="time-review-actions">
        {sheet.status === 'submitted' ? (
          <>
            <Button
              variant="primary"
              isLoading={decision.isPending && decision.variables.action === 'approve'}
              onClick={() => run({ action: 'approve' }, `Approved the week of ${person}`)}
            >
              Approve
            </Button>
            <Button variant="danger" onClick={() => setAsking('reject')}>
              Reject…
            </Button>
          </>
        ) : null}
        {sheet.status === 'approved' || sheet.status === 'rejected' ? (
          <Button onClick={() => setAsking('reopen')}>Reopen…</Button>
        ) : null}
      </div>
      <WeekByProject timesheet={sheet} names={names} />
      <h3 className="time-review-subtitle">Entries</h3>
      <EntryList timesheet={sheet} names={names} />
      <h3 className="time-review-subtitle">History</h3>
      <History timesheet={sheet} names={names} />
      <ReasonDialog
        key={asking ?? 'closed'}
        action={asking}
        isPending={decision.isPending}
        error={asking ? decision.error : null}
        onClose={() => {
          setAsking(null);
          decision.reset();
        }}
        onSubmit={(reason) =>
          asking === 'reject'
            ? run({ action: 'reject', reason }, `Rejected the week of ${person}`)
            : run(
                reason ? { action: 'reopen', reason } : { action: 'reopen' },
                `Reopened the week of ${person}`,
              )
        }
      />
    </section>
  );
}
