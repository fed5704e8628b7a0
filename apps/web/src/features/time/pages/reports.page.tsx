import { useState } from 'react';
import { today } from '../../../shared/format/date.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { PageSpinner } from '../../../shared/ui/spinner.tsx';
import { useCurrentOrganization } from '../../organizations/current-organization.tsx';
import { TimeTabs } from '../components/time-tabs.tsx';
import { ReportFilters } from '../components/report-filters.tsx';
import { ReportTable } from '../components/report-table.tsx';
import { WeeklyStackChart } from '../components/weekly-stack-chart.tsx';
import { useCsvDownload, useReport, useWeeklyBreakdown } from '../hooks/use-reports.ts';
import { useTimeNames } from '../hooks/use-time-names.ts';
import { billableByWeek, stackByWeek } from '../report-series.ts';
import type { ReportQuery } from '../reports.api.ts';
import { addDays, formatHours } from '../time-format.ts';
import type { AnalyticsReport } from '../time.types.ts';

const DEFAULT_WEEKS = 8;
const BILLABLE_SERIES = [
  { key: 'billable', label: 'Billable' },
  { key: 'non_billable', label: 'Non-billable' },
];
const BILLABLE_COLORS = { billable: '#27a06b', non_billable: '#9797a1' };

function defaultQuery(organizationId: string): ReportQuery {
  const to = today();
  return {
    organization_id: organizationId,
    from: addDays(to, -7 * DEFAULT_WEEKS + 1),
    to,
    group_by: 'project',
  };
}

/** Weekly stacked bars of the largest projects or people, the rest as "Other". */
function BreakdownChart({
  title,
  dimension,
  query,
  weeks,
  label,
}: {
  title: string;
  dimension: 'project' | 'user';
  query: ReportQuery;
  weeks: AnalyticsReport;
  label: (key: string, fallback: string | null) => string;
}) {
  const { group_by: _groupBy, ...filters } = query;
  const grouped = useReport({ ...filters, group_by: dimension });
  const breakdown = useWeeklyBreakdown(filters, dimension, grouped.data);
  if (grouped.error || breakdown.error) {
    return <ErrorBanner error={grouped.error ?? breakdown.error} />;
  }
  const { rows, series } = stackByWeek(
    weeks,
    breakdown.groups.map((group, index) => ({
      series: { key: group.key ?? 'none', label: label(group.key ?? '', group.label) },
      byWeek: breakdown.reports[index],
    })),
  );
  return <WeeklyStackChart title={title} rows={breakdown.isPending ? [] : rows} series={series} />;
}

/** Hours per project and per person per week, billable against not, a grouped table and CSV exports. */
export function ReportsPage() {
  const { organization } = useCurrentOrganization();
  const names = useTimeNames(organization.id);
  const [query, setQuery] = useState<ReportQuery>(() => defaultQuery(organization.id));
  const scoped: ReportQuery = { ...query, organization_id: organization.id };
  const { group_by: _groupBy, ...filters } = scoped;
  const weeks = useReport({ ...filters, group_by: 'week' });
  const table = useReport(scoped);
  const download = useCsvDownload();

  return (
    <Page
      title="Reports"
      description="Where the time went: by project, person and week, billable or not."
      width="wide"
      actions={
        <>
          <Button
            size="sm"
            isLoading={download.isPending && download.variables.kind === 'entries'}
            onClick={() => download.mutate({ kind: 'entries', filters })}
          >
            Download entries (CSV)
          </Button>
          <Button
            size="sm"
            isLoading={download.isPending && download.variables.kind === 'report'}
            onClick={() => download.mutate({ kind: 'report', query: scoped })}
          >
            Download report (CSV)
          </Button>
        </>
      }
    >
      <TimeTabs />
      <ReportFilters
        query={scoped}
        projects={names.projects.map((project) => ({ value: project.id, label: project.name }))}
        people={names.members.map((member) => ({ value: member.user_id, label: member.user.display_name }))}
        onChange={setQuery}
      />
      {download.error ? <ErrorBanner title="The download failed" error={download.error} /> : null}
      {weeks.error ? <ErrorBanner error={weeks.error} onRetry={() => void weeks.refetch()} /> : null}
      {weeks.isPending ? (
        <PageSpinner label="Loading the report…" />
      ) : weeks.data && weeks.data.groups.length === 0 ? (
        <EmptyState
          title="No time in this range"
          description="Change the dates or filters, or log time on the timesheet."
        />
      ) : weeks.data ? (
        <>
          <p className="time-report-summary">
            {formatHours(weeks.data.totals.hours)} logged, {formatHours(weeks.data.totals.billable_hours)}{' '}
            billable
          </p>
          <div className="time-charts">
            <BreakdownChart
              title="Hours per project per week"
              dimension="project"
              query={scoped}
              weeks={weeks.data}
              label={(_key, fallback) => fallback ?? 'No project'}
            />
            <BreakdownChart
              title="Hours per person per week"
              dimension="user"
              query={scoped}
              weeks={weeks.data}
              label={(key) => names.person(key)}
            />
            <WeeklyStackChart
              title="Billable and non-billable hours per week"
              rows={billableByWeek(weeks.data)}
              series={BILLABLE_SERIES}
              colors={BILLABLE_COLORS}
            />
          </div>
          {table.error ? <ErrorBanner error={table.error} /> : null}
          {table.data ? <ReportTable report={table.data} person={names.person} /> : null}
        </>
      ) : null}
    </Page>
  );
}
