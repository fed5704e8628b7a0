import { useEffect, useState, type RefObject } from 'react';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { Button } from '../../../shared/ui/button.tsx';
import { LockIcon, PlusIcon, SearchIcon, UserIcon } from '../../../shared/ui/icons.tsx';
import { SWIMLANES, type Swimlanes } from '../board-layout.ts';
import { PRIORITY_LABELS } from '../task-labels.ts';
import { PRIORITIES } from '../task-list-filters.ts';
import type { Priority, TaskViewFilters } from '../task.types.ts';

const SWIMLANE_LABELS: Record<Swimlanes, string> = {
  none: 'No swimlanes',
  assignee: 'By assignee',
  priority: 'By priority',
};

interface BoardToolbarProps {
  filters: TaskViewFilters;
  onFiltersChange: (filters: TaskViewFilters) => void;
  swimlanes: Swimlanes;
  onSwimlanesChange: (swimlanes: Swimlanes) => void;
  /** Tags seen on the board, offered by the tag filter. */
  tags: string[];
  searchRef: RefObject<HTMLInputElement | null>;
  canCreate: boolean;
  onCreate: () => void;
}

/** Quick filters (kept in the URL), swimlanes and "New task" above the board. */
export function BoardToolbar({
  filters,
  onFiltersChange,
  swimlanes,
  onSwimlanesChange,
  tags,
  searchRef,
  canCreate,
  onCreate,
}: BoardToolbarProps) {
  const [text, setText] = useState(filters.q ?? '');
  const settled = useDebouncedValue(text.trim(), 300);
  const set = (change: Partial<TaskViewFilters>) => onFiltersChange({ ...filters, ...change });

  // Typing pauses → the search goes to the URL (and the board refetches).
  useEffect(() => {
    if ((filters.q ?? '') !== settled) {
      onFiltersChange({ ...filters, q: settled || undefined });
    }
  }, [settled]);

  // Back/forward or "Clear filters" changed the URL: the box follows.
  useEffect(() => {
    setText((current) => (current.trim() === (filters.q ?? '') ? current : (filters.q ?? '')));
  }, [filters.q]);

  const toggleAssignee = (value: 'me' | 'unassigned') =>
    set({ assignee: filters.assignee === value ? undefined : value });
  const hasFilters = Object.values(filters).some((value) => value !== undefined && value !== '');
  const tagOptions = filters.tag && !tags.includes(filters.tag) ? [filters.tag, ...tags] : tags;

  return (
    <div className="toolbar board-toolbar" role="search" aria-label="Filter tasks">
      <div className="search-input">
        <SearchIcon className="search-input-icon" />
        <input
          ref={searchRef}
          type="search"
          className="input"
          placeholder="Search tasks  /"
          aria-label="Search tasks"
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.currentTarget.blur();
            }
          }}
        />
      </div>
      <div className="filter-chips" role="group" aria-label="Quick filters">
        <button
          type="button"
          className="filter-chip"
          aria-pressed={filters.assignee === 'me'}
          onClick={() => toggleAssignee('me')}
        >
          <UserIcon size={13} />
          Mine
        </button>
        <button
          type="button"
          className="filter-chip"
          aria-pressed={filters.assignee === 'unassigned'}
          onClick={() => toggleAssignee('unassigned')}
        >
          Unassigned
        </button>
        <button
          type="button"
          className="filter-chip"
          aria-pressed={filters.blocked === true}
          onClick={() => set({ blocked: filters.blocked ? undefined : true })}
        >
          <LockIcon size={13} />
          Blocked
        </button>
      </div>
      <select
        className="input select toolbar-select select-sm"
        aria-label="Priority"
        value={filters.priority ?? ''}
        onChange={(event) => set({ priority: (event.target.value || undefined) as Priority | undefined })}
      >
        <option value="">Any priority</option>
        {PRIORITIES.map((priority) => (
          <option key={priority} value={priority}>
            {PRIORITY_LABELS[priority]}
          </option>
        ))}
      </select>
      <select
        className="input select toolbar-select select-sm"
        aria-label="Tag"
        value={filters.tag ?? ''}
        disabled={tagOptions.length === 0}
        onChange={(event) => set({ tag: event.target.value || undefined })}
      >
        <option value="">Any tag</option>
        {tagOptions.map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      {hasFilters ? (
        <Button variant="ghost" size="sm" onClick={() => onFiltersChange({})}>
          Clear filters
        </Button>
      ) : null}
      <div className="toolbar-end">
        <select
          className="input select toolbar-select select-sm"
          aria-label="Swimlanes"
          value={swimlanes}
          onChange={(event) => onSwimlanesChange(event.target.value as Swimlanes)}
        >
          {SWIMLANES.map((value) => (
            <option key={value} value={value}>
              {SWIMLANE_LABELS[value]}
            </option>
          ))}
        </select>
        {canCreate ? (
          <Button variant="primary" size="sm" onClick={onCreate} aria-keyshortcuts="c">
            <PlusIcon size={14} />
            New task
          </Button>
        ) : null}
      </div>
    </div>
  );
}
