import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { ReactNode } from 'react';
import type { BoardDragData } from '../hooks/use-board-drag.ts';
import type { Task } from '../task.types.ts';

interface BoardCellProps {
  /** Drop target id: the status column of one lane. */
  container: string;
  label: string;
  tasks: Task[];
  children: ReactNode;
}

/** One column of one lane: a drop target holding a sortable list of cards. */
export function BoardCell({ container, label, tasks, children }: BoardCellProps) {
  const data: BoardDragData = { type: 'column', container };
  const { setNodeRef, isOver } = useDroppable({ id: container, data });
  return (
    <SortableContext id={container} items={tasks.map((t) => t.id)} strategy={verticalListSortingStrategy}>
      <div
        ref={setNodeRef}
        className={isOver ? 'board-cell board-cell-over' : 'board-cell'}
        role="group"
        aria-label={label}
      >
        {children}
        {tasks.length === 0 ? <p className="board-cell-empty">No tasks</p> : null}
      </div>
    </SortableContext>
  );
}
