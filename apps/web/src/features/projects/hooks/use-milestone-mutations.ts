import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createMilestone, deleteMilestone, updateMilestone } from '../projects.api.ts';
import { projectKeys } from '../projects.keys.ts';
import type { CreateMilestoneBody, UpdateMilestoneBody } from '../project.types.ts';

function useMilestonesChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.milestones(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.analytics(projectId) });
  };
}

export function useCreateMilestone(projectId: string) {
  return useMutation({
    mutationFn: (body: CreateMilestoneBody) => createMilestone(projectId, body),
    onSuccess: useMilestonesChanged(projectId),
  });
}

export function useUpdateMilestone(projectId: string) {
  const changed = useMilestonesChanged(projectId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMilestoneBody }) =>
      updateMilestone(projectId, id, body),
    // A conflict also refreshes: the list then shows the other person's change.
    onSettled: changed,
  });
}

export function useDeleteMilestone(projectId: string) {
  return useMutation({
    mutationFn: (id: string) => deleteMilestone(projectId, id),
    onSuccess: useMilestonesChanged(projectId),
  });
}
