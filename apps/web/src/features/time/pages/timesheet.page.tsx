import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../shared/api/problem.ts';
import { formatDay } from '../../../shared/format/date.ts';
import { Banner, ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { PageSpinner } from '../../../shared/ui/spinner.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { TaskDrawer } from '../../tasks/components/task-drawer.tsx';
import { AddTimesheetRow } from '../components/add-timesheet-row.tsx';
import { TimeTabs } from '../components/time-tabs.tsx';
import { TimesheetGrid } from '../components/timesheet-grid.tsx';
import { TimesheetStatusBadge, WeekStatusBanner } from '../components/week-status.tsx';
import { useCellEditor } from '../hooks/use-cell-editor.ts';
import { useSubmitTimesheet } from '../hooks/use-time-mutations.ts';
import { useTimesheet } from '../hooks/use-timesheet.ts';
import { addDays, formatHours, formatMinutes, todayIn } from '../time-format.ts';
import { buildGrid, rowKey, type RowTarget } from '../timesheet-grid.ts';
import type { Timesheet } from '../time.types.ts';

const WEEK_PARAM = 'week';
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The caller's week as a grid of tasks by days: type durations, add rows, submit for approval. */
export function TimesheetPage() {
  const { organization } = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const asked = params.get(WEEK_PARAM);
  const week = asked && DAY.test(asked) ? asked : todayIn(browserZone());
  const sheet = useTimesheet(week, organization.id);
  const goTo = (day: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (day) {
          next.set(WEEK_PARAM, day);
        } else {
          next.delete(WEEK_PARAM);
        }
        return next;
      },
      { replace: false },
    );

  return (
    <Page title="Timesheet" width="wide" description="Your week: type 1:30 or 1.5 in a day to log time.">
      <TimeTabs />
      {sheet.isPending ? (
        <PageSpinner label="Loading your week…" />
      ) : sheet.isError ? (
        <ErrorBanner
          title="We couldn't load your week"
          error={sheet.error}
          onRetry={() => void sheet.refetch()}
        />
      ) : (
        <LoadedWeek
          key={sheet.data.week_start_date}
          sheet={sheet.data}
          isLoadingWeek={sheet.isPlaceholderData}
          onPrevious={() => goTo(addDays(sheet.data.week_start_date, -7))}
          onNext={() => goTo(addDays(sheet.data.week_start_date, 7))}
          onThisWeek={() => goTo(null)}
        />
      )}
      <TaskDrawer />
    </Page>
  );
}

interface LoadedWeekProps {
  sheet: Timesheet;
  /** The week shown is the previous one, kept on screen while the asked one loads. */
  isLoadingWeek: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onThisWeek: () => void;
}

function LoadedWeek({ sheet, isLoadingWeek, onPrevious, onNext, onThisWeek }: LoadedWeekProps) {
  const [added, setAdded] = useState<RowTarget[]>([]);
  const editor = useCellEditor(sheet);
  const submit = useSubmitTimesheet();
  const days = useMemo(
    () => Array.from({ length: 7 }, (_, i) => addDays(sheet.week_start_date, i)),
    [sheet.week_start_date],
  );
  const grid = useMemo(() => buildGrid(sheet.entries, days, added), [sheet.entries, days, added]);
  const today = todayIn(sheet.time_zone);
  const isThisWeek = today >= sheet.week_start_date && today <= sheet.week_end_date;
  const canSubmit = ['draft', 'rejected', 'reopened'].includes(sheet.status) && grid.minutes > 0;

  return (
    <section className="timesheet" aria-label="Week" aria-busy={isLoadingWeek || undefined}>
      <div className="timesheet-toolbar">
        <div className="timesheet-week-nav">
          <Button size="sm" variant="ghost" onClick={onPrevious} aria-label="Previous week">
            ←
          </Button>
          <h2 className="timesheet-week-title">
            {formatDay(sheet.week_start_date)} – {formatDay(sheet.week_end_date)}
          </h2>
          <Button size="sm" variant="ghost" onClick={onNext} aria-label="Next week">
            →
          </Button>
          {isThisWeek ? null : (
            <Button size="sm" variant="ghost" onClick={onThisWeek}>
              This week
            </Button>
          )}
          <TimesheetStatusBadge status={sheet.status} />
        </div>
        <div className="timesheet-summary">
          <span>
            Total <strong>{formatMinutes(grid.minutes)}</strong>
          </span>
          <span>
            Billable <strong>{formatMinutes(grid.billableMinutes)}</strong>
          </span>
          <span className="muted">Times in {sheet.time_zone}</span>
          <Button
            size="sm"
            variant="primary"
            disabled={!canSubmit}
            isLoading={submit.isPending}
            title={canSubmit ? undefined : 'Log time in a draft, rejected or reopened week to submit it'}
            onClick={() =>
              submit.mutate({ week: sheet.week_start_date, organizationId: sheet.organization_id })
            }
          >
            Submit week
          </Button>
        </div>
      </div>
      <WeekStatusBanner sheet={sheet} />
      {submit.isError ? (
        <Banner tone="error" title="The week was not submitted">
          {describeError(submit.error)}
        </Banner>
      ) : null}
      {editor.error ? (
        <Banner
          tone="error"
          title="That change was refused"
          action={
            <Button size="sm" variant="ghost" onClick={editor.dismissError}>
              Dismiss
            </Button>
          }
        >
          {editor.error}
        </Banner>
      ) : null}
      {grid.rows.length === 0 ? (
        <p className="timesheet-empty muted">
          Nothing logged this week yet ({formatHours(0)}). Add a task to start filling it in.
        </p>
      ) : (
        <TimesheetGrid grid={grid} days={days} today={today} editor={editor} />
      )}
      <AddTimesheetRow
        existing={new Set(grid.rows.flatMap((row) => (row.taskId ? [row.taskId] : [])))}
        onAdd={(row) =>
          setAdded((rows) => (rows.some((r) => rowKey(r) === rowKey(row)) ? rows : [...rows, row]))
        }
      />
    </section>
  );
}
