import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Page } from '../../../../shared/api/page.ts';
import { Button } from '../../../../shared/ui/button.tsx';
import { EmptyState } from '../../../../shared/ui/empty-state.tsx';
import { LayersIcon, PlusIcon, SearchIcon } from '../../../../shared/ui/icons.tsx';
import type { UserSummary } from '../../../organizations/organization.types.ts';
import type { WorkflowStatus } from '../../../projects/project.types.ts';
import type { useListSelection } from '../../hooks/use-list-selection.ts';
import { useLoadMoreOnScroll } from '../../hooks/use-load-more-on-scroll.ts';
import { countFilters } from '../../task-list-filters.ts';
import type { Task, TaskSort, TaskViewFilters } from '../../task.types.ts';
import { TaskListSkeleton, TaskListTable } from './task-list-table.tsx';

interface TaskListBodyProps {
  list: UseInfiniteQueryResult<InfiniteData<Page<Task>>>;
  tasks: Task[];
  filters: TaskViewFilters;
  sort: TaskSort;
  onSort: (sort: TaskSort) => void;
  onClearFilters: () => void;
  /** Absent for people who cannot create tasks here. */
  onCreate: (() => void) | undefined;
  selection: ReturnType<typeof useListSelection>;
  hrefOf: (task: Task) => string;
  statuses: WorkflowStatus[];
  people: Map<string, UserSummary>;
  canEdit: boolean;
  onStatusChange: (task: Task, status: string) => void;
}

/** The table with its loading, empty and "load more" states. */
export function TaskListBody({
  list,
  tasks,
  filters,
  onClearFilters,
  onCreate,
  selection,
  ...table
}: TaskListBodyProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  useLoadMoreOnScroll(
    sentinel,
    Boolean(list.hasNextPage) && !list.isFetchingNextPage && !list.isError,
    () => void list.fetchNextPage(),
  );

  if (list.isPending) {
    return (
      <div className="table-card task-table-card">
        <TaskListSkeleton />
      </div>
    );
  }
  if (list.isError && tasks.length === 0) {
    return null;
  }
  if (tasks.length === 0) {
    return (
      <div className="table-card task-table-card">
        {countFilters(filters) > 0 ? (
          <EmptyState
            icon={<SearchIcon size={22} />}
            iconTone="neutral"
            title="No tasks match these filters"
            description="Try another search, or clear the filters to see every task of the project."
            actions={<Button onClick={onClearFilters}>Clear filters</Button>}
          />
        ) : (
          <EmptyState
            icon={<LayersIcon size={22} />}
            iconTone="neutral"
            title="No tasks yet"
            description={
              onCreate
                ? 'Create the first task of this project; press c anywhere on this page.'
                : 'Tasks of this project will show up here.'
            }
            actions={
              onCreate ? (
                <Button variant="primary" onClick={onCreate}>
                  <PlusIcon />
                  Create task
                </Button>
              ) : null
            }
          />
        )}
      </div>
    );
  }
  return (
    <>
      <div
        className={
          list.isPlaceholderData ? 'table-card task-table-card is-stale' : 'table-card task-table-card'
        }
      >
        <TaskListTable
          tasks={tasks}
          isSelected={selection.isSelected}
          isAllSelected={selection.isAllSelected}
          onToggleAll={selection.toggleAll}
          onSelectClick={selection.click}
          cursorId={selection.cursorId}
          {...table}
        />
      </div>
      <div ref={sentinel} className="load-more">
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} isLoading={list.isFetchingNextPage}>
            Load more
          </Button>
        ) : null}
      </div>
    </>
  );
}
