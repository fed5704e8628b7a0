import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import type { UserSummary } from '../../organizations/organization.types.ts';
import type { BoardDragData } from '../hooks/use-board-drag.ts';
import type { Task } from '../task.types.ts';
import { TaskCard } from './task-card.tsx';

interface SortableTaskCardProps {
  task: Task;
  container: string;
  assignee: UserSummary | undefined;
  today: string;
  isSelected: boolean;
  /** True while any card is being dragged: Enter then drops instead of opening. */
  isDragActive: boolean;
  /** False for viewers and archived projects. */
  canMove: boolean;
  onOpen: (task: Task) => void;
  onSelect: (task: Task) => void;
}

/** A card that can be dragged with the pointer or picked up with Space (arrows move it). */
export function SortableTaskCard({
  task,
  container,
  assignee,
  today,
  isSelected,
  isDragActive,
  canMove,
  onOpen,
  onSelect,
}: SortableTaskCardProps) {
  const data: BoardDragData = { type: 'task', container };
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: task.id,
    data,
    disabled: !canMove,
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(event);
    if (event.key === 'Enter' && !event.defaultPrevented && !isDragActive) {
      event.preventDefault();
      onOpen(task);
    }
  };
  return (
    <TaskCard
      cardRef={setNodeRef}
      task={task}
      assignee={assignee}
      today={today}
      isSelected={isSelected}
      isPlaceholder={isDragging}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-task-id={task.id}
      {...attributes}
      {...listeners}
      aria-label={`${task.key}: ${task.title}`}
      aria-roledescription="Draggable task"
      onKeyDown={onKeyDown}
      onClick={() => onOpen(task)}
      onFocus={() => onSelect(task)}
    />
  );
}
