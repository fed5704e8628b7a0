import { closestCorners, DndContext, DragOverlay, type Announcements } from '@dnd-kit/core';
import { useEffect, type CSSProperties } from 'react';
import { today as localToday } from '../../../shared/format/date.ts';
import { PlusIcon } from '../../../shared/ui/icons.tsx';
import type { UserSummary } from '../../organizations/organization.types.ts';
import type { WorkflowStatus } from '../../projects/project.types.ts';
import { containerId, laneOf, lanesFor, parseContainerId, tasksIn, type Swimlanes } from '../board-layout.ts';
import { useBoardDrag } from '../hooks/use-board-drag.ts';
import type { TaskMove } from '../hooks/use-task-mutations.ts';
import type { Task } from '../task.types.ts';
import { BoardCell } from './board-column.tsx';
import { SortableTaskCard } from './sortable-task-card.tsx';
import { TaskCard } from './task-card.tsx';

interface TaskBoardProps {
  tasks: Task[];
  statuses: WorkflowStatus[];
  swimlanes: Swimlanes;
  people: Map<string, UserSummary>;
  selectedId: string | null;
  /** False for viewers and archived projects: cards open but do not move. */
  canMove: boolean;
  onSelect: (task: Task) => void;
  onOpen: (task: Task) => void;
  onCreateIn: (status: string) => void;
  onDrop: (move: TaskMove, done: () => void) => void;
  /** True from a drag's start until its drop is saved (live updates wait meanwhile). */
  onBusyChange: (isBusy: boolean) => void;
}

/** The columns of the workflow (optionally split into swimlanes) with draggable cards. */
export function TaskBoard(props: TaskBoardProps) {
  const { statuses, swimlanes, people, selectedId, canMove, onSelect, onOpen, onCreateIn } = props;
  const drag = useBoardDrag({ tasks: props.tasks, statuses, swimlanes, onDrop: props.onDrop });
  const isBusy = drag.isDragging || drag.isSaving;
  const { onBusyChange } = props;
  useEffect(() => onBusyChange(isBusy), [isBusy, onBusyChange]);
  const shown = drag.shown;
  const today = localToday();
  const lanes = lanesFor(shown, swimlanes, people);
  const statusName = (key: string) => statuses.find((s) => s.key === key)?.name ?? key;
  const laneName = (id: string) => lanes.find((l) => l.id === id)?.label ?? id;
  const where = (container: string) => {
    const { lane, status } = parseContainerId(container);
    return swimlanes === 'none' ? statusName(status) : `${statusName(status)}, ${laneName(lane)}`;
  };
  const keyOf = (id: string | number) => shown.find((t) => t.id === id)?.key ?? 'the task';
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${keyOf(active.id)}. Arrows move it, Space drops it, Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${keyOf(active.id)} is over ${where(String(over.data.current?.container ?? over.id))}.`
        : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${keyOf(active.id)} dropped in ${where(String(over.data.current?.container ?? over.id))}.`
        : `${keyOf(active.id)} dropped where it was.`,
    onDragCancel: ({ active }) => `Moving ${keyOf(active.id)} was cancelled.`,
  };

  const renderCells = (laneId: string) =>
    statuses.map((status) => {
      const container = containerId(laneId, status.key);
      const cards = tasksIn(shown, container, swimlanes);
      return (
        <BoardCell key={container} container={container} label={where(container)} tasks={cards}>
          {cards.map((task) => (
            <SortableTaskCard
              key={task.id}
              task={task}
              container={container}
              assignee={task.assigned_to ? people.get(task.assigned_to) : undefined}
              today={today}
              isSelected={task.id === selectedId}
              isDragActive={drag.isDragging}
              canMove={canMove}
              onOpen={onOpen}
              onSelect={onSelect}
            />
          ))}
        </BoardCell>
      );
    });

  return (
    <DndContext
      {...drag.dndProps}
      collisionDetection={closestCorners}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move a task, press Space to pick it up, the arrow keys to move it, Space again to drop it, Escape to cancel. Enter opens it.',
        },
      }}
    >
      <div className="board" style={{ '--board-columns': statuses.length } as CSSProperties}>
        <div className="board-row board-head">
          {statuses.map((status) => {
            const count = shown.filter((t) => t.status === status.key).length;
            return (
              <div key={status.key} className={`board-column-head status-category-${status.category}`}>
                <span
                  className="status-dot"
                  style={status.color ? { color: status.color } : undefined}
                  aria-hidden="true"
                />
                <h2 className="board-column-title">{status.name}</h2>
                <span className="board-column-count" aria-label={`${count} tasks`}>
                  {count}
                </span>
                {canMove ? (
                  <button
                    type="button"
                    className="icon-btn board-column-add"
                    aria-label={`New task in ${status.name}`}
                    onClick={() => onCreateIn(status.key)}
                  >
                    <PlusIcon size={14} />
                  </button>
                ) : null}
              </div>
            );
          })}
        </div>
        {lanes.map((lane) => (
          <section
            key={lane.id}
            className="board-lane"
            aria-label={swimlanes === 'none' ? 'Board' : lane.label}
          >
            {swimlanes !== 'none' ? (
              <h3 className="board-lane-title">
                {lane.label}
                <span className="board-column-count">
                  {shown.filter((t) => laneOf(t, swimlanes) === lane.id).length}
                </span>
              </h3>
            ) : null}
            <div className="board-row">{renderCells(lane.id)}</div>
          </section>
        ))}
      </div>
      <DragOverlay>
        {drag.activeTask ? (
          <TaskCard
            task={drag.activeTask}
            assignee={drag.activeTask.assigned_to ? people.get(drag.activeTask.assigned_to) : undefined}
            today={today}
            isOverlay
          />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
