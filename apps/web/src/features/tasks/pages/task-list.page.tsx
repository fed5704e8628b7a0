import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { pageTitle } from '../../../shared/brand.ts';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useMilestones } from '../../projects/hooks/use-projects.ts';
import { useProjectOutlet } from '../../projects/pages/project-layout.tsx';
import { CreateTaskDialog } from '../components/create-task-dialog.tsx';
import { TaskListBody } from '../components/list/task-list-body.tsx';
import { TaskBulkBar } from '../components/list/task-bulk-bar.tsx';
import { TaskListFiltersBar } from '../components/list/task-list-filters-bar.tsx';
import { TaskViewPicker } from '../components/list/task-view-picker.tsx';
import { TaskDrawer } from '../components/task-drawer.tsx';
import { useAssignablePeople } from '../hooks/use-assignable-people.ts';
import { useListSelection } from '../hooks/use-list-selection.ts';
import { useCreateTaskParam, useTaskDrawer, TASK_PARAM } from '../hooks/use-task-drawer.ts';
import { useTaskKeyboard } from '../hooks/use-task-keyboard.ts';
import { useTaskLiveUpdates } from '../hooks/use-task-live-updates.ts';
import { useChangeTaskStatus } from '../hooks/use-task-mutations.ts';
import { useTaskList } from '../hooks/use-tasks.ts';
import { describeTaskError } from '../task-errors.ts';
import { readFilters, readSort, writeFilters } from '../task-list-filters.ts';
import type { Task, TaskSort, TaskViewFilters } from '../task.types.ts';

/** Filters, sort and the saved view live in the URL: a filtered list survives a reload and can be shared. */
function useListQuery() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const sort: TaskSort = readSort(params) ?? 'rank';
  const setQuery = useCallback(
    (nextFilters: TaskViewFilters, nextSort: TaskSort) =>
      setParams((current) => writeFilters(current, nextFilters, nextSort), { replace: true }),
    [setParams],
  );
  const setViewId = useCallback(
    (id: string | null) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (id) {
          next.set('view', id);
        } else {
          next.delete('view');
        }
        return next;
      }),
    [setParams],
  );
  return { params, filters, sort, viewId: params.get('view'), setQuery, setViewId };
}

/** A project's tasks as a dense table: filter, sort, select many, edit in bulk, open one in the drawer. */
export function TaskListPage() {
  const { project } = useProjectOutlet();
  const { params, filters, sort, viewId, setQuery, setViewId } = useListQuery();
  const toast = useToast();
  const searchRef = useRef<HTMLInputElement>(null);
  // Typing refetches once it pauses; the selects apply at once.
  const q = useDebouncedValue(filters.q?.trim() ?? '', 250);
  const tag = useDebouncedValue(filters.tag ?? '', 250);
  const list = useTaskList({
    ...filters,
    project_id: project.id,
    sort,
    q: q || undefined,
    tag: tag || undefined,
  });
  const tasks = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const order = useMemo(() => tasks.map((task) => task.id), [tasks]);
  const selection = useListSelection(order);
  const drawer = useTaskDrawer();
  const create = useCreateTaskParam();
  const people = useAssignablePeople(project);
  const milestones = useMilestones(project.id);
  const { mutate: mutateStatus } = useChangeTaskStatus();
  const statuses = project.settings.workflow.statuses;
  const canEdit = project.my_role !== 'viewer' && project.status !== 'archived';
  useTaskLiveUpdates(`project:${project.id}`);

  const search = params.toString();
  const hrefOf = useCallback(
    (task: Task) => {
      const next = new URLSearchParams(search);
      next.set(TASK_PARAM, task.key);
      return `?${next.toString()}`;
    },
    [search],
  );
  const onStatusChange = useCallback(
    (task: Task, status: string) =>
      mutateStatus({ task, status }, { onError: (error) => toast.show(describeTaskError(error), 'error') }),
    [mutateStatus, toast],
  );

  useTaskKeyboard({
    onCreate: canEdit ? () => create.setOpen(true) : undefined,
    onSearch: () => searchRef.current?.focus(),
    onNext: () => selection.moveCursor(1),
    onPrevious: () => selection.moveCursor(-1),
    onOpen: () => {
      const task = tasks.find((t) => t.id === selection.cursorId);
      if (task) {
        drawer.open(task);
      }
    },
    onClose: () => (drawer.taskRef ? drawer.close() : selection.clear()),
    onToggleSelect: () => selection.toggleCursor(),
  });

  return (
    <section className="task-list-page" aria-label="Task list">
      <title>{pageTitle(`List · ${project.name}`)}</title>
      <div className="task-list-header">
        <TaskViewPicker
          project={project}
          layout="list"
          currentViewId={viewId}
          filters={filters}
          sort={sort}
          onCurrentViewChange={(view) => setViewId(view?.id ?? null)}
        />
        <span className="task-list-count muted" aria-live="polite">
          {list.isSuccess
            ? `${tasks.length}${list.hasNextPage ? '+' : ''} ${tasks.length === 1 ? 'task' : 'tasks'}`
            : null}
        </span>
        <span className="spacer" />
        {canEdit ? (
          <Button variant="primary" size="sm" onClick={() => create.setOpen(true)} title="New task (c)">
            <PlusIcon />
            New task
          </Button>
        ) : null}
      </div>
      <TaskListFiltersBar
        filters={filters}
        sort={sort}
        onChange={(next) => setQuery(next, sort)}
        onSort={(next) => setQuery(filters, next)}
        statuses={statuses}
        people={people.people}
        milestones={milestones.data ?? []}
        searchRef={searchRef}
      />
      {selection.selected.length > 0 && canEdit ? (
        <TaskBulkBar
          taskIds={selection.selected}
          statuses={statuses}
          people={people.people}
          milestones={milestones.data ?? []}
          onClear={selection.clear}
        />
      ) : null}
      {list.isError ? (
        <ErrorBanner title="We couldn't load tasks" error={list.error} onRetry={() => void list.refetch()} />
      ) : null}
      <TaskListBody
        list={list}
        tasks={tasks}
        filters={filters}
        sort={sort}
        onSort={(next) => setQuery(filters, next)}
        onClearFilters={() => setQuery({}, sort)}
        onCreate={canEdit ? () => create.setOpen(true) : undefined}
        selection={selection}
        hrefOf={hrefOf}
        statuses={statuses}
        people={people.byId}
        canEdit={canEdit}
        onStatusChange={onStatusChange}
      />
      {canEdit ? (
        <CreateTaskDialog project={project} open={create.isOpen} onClose={() => create.setOpen(false)} />
      ) : null}
      <TaskDrawer />
    </section>
  );
}
