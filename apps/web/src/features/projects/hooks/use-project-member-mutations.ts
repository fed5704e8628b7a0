import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addProjectMember, changeProjectMemberRole, removeProjectMember } from '../projects.api.ts';
import { projectKeys } from '../projects.keys.ts';
import type { AddMemberBody, ProjectRole } from '../project.types.ts';

function useMembersChanged(projectId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.members(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectKeys.analytics(projectId) });
  };
}

export function useAddProjectMember(projectId: string) {
  return useMutation({
    mutationFn: (body: AddMemberBody) => addProjectMember(projectId, body),
    onSuccess: useMembersChanged(projectId),
  });
}

export function useChangeProjectMemberRole(projectId: string) {
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: ProjectRole }) =>
      changeProjectMemberRole(projectId, userId, role),
    onSettled: useMembersChanged(projectId),
  });
}

export function useRemoveProjectMember(projectId: string) {
  return useMutation({
    mutationFn: (userId: string) => removeProjectMember(projectId, userId),
    onSuccess: useMembersChanged(projectId),
  });
}
