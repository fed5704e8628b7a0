import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createTaskView,
  deleteTaskView,
  listTaskViews,
  updateTaskView,
  type TaskViewBody,
} from '../task-views.api.ts';
import type { TaskView } from '../task.types.ts';

/** Saved views live apart from `taskKeys`: a task change does not touch them. */
export const taskViewKeys = {
  all: ['task-views'] as const,
  project: (projectId: string) => ['task-views', projectId] as const,
};

/** Personal views first, then shared ones, each by name. */
function byOwnershipThenName(a: TaskView, b: TaskView): number {
  return Number(a.shared) - Number(b.shared) || a.name.localeCompare(b.name);
}

export function useTaskViews(projectId: string) {
  return useQuery({
    queryKey: taskViewKeys.project(projectId),
    queryFn: ({ signal }) => listTaskViews(projectId, signal),
    select: (views) => [...views].sort(byOwnershipThenName),
  });
}

function useStoreView(projectId: string) {
  const queryClient = useQueryClient();
  return (saved: TaskView) => {
    queryClient.setQueryData<TaskView[]>(taskViewKeys.project(projectId), (old) =>
      old ? [...old.filter((v) => v.id !== saved.id), saved] : [saved],
    );
  };
}

export function useCreateTaskView(projectId: string) {
  const store = useStoreView(projectId);
  return useMutation({
    mutationFn: (body: TaskViewBody) => createTaskView(projectId, body),
    onSuccess: store,
  });
}

export function useUpdateTaskView(projectId: string) {
  const store = useStoreView(projectId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<TaskViewBody> }) => updateTaskView(id, body),
    onSuccess: store,
  });
}

export function useDeleteTaskView(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteTaskView(id),
    onSuccess: (_nothing, id) => {
      queryClient.setQueryData<TaskView[]>(taskViewKeys.project(projectId), (old) =>
        old?.filter((v) => v.id !== id),
      );
    },
  });
}
