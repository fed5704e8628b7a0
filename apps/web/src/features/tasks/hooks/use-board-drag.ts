import {
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
  type Active,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useRef, useState } from 'react';
import type { WorkflowStatus } from '../../projects/project.types.ts';
import {
  containerOf,
  laneChange,
  laneOf,
  neighboursOf,
  placeCard,
  tasksIn,
  type Swimlanes,
} from '../board-layout.ts';
import type { TaskMove } from './use-task-mutations.ts';
import type { Task } from '../task.types.ts';

/** What dnd-kit's draggables and droppables carry: a card, or a column (of one lane). */
export type BoardDragData = { type: 'task'; container: string } | { type: 'column'; container: string };

function containerOfTarget(over: Over): string | null {
  const data = over.data.current as BoardDragData | undefined;
  return data?.container ?? null;
}

/** The dragged card's middle is below the middle of the card it is over. */
function isBelow(active: Active, over: Over): boolean {
  const rect = active.rect.current.translated;
  return rect !== null && rect.top + rect.height / 2 > over.rect.top + over.rect.height / 2;
}

interface BoardDragOptions {
  tasks: Task[];
  statuses: WorkflowStatus[];
  swimlanes: Swimlanes;
  /** Persist a drop; call `done` when the server has answered (the preview then gives way). */
  onDrop: (move: TaskMove, done: () => void) => void;
}

/**
 * Drag and drop on the board. While a card moves, a local copy of the board (`shown`) follows
 * the pointer across columns; on drop the move is handed to `onDrop` and the copy stays on screen
 * until the server answers, so the card never jumps back for a frame.
 */
export function useBoardDrag({ tasks, statuses, swimlanes, onDrop }: BoardDragOptions) {
  const [preview, setPreview] = useState<Task[] | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  // Event handlers read the latest preview, not the one of the render they were created in.
  const previewRef = useRef<Task[] | null>(null);
  const lastDrop = useRef(0);
  const shown = preview ?? tasks;

  const update = (next: Task[] | null) => {
    previewRef.current = next;
    setPreview(next);
  };

  const sensors = useSensors(
    // A click opens the card; only a pointer that moves a few pixels starts a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    // Space picks up and drops, arrows move, Escape cancels; Enter stays "open the card".
    useSensor(KeyboardSensor, {
      coordinateGetter: sortableKeyboardCoordinates,
      keyboardCodes: { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] },
    }),
  );

  const onDragStart = ({ active }: DragStartEvent) => {
    setActiveId(String(active.id));
    update(previewRef.current ?? tasks);
  };

  /** Into another column (or lane): the card moves there at once, for a live preview. */
  const onDragOver = ({ active, over }: DragOverEvent) => {
    const list = previewRef.current;
    const card = list?.find((t) => t.id === active.id);
    if (!list || !card || !over) {
      return;
    }
    const target = containerOfTarget(over);
    if (!target || target === containerOf(card, swimlanes)) {
      return;
    }
    const overCard = (over.data.current as BoardDragData | undefined)?.type === 'task';
    update(
      placeCard(
        list,
        card.id,
        target,
        { overId: overCard ? String(over.id) : null, after: overCard && isBelow(active, over) },
        statuses,
        swimlanes,
      ),
    );
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    let final = previewRef.current ?? tasks;
    const original = tasks.find((t) => t.id === active.id);
    const card = final.find((t) => t.id === active.id);
    if (!over || !original || !card) {
      update(null);
      return;
    }
    // Within one column the sortable list reorders: place the card where it was let go.
    const container = containerOf(card, swimlanes);
    if (over.id !== active.id && containerOfTarget(over) === container) {
      const column = tasksIn(final, container, swimlanes);
      const from = column.findIndex((t) => t.id === card.id);
      const to = column.findIndex((t) => t.id === over.id);
      if (to >= 0) {
        final = placeCard(
          final,
          card.id,
          container,
          { overId: String(over.id), after: to > from },
          statuses,
          swimlanes,
        );
      }
    }
    const placed = final.find((t) => t.id === card.id) ?? card;
    const neighbours = neighboursOf(final, card.id, swimlanes);
    const before = neighboursOf(tasks, card.id, swimlanes);
    const isUnmoved =
      containerOf(placed, swimlanes) === containerOf(original, swimlanes) &&
      neighbours.after_id === before.after_id &&
      neighbours.before_id === before.before_id;
    if (isUnmoved) {
      update(null);
      return;
    }
    const drop = ++lastDrop.current;
    update(final);
    onDrop(
      {
        task: original,
        status: placed.status,
        ...neighbours,
        change: laneChange(swimlanes, laneOf(original, swimlanes), laneOf(placed, swimlanes)),
        next: final,
      },
      () => {
        // A later drop, or a new drag, owns the preview now.
        if (drop === lastDrop.current && previewRef.current === final) {
          update(null);
        }
      },
    );
  };

  const onDragCancel = () => {
    setActiveId(null);
    update(null);
  };

  return {
    shown,
    activeTask: activeId ? (shown.find((t) => t.id === activeId) ?? null) : null,
    isDragging: activeId !== null,
    isSaving: preview !== null && activeId === null,
    dndProps: { sensors, onDragStart, onDragOver, onDragEnd, onDragCancel },
  };
}
