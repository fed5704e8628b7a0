import { formatShortDay } from '../../../shared/format/date.ts';
import { formatAmounts } from '../report-series.ts';
import { formatHours } from '../time-format.ts';
import type { AnalyticsReport } from '../time.types.ts';
import { GROUP_BY_LABELS } from './report-filters.tsx';

type Group = AnalyticsReport['groups'][number];

/** A group's name: projects and tasks come labelled, people by id, days and weeks by date. */
function groupLabel(report: AnalyticsReport, group: Group, person: (userId: string) => string): string {
  switch (report.group_by) {
    case 'user':
      return group.key ? person(group.key) : 'Unknown person';
    case 'project':
      return group.label ?? 'No project';
    case 'task':
      return group.label ?? 'No task';
    case 'day':
      return group.key ? formatShortDay(group.key) : '—';
    case 'week':
      return group.key ? `Week of ${formatShortDay(group.key)}` : '—';
  }
}

/** The grouped report under the charts: hours, billable hours and amounts, with a total row. */
export function ReportTable({
  report,
  person,
}: {
  report: AnalyticsReport;
  person: (userId: string) => string;
}) {
  return (
    <div className="table-card">
      <table className="table">
        <caption className="visually-hidden">
          Hours by {GROUP_BY_LABELS[report.group_by].toLowerCase()}
        </caption>
        <thead>
          <tr>
            <th scope="col">{GROUP_BY_LABELS[report.group_by]}</th>
            <th scope="col" className="cell-num">
              Hours
            </th>
            <th scope="col" className="cell-num">
              Billable
            </th>
            <th scope="col" className="cell-num">
              Amount
            </th>
            <th scope="col">Time zones</th>
          </tr>
        </thead>
        <tbody>
          {report.groups.map((group) => (
            <tr key={group.key ?? 'none'}>
              <th scope="row">{groupLabel(report, group, person)}</th>
              <td className="cell-num">{formatHours(group.hours)}</td>
              <td className="cell-num">{formatHours(group.billable_hours)}</td>
              <td className="cell-num">{formatAmounts(group.amounts)}</td>
              <td className="time-report-zones">{group.time_zones.join(', ')}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="cell-num">{formatHours(report.totals.hours)}</td>
            <td className="cell-num">{formatHours(report.totals.billable_hours)}</td>
            <td className="cell-num">{formatAmounts(report.totals.amounts)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
