import { useId } from 'react';
import type { ReportQuery } from '../reports.api.ts';
import type { AnalyticsQuery } from '../time.types.ts';

type GroupBy = AnalyticsQuery['group_by'];

export const GROUP_BY_LABELS: Record<GroupBy, string> = {
  project: 'Project',
  user: 'Person',
  task: 'Task',
  day: 'Day',
  week: 'Week',
};

interface Option {
  value: string;
  label: string;
}

/** A change of some filters; undefined clears one. */
type Changes = { [K in keyof ReportQuery]?: ReportQuery[K] | undefined };

interface ReportFiltersProps {
  query: ReportQuery;
  projects: Option[];
  people: Option[];
  onChange: (query: ReportQuery) => void;
}

/** Date range, project, person, billable and grouping of the reports page. */
export function ReportFilters({ query, projects, people, onChange }: ReportFiltersProps) {
  const set = (changes: Changes) => {
    const merged = Object.entries({ ...query, ...changes }).filter(
      ([, value]) => value !== undefined && value !== '',
    );
    onChange(Object.fromEntries(merged) as ReportQuery);
  };
  const id = useId();
  const billable = query.billable === undefined ? '' : String(query.billable);
  return (
    <div className="toolbar time-report-filters" role="search" aria-label="Filter the report">
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-from`}>
          From
        </label>
        <input
          id={`${id}-from`}
          type="date"
          className="input"
          value={query.from ?? ''}
          max={query.to}
          onChange={(event) => set({ from: event.target.value || undefined })}
        />
      </div>
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-to`}>
          To
        </label>
        <input
          id={`${id}-to`}
          type="date"
          className="input"
          value={query.to ?? ''}
          min={query.from}
          onChange={(event) => set({ to: event.target.value || undefined })}
        />
      </div>
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-project`}>
          Project
        </label>
        <select
          id={`${id}-project`}
          className="input select"
          value={query.project_id ?? ''}
          onChange={(event) => set({ project_id: event.target.value || undefined })}
        >
          <option value="">All projects</option>
          {projects.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-person`}>
          Person
        </label>
        <select
          id={`${id}-person`}
          className="input select"
          value={query.user_id ?? ''}
          onChange={(event) => set({ user_id: event.target.value || undefined })}
        >
          <option value="">Everyone</option>
          {people.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-billable`}>
          Billable
        </label>
        <select
          id={`${id}-billable`}
          className="input select"
          value={billable}
          onChange={(event) =>
            set({ billable: event.target.value === '' ? undefined : event.target.value === 'true' })
          }
        >
          <option value="">Billable and not</option>
          <option value="true">Billable only</option>
          <option value="false">Non-billable only</option>
        </select>
      </div>
      <div className="time-filter">
        <label className="field-label" htmlFor={`${id}-group-by`}>
          Group by
        </label>
        <select
          id={`${id}-group-by`}
          className="input select"
          value={query.group_by}
          onChange={(event) => set({ group_by: event.target.value as GroupBy })}
        >
          {Object.entries(GROUP_BY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
