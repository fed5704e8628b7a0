import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  addDependency,
  assignTask,
  bulkUpdateTasks,
  changeTaskStatus,
  createTask,
  deleteTask,
  moveTask,
  removeAttachment,
  removeDependency,
  updateTask,
} from '../tasks.api.ts';
import { taskKeys } from '../tasks.keys.ts';
import type { LaneChange } from '../board-layout.ts';
import { invalidateTask, refreshTaskLists, storeTask } from '../task-cache.ts';
import { conflictCurrent } from '../task-errors.ts';
import type { BulkUpdateBody, DependencyType, Task, TaskFilters, UpdateTaskBody } from '../task.types.ts';

/** The editable fields of a change; the version comes from the task it is based on. */
export type TaskChanges = Omit<UpdateTaskBody, 'version'>;

/** After a change: store the new state, refresh collections and the task's history. */
function taskSaved(queryClient: QueryClient, task: Task): void {
  storeTask(queryClient, task);
  refreshTaskLists(queryClient);
  void queryClient.invalidateQueries({ queryKey: taskKeys.activity(task.id) });
  if (task.parent_task_id) {
    // The parent's sub-task roll-up may have changed.
    invalidateTask(queryClient, task.parent_task_id);
  }
}

/**
 * A stale write (409 TASKS_VERSION_CONFLICT): show the state someone else saved, so the next edit
 * starts from it. Other failures change nothing on the server; collections refetch anyway.
 */
function taskFailed(queryClient: QueryClient, error: unknown, taskId: string): void {
  const current = conflictCurrent(error);
  if (current) {
    storeTask(queryClient, current);
  }
  invalidateTask(queryClient, taskId);
  refreshTaskLists(queryClient);
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    onSuccess: (task) => taskSaved(queryClient, task),
  });
}

/** Edits fields of `task`, based on its version; a stale version answers 409 (see task-errors). */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, changes }: { task: Task; changes: TaskChanges }) =>
      updateTask(task.id, { ...changes, version: task.version }),
    onSuccess: (task) => taskSaved(queryClient, task),
    onError: (error, { task }) => taskFailed(queryClient, error, task.id),
  });
}

export function useChangeTaskStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: string }) =>
      changeTaskStatus(task.id, status, task.version),
    onSuccess: (task) => taskSaved(queryClient, task),
    onError: (error, { task }) => taskFailed(queryClient, error, task.id),
  });
}

export function useAssignTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, assignedTo }: { task: Task; assignedTo: string | null }) =>
      assignTask(task.id, assignedTo, task.version),
    onSuccess: (task) => taskSaved(queryClient, task),
    onError: (error, { task }) => taskFailed(queryClient, error, task.id),
  });
}

/** A card dropped on the board: its column's status, its new neighbours, and the lane's field. */
export interface TaskMove {
  task: Task;
  status: string;
  after_id?: string;
  before_id?: string;
  /** Dropped into another swimlane: the assignee or priority of that lane. */
  change: LaneChange;
  /** The board's tasks with the card in its new place, shown until the server answers. */
  next: Task[];
}

/** Position first (it needs no version), then the lane's field on the version the move made. */
async function applyMove({ task, status, after_id, before_id, change }: TaskMove): Promise<Task> {
  const moved = await moveTask(task.id, {
    status,
    ...(after_id ? { after_id } : {}),
    ...(before_id ? { before_id } : {}),
  });
  if (change && 'assigned_to' in change) {
    return assignTask(task.id, change.assigned_to, moved.version);
  }
  if (change && 'priority' in change) {
    return updateTask(task.id, { version: moved.version, priority: change.priority });
  }
  return moved;
}

/**
 * Moves a card on the board `filters` shows: the card moves at once, and moves back if the server
 * refuses. `onSettled` refetches, so the board ends in the server's order either way.
 */
export function useMoveTask(filters: TaskFilters) {
  const queryClient = useQueryClient();
  const boardKey = taskKeys.board(filters);
  return useMutation({
    mutationFn: applyMove,
    onMutate: async ({ next }) => {
      await queryClient.cancelQueries({ queryKey: boardKey });
      const previous = queryClient.getQueryData<Task[]>(boardKey);
      queryClient.setQueryData<Task[]>(boardKey, next);
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) {
        queryClient.setQueryData(boardKey, context.previous);
      }
    },
    onSuccess: (task) => storeTask(queryClient, task),
    onSettled: (_task, _error, { task }) => {
      refreshTaskLists(queryClient);
      invalidateTask(queryClient, task.id);
    },
  });
}

export function useBulkUpdateTasks() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkUpdateBody) => bulkUpdateTasks(body),
    onSuccess: ({ items }) => {
      for (const task of items) {
        storeTask(queryClient, task);
      }
    },
    // Partly applied or not at all: collections show the server's state either way.
    onSettled: () => refreshTaskLists(queryClient),
  });
}

export function useDeleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: Task) => deleteTask(task.id),
    onSuccess: (_result, task) => {
      queryClient.removeQueries({ queryKey: taskKeys.detail(task.id) });
      queryClient.removeQueries({ queryKey: taskKeys.detail(task.key) });
      refreshTaskLists(queryClient);
    },
  });
}

/** After a dependency change: the task's blocked state and history change too. */
function dependenciesChanged(queryClient: QueryClient, task: Task): void {
  invalidateTask(queryClient, task.id);
  refreshTaskLists(queryClient);
}

/** A 409 TASKS_DEPENDENCY_CYCLE names the loop (see `dependencyCycle`). */
export function useAddDependency(task: Task) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ dependsOnTaskId, type }: { dependsOnTaskId: string; type: DependencyType }) =>
      addDependency(task.id, dependsOnTaskId, type),
    onSuccess: () => dependenciesChanged(queryClient, task),
  });
}

export function useRemoveDependency(task: Task) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dependencyId: string) => removeDependency(task.id, dependencyId),
    onSuccess: () => dependenciesChanged(queryClient, task),
  });
}

export function useRemoveAttachment(task: Task) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: string) => removeAttachment(task.id, attachmentId),
    onSuccess: () => invalidateTask(queryClient, task.id),
  });
}
