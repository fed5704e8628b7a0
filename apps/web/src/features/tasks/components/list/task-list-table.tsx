import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ArrowDownIcon } from '../../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../../shared/ui/spinner.tsx';
import type { Task, TaskSort } from '../../task.types.ts';
import { TaskListRow } from './task-list-row.tsx';

/** Below this many rows every row is rendered; above it only those near the viewport. */
const VIRTUALIZE_FROM = 200;
const ROW_HEIGHT = 37;

type RowProps = Omit<Parameters<typeof TaskListRow>[0], 'task' | 'isSelected' | 'isCursor' | 'href'>;

interface TaskListTableProps extends RowProps {
  tasks: Task[];
  sort: TaskSort;
  onSort: (sort: TaskSort) => void;
  isSelected: (id: string) => boolean;
  isAllSelected: boolean;
  onToggleAll: () => void;
  cursorId: string | null;
  hrefOf: (task: Task) => string;
}

const COLUMNS: { label: string; sort?: TaskSort; className?: string }[] = [
  { label: 'Key', className: 'task-col-key' },
  { label: 'Title', className: 'task-col-title' },
  { label: 'Status', className: 'task-col-status' },
  { label: 'Priority', sort: 'priority', className: 'task-col-priority' },
  { label: 'Assignee', className: 'task-col-assignee' },
  { label: 'Due', sort: 'due_date', className: 'task-col-due' },
  { label: 'Logged / est.', className: 'task-col-estimate' },
  { label: 'Tags', className: 'task-col-tags' },
  { label: 'Updated', sort: 'updated_at', className: 'task-col-updated' },
];

function SortHeader({
  label,
  sort,
  active,
  onSort,
}: {
  label: string;
  sort: TaskSort;
  active: boolean;
  onSort: (sort: TaskSort) => void;
}) {
  // The API sorts each field one way (due soonest, priority highest, newest first); a second
  // click goes back to the manual order.
  return (
    <button
      type="button"
      className={active ? 'sort-header is-active' : 'sort-header'}
      onClick={() => onSort(active ? 'rank' : sort)}
      title={active ? 'Back to manual order' : `Sort by ${label.toLowerCase()}`}
    >
      {label}
      {active ? <ArrowDownIcon size={12} /> : null}
    </button>
  );
}

export function TaskListTable({
  tasks,
  sort,
  onSort,
  isSelected,
  isAllSelected,
  onToggleAll,
  cursorId,
  hrefOf,
  ...row
}: TaskListTableProps) {
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [bodyTop, setBodyTop] = useState(0);
  const isVirtual = tasks.length > VIRTUALIZE_FROM;
  useLayoutEffect(() => {
    if (bodyRef.current) {
      setBodyTop(bodyRef.current.getBoundingClientRect().top + window.scrollY);
    }
  }, [isVirtual]);
  const virtualizer = useWindowVirtualizer({
    count: isVirtual ? tasks.length : 0,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    scrollMargin: bodyTop,
  });

  // `j`/`k` past the rendered rows scroll the cursor row into view.
  const cursorIndex = cursorId ? tasks.findIndex((t) => t.id === cursorId) : -1;
  useLayoutEffect(() => {
    if (cursorIndex < 0) {
      return;
    }
    if (isVirtual) {
      virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
    } else {
      bodyRef.current
        ?.querySelector(`[data-task-id="${tasks[cursorIndex]?.id}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    }
  }, [cursorIndex, isVirtual, virtualizer, tasks]);

  const renderRow = (task: Task) => (
    <TaskListRow
      key={task.id}
      task={task}
      isSelected={isSelected(task.id)}
      isCursor={task.id === cursorId}
      href={hrefOf(task)}
      {...row}
    />
  );
  let body: ReactNode = tasks.map(renderRow);
  if (isVirtual) {
    const items = virtualizer.getVirtualItems();
    const before = (items[0]?.start ?? bodyTop) - bodyTop;
    const after = virtualizer.getTotalSize() - ((items.at(-1)?.end ?? bodyTop) - bodyTop);
    body = (
      <>
        {before > 0 ? <tr aria-hidden="true" style={{ height: before }} /> : null}
        {items.map((item) => renderRow(tasks[item.index]!))}
        {after > 0 ? <tr aria-hidden="true" style={{ height: after }} /> : null}
      </>
    );
  }

  return (
    <table className="table task-table" aria-label="Tasks" aria-rowcount={tasks.length + 1}>
      <thead>
        <tr>
          <th scope="col" className="task-cell-select">
            <input
              type="checkbox"
              aria-label="Select all tasks shown"
              checked={isAllSelected}
              onChange={onToggleAll}
              disabled={tasks.length === 0}
            />
          </th>
          {COLUMNS.map((column) => (
            <th
              key={column.label}
              scope="col"
              className={column.className}
              aria-sort={
                column.sort && column.sort === sort
                  ? column.sort === 'due_date'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {column.sort ? (
                <SortHeader
                  label={column.label}
                  sort={column.sort}
                  active={column.sort === sort}
                  onSort={onSort}
                />
              ) : (
                column.label
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={bodyRef}>{body}</tbody>
    </table>
  );
}

export function TaskListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <table className="table task-table" aria-busy="true" aria-label="Loading tasks">
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <td className="task-cell-select" />
            <td>
              <Skeleton width={52} />
            </td>
            <td>
              <Skeleton width={`${45 + ((i * 17) % 35)}%`} />
            </td>
            <td>
              <Skeleton width={80} height={20} />
            </td>
            <td>
              <Skeleton width={60} />
            </td>
            <td colSpan={5}>
              <Skeleton width="60%" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
