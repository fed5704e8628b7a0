import { useCallback, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { pageTitle } from '../../../shared/brand.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { EmptyState } from '../../../shared/ui/empty-state.tsx';
import { LayersIcon, PlusIcon } from '../../../shared/ui/icons.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useProjectOutlet } from '../../projects/pages/project-layout.tsx';
import { boardOrder, SWIMLANES, type Swimlanes } from '../board-layout.ts';
import { BoardToolbar } from '../components/board-toolbar.tsx';
import { CreateTaskDialog } from '../components/create-task-dialog.tsx';
import { TaskBoard } from '../components/task-board.tsx';
import { TaskDrawer } from '../components/task-drawer.tsx';
import { useAssignablePeople } from '../hooks/use-assignable-people.ts';
import { useCreateTaskParam, useTaskDrawer } from '../hooks/use-task-drawer.ts';
import { useTaskKeyboard } from '../hooks/use-task-keyboard.ts';
import { useTaskLiveUpdates } from '../hooks/use-task-live-updates.ts';
import { useMoveTask, type TaskMove } from '../hooks/use-task-mutations.ts';
import { useBoardTasks } from '../hooks/use-tasks.ts';
import { describeTaskError } from '../task-errors.ts';
import { readFilters, writeFilters } from '../task-list-filters.ts';
import type { TaskFilters, TaskViewFilters } from '../task.types.ts';

const LANES_PARAM = 'lanes';

function BoardSkeleton({ columns }: { columns: number }) {
  return (
    <div className="board board-loading" aria-busy="true" aria-label="Loading tasks">
      <div className="board-row" style={{ ['--board-columns' as string]: columns }}>
        {Array.from({ length: columns }, (_, index) => (
          <div key={index} className="board-cell">
            <Skeleton height={64} />
            <Skeleton height={64} />
          </div>
        ))}
      </div>
    </div>
  );
}

/** `projects/:projectId/board`: the project's tasks as a Kanban board. */
export function BoardPage() {
  const { project } = useProjectOutlet();
  const [params, setParams] = useSearchParams();
  const toast = useToast();
  const drawer = useTaskDrawer();
  const create = useCreateTaskParam();
  const [createStatus, setCreateStatus] = useState<string | undefined>(undefined);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const viewFilters = readFilters(params);
  const rawLanes = params.get(LANES_PARAM);
  const swimlanes: Swimlanes = SWIMLANES.includes(rawLanes as Swimlanes) ? (rawLanes as Swimlanes) : 'none';
  // Query keys compare by value: a new object with the same filters is the same query.
  const filters: TaskFilters = { project_id: project.id, ...viewFilters };
  const tasks = useBoardTasks(filters);
  const move = useMoveTask(filters);
  const { byId } = useAssignablePeople(project);
  const statuses = project.settings.workflow.statuses;
  const canEdit = project.my_role !== 'viewer' && project.status !== 'archived';
  useTaskLiveUpdates(`project:${project.id}`, isBusy);

  const setFilters = (next: TaskViewFilters) =>
    setParams(writeFilters(params, next, undefined), { replace: true });
  const setSwimlanes = (next: Swimlanes) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'none') {
          updated.delete(LANES_PARAM);
        } else {
          updated.set(LANES_PARAM, next);
        }
        return updated;
      },
      { replace: true },
    );
  const openCreate = (status?: string) => {
    setCreateStatus(status);
    create.setOpen(true);
  };

  // j/k walk the cards in reading order: lane by lane, column by column, top to bottom.
  const order = useMemo(
    () => boardOrder(tasks.data ?? [], statuses, swimlanes, byId),
    [tasks.data, statuses, swimlanes, byId],
  );
  const selectBy = (step: number) => {
    if (order.length === 0) {
      return;
    }
    const index = order.findIndex((t) => t.id === selectedId);
    const next = order[index < 0 ? 0 : Math.min(order.length - 1, Math.max(0, index + step))];
    if (next) {
      setSelectedId(next.id);
      document.querySelector<HTMLElement>(`[data-task-id="${next.id}"]`)?.focus();
    }
  };
  useTaskKeyboard({
    onCreate: canEdit ? () => openCreate() : undefined,
    onSearch: () => searchRef.current?.focus(),
    onNext: () => selectBy(1),
    onPrevious: () => selectBy(-1),
    onOpen: () => {
      const selected = order.find((t) => t.id === selectedId);
      if (selected) {
        drawer.open(selected);
      }
    },
    // With a task open, Esc belongs to the drawer.
    onClose: drawer.taskRef ? undefined : () => setSelectedId(null),
  });

  const onDrop = useCallback(
    (taskMove: TaskMove, done: () => void) =>
      move.mutate(taskMove, {
        onError: (error) =>
          toast.show(`Couldn't move ${taskMove.task.key}: ${describeTaskError(error)}`, 'error'),
        onSettled: done,
      }),
    [move, toast],
  );

  const hasFilters = Object.keys(viewFilters).length > 0;
  const tags = [...new Set((tasks.data ?? []).flatMap((t) => t.tags))].sort();
  const isEmptyProject = tasks.data?.length === 0 && !hasFilters;

  return (
    <section className="board-page" aria-label="Board">
      <title>{pageTitle(`${project.name} board`)}</title>
      <BoardToolbar
        filters={viewFilters}
        onFiltersChange={setFilters}
        swimlanes={swimlanes}
        onSwimlanesChange={setSwimlanes}
        tags={tags}
        searchRef={searchRef}
        canCreate={canEdit}
        onCreate={() => openCreate()}
      />
      {tasks.isPending ? <BoardSkeleton columns={statuses.length} /> : null}
      {tasks.isError ? (
        <ErrorBanner
          title="We couldn't load the tasks"
          error={tasks.error}
          onRetry={() => void tasks.refetch()}
        />
      ) : null}
      {isEmptyProject ? (
        <EmptyState
          icon={<LayersIcon size={20} />}
          iconTone="neutral"
          title="No tasks yet"
          description={
            canEdit
              ? 'Create the first task of this project; press C anywhere on the board.'
              : 'Tasks of this project will show up here.'
          }
          actions={
            canEdit ? (
              <Button variant="primary" onClick={() => openCreate()}>
                <PlusIcon size={14} />
                New task
              </Button>
            ) : null
          }
        />
      ) : null}
      {tasks.data && !isEmptyProject ? (
        <>
          {tasks.data.length === 0 ? (
            <p className="board-note" role="status">
              No tasks match these filters.{' '}
              <Button variant="ghost" size="sm" onClick={() => setFilters({})}>
                Clear filters
              </Button>
            </p>
          ) : null}
          <TaskBoard
            tasks={tasks.data}
            statuses={statuses}
            swimlanes={swimlanes}
            people={byId}
            selectedId={selectedId}
            canMove={canEdit}
            onSelect={(task) => setSelectedId(task.id)}
            onOpen={(task) => {
              setSelectedId(task.id);
              drawer.open(task);
            }}
            onCreateIn={openCreate}
            onDrop={onDrop}
            onBusyChange={setBusy}
          />
        </>
      ) : null}
      {canEdit ? (
        <CreateTaskDialog
          key={createStatus ?? ''}
          project={project}
          open={create.isOpen}
          initialStatus={createStatus}
          onClose={() => create.setOpen(false)}
          onCreated={(task) => setSelectedId(task.id)}
        />
      ) : null}
      <TaskDrawer />
    </section>
  );
}
