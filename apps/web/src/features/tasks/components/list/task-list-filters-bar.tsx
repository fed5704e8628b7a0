import { useState, type Ref } from 'react';
import { Button } from '../../../../shared/ui/button.tsx';
import { CloseIcon, SearchIcon, SlidersIcon } from '../../../../shared/ui/icons.tsx';
import type { UserSummary } from '../../../organizations/organization.types.ts';
import { CATEGORY_LABELS } from '../../../projects/project-labels.ts';
import type { Milestone, WorkflowStatus } from '../../../projects/project.types.ts';
import { countFilters, PRIORITIES, STATUS_CATEGORIES } from '../../task-list-filters.ts';
import { PRIORITY_LABELS } from '../../task-labels.ts';
import type { TaskSort, TaskViewFilters } from '../../task.types.ts';

export const SORT_LABELS: Record<TaskSort, string> = {
  rank: 'Manual order',
  due_date: 'Due date',
  priority: 'Priority',
  created_at: 'Newest',
  updated_at: 'Recently updated',
};

interface TaskListFiltersBarProps {
  filters: TaskViewFilters;
  sort: TaskSort;
  onChange: (filters: TaskViewFilters) => void;
  onSort: (sort: TaskSort) => void;
  statuses: WorkflowStatus[];
  people: UserSummary[];
  milestones: Milestone[];
  searchRef: Ref<HTMLInputElement>;
}

/** Omits empty values so the URL and the request carry only the filters in use. */
function set<K extends keyof TaskViewFilters>(
  filters: TaskViewFilters,
  name: K,
  value: TaskViewFilters[K] | '',
): TaskViewFilters {
  const next = { ...filters };
  if (value === '' || value === undefined) {
    delete next[name];
  } else {
    next[name] = value;
  }
  return next;
}

/** "status:in_review" or "category:done": one select for both ways to filter by status. */
function statusValue(filters: TaskViewFilters): string {
  if (filters.status) {
    return `status:${filters.status}`;
  }
  return filters.status_category ? `category:${filters.status_category}` : '';
}

function withStatus(filters: TaskViewFilters, value: string): TaskViewFilters {
  const next = set(set(filters, 'status', ''), 'status_category', '');
  const [kind, key = ''] = value.split(':');
  if (kind === 'status') {
    return set(next, 'status', key);
  }
  const category = STATUS_CATEGORIES.find((c) => c === key);
  return kind === 'category' && category ? set(next, 'status_category', category) : next;
}

const MORE_FILTERS = ['tag', 'milestone_id', 'due_after', 'due_before', 'overdue', 'blocked'] as const;

export function TaskListFiltersBar(props: TaskListFiltersBarProps) {
  const { filters, sort, onChange, onSort, statuses, people, milestones, searchRef } = props;
  const moreCount = MORE_FILTERS.filter((name) => filters[name] !== undefined).length;
  const [showMore, setShowMore] = useState(moreCount > 0);
  const total = countFilters(filters);
  return (
    <div className="task-filters" role="search" aria-label="Filter tasks">
      <div className="toolbar">
        <div className="search-input">
          <SearchIcon className="search-input-icon" />
          <input
            ref={searchRef}
            type="search"
            className="input"
            placeholder="Search titles and descriptions  /"
            aria-label="Search tasks"
            value={filters.q ?? ''}
            maxLength={200}
            onChange={(event) => onChange(set(filters, 'q', event.target.value))}
          />
        </div>
        <select
          className="input select toolbar-select"
          aria-label="Status"
          value={statusValue(filters)}
          onChange={(event) => onChange(withStatus(filters, event.target.value))}
        >
          <option value="">Any status</option>
          <optgroup label="Category">
            {STATUS_CATEGORIES.map((category) => (
              <option key={category} value={`category:${category}`}>
                {CATEGORY_LABELS[category]} (any)
              </option>
            ))}
          </optgroup>
          <optgroup label="Status">
            {statuses.map((status) => (
              <option key={status.key} value={`status:${status.key}`}>
                {status.name}
              </option>
            ))}
          </optgroup>
        </select>
        <select
          className="input select toolbar-select"
          aria-label="Assignee"
          value={filters.assignee ?? ''}
          onChange={(event) => onChange(set(filters, 'assignee', event.target.value))}
        >
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="unassigned">Unassigned</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.display_name}
            </option>
          ))}
        </select>
        <select
          className="input select toolbar-select"
          aria-label="Priority"
          value={filters.priority ?? ''}
          onChange={(event) =>
            onChange(set(filters, 'priority', PRIORITIES.find((p) => p === event.target.value) ?? ''))
          }
        >
          <option value="">Any priority</option>
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_LABELS[priority]}
            </option>
          ))}
        </select>
        <Button variant="ghost" aria-expanded={showMore} onClick={() => setShowMore((shown) => !shown)}>
          <SlidersIcon />
          More filters{moreCount > 0 ? ` (${moreCount})` : ''}
        </Button>
        <span className="spacer" />
        <label className="toolbar-label">
          <span>Sort</span>
          <select
            className="input select toolbar-select"
            value={sort}
            onChange={(event) => onSort(event.target.value as TaskSort)}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {total > 0 ? (
          <Button variant="ghost" onClick={() => onChange({})}>
            <CloseIcon size={14} />
            Clear filters
          </Button>
        ) : null}
      </div>
      {showMore ? <MoreFilters filters={filters} onChange={onChange} milestones={milestones} /> : null}
    </div>
  );
}

interface MoreFiltersProps {
  filters: TaskViewFilters;
  onChange: (filters: TaskViewFilters) => void;
  milestones: Milestone[];
}

function MoreFilters({ filters, onChange, milestones }: MoreFiltersProps) {
  const flag = (value: string) => (value === 'true' ? true : value === 'false' ? false : '');
  return (
    <div className="toolbar task-filters-more">
      <input
        className="input toolbar-input"
        aria-label="Tag"
        placeholder="Tag"
        value={filters.tag ?? ''}
        maxLength={50}
        onChange={(event) => onChange(set(filters, 'tag', event.target.value.replace(/[\s,]/g, '')))}
      />
      <select
        className="input select toolbar-select"
        aria-label="Milestone"
        value={filters.milestone_id ?? ''}
        onChange={(event) => onChange(set(filters, 'milestone_id', event.target.value))}
      >
        <option value="">Any milestone</option>
        {milestones.map((milestone) => (
          <option key={milestone.id} value={milestone.id}>
            {milestone.title}
          </option>
        ))}
      </select>
      <label className="toolbar-label">
        <span>Due after</span>
        <input
          type="date"
          className="input toolbar-input"
          value={filters.due_after ?? ''}
          onChange={(event) => onChange(set(filters, 'due_after', event.target.value))}
        />
      </label>
      <label className="toolbar-label">
        <span>Due before</span>
        <input
          type="date"
          className="input toolbar-input"
          value={filters.due_before ?? ''}
          onChange={(event) => onChange(set(filters, 'due_before', event.target.value))}
        />
      </label>
      <label className="toolbar-check">
        <input
          type="checkbox"
          checked={filters.overdue === true}
          onChange={(event) => onChange(set(filters, 'overdue', event.target.checked ? true : ''))}
        />
        Overdue
      </label>
      <select
        className="input select toolbar-select"
        aria-label="Blocked"
        value={filters.blocked === undefined ? '' : String(filters.blocked)}
        onChange={(event) => onChange(set(filters, 'blocked', flag(event.target.value)))}
      >
        <option value="">Blocked or not</option>
        <option value="true">Blocked</option>
        <option value="false">Not blocked</option>
      </select>
    </div>
  );
}
