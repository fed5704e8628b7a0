import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { PROJECT_STATUS_LABELS } from '../project-labels.ts';
import type { ProjectStatus } from '../project.types.ts';

export interface ProjectFilterValues {
  q: string;
  status: ProjectStatus | '';
  teamId: string;
}

interface ProjectFiltersProps {
  values: ProjectFilterValues;
  onChange: (values: ProjectFilterValues) => void;
  teams: { id: string; name: string }[];
}

const STATUSES: ProjectStatus[] = ['active', 'on_hold', 'completed', 'archived'];

/** Search, status and team above the project list; every change applies at once. */
export function ProjectFilters({ values, onChange, teams }: ProjectFiltersProps) {
  return (
    <div className="toolbar" role="search" aria-label="Filter projects">
      <div className="search-input">
        <SearchIcon className="search-input-icon" />
        <input
          type="search"
          className="input"
          placeholder="Search by name or key"
          aria-label="Search projects"
          value={values.q}
          maxLength={100}
          onChange={(event) => onChange({ ...values, q: event.target.value })}
        />
      </div>
      <select
        className="input select toolbar-select"
        aria-label="Status"
        value={values.status}
        onChange={(event) => onChange({ ...values, status: event.target.value as ProjectStatus | '' })}
      >
        <option value="">All open projects</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {PROJECT_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <select
        className="input select toolbar-select"
        aria-label="Team"
        value={values.teamId}
        disabled={teams.length === 0}
        onChange={(event) => onChange({ ...values, teamId: event.target.value })}
      >
        <option value="">All teams</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}
