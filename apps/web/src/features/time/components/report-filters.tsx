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

const BILLABLE_OPTIONS: Option[] = [
  { value: '', label: 'Billable and not' },
  { value: 'true', label: 'Billable only' },
  { value: 'false', label: 'Non-billable only' },
];
const GROUP_BY_OPTIONS: Option[] = Object.entries(GROUP_BY_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** One labelled select of a filter bar (the reports', the rates'). */
export function FilterSelect(props: {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
}) {
  return (
    <div className="time-filter">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        className="input select"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
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
      <FilterSelect
        id={`${id}-project`}
        label="Project"
        value={query.project_id ?? ''}
        options={[{ value: '', label: 'All projects' }, ...projects]}
        onChange={(value) => set({ project_id: value || undefined })}
      />
      <FilterSelect
        id={`${id}-person`}
        label="Person"
        value={query.user_id ?? ''}
        options={[{ value: '', label: 'Everyone' }, ...people]}
        onChange={(value) => set({ user_id: value || undefined })}
      />
      <FilterSelect
        id={`${id}-billable`}
        label="Billable"
        value={billable}
        options={BILLABLE_OPTIONS}
        onChange={(value) => set({ billable: value === '' ? undefined : value === 'true' })}
      />
      <FilterSelect
        id={`${id}-group-by`}
        label="Group by"
        value={query.group_by}
        options={GROUP_BY_OPTIONS}
        onChange={(value) => set({ group_by: value as GroupBy })}
      />
    </div>
  );
}
