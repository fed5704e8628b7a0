import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../shared/api/problem.ts';
import {
  archiveProject,
  createProject,
  deleteProject,
  restoreProject,
  saveProjectAsTemplate,
  updateProject,
} from '../projects.api.ts';
import { projectKeys } from '../projects.keys.ts';
import type { Project, SaveAsTemplateBody, UpdateProjectBody } from '../project.types.ts';

/** After a change to one project: store the new state, refresh lists that may show it. */
function useProjectSaved() {
  const queryClient = useQueryClient();
  return (project: Project) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: projectKeys.analytics(project.id) });
  };
}

export function useCreateProject() {
  return useMutation({ mutationFn: createProject, onSuccess: useProjectSaved() });
}

export function useUpdateProject(id: string) {
  const saved = useProjectSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProjectBody) => updateProject(id, body),
    onSuccess: saved,
    onError: (error) => {
      // Someone else saved first: load their version so the next save starts from it.
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: projectKeys.detail(id) });
      }
    },
  });
}

export function useArchiveProject(id: string) {
  return useMutation({ mutationFn: () => archiveProject(id), onSuccess: useProjectSaved() });
}

export function useRestoreProject(id: string) {
  return useMutation({ mutationFn: () => restoreProject(id), onSuccess: useProjectSaved() });
}

export function useDeleteProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteProject(id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: projectKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
    },
  });
}

export function useSaveAsTemplate(id: string, organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveAsTemplateBody) => saveProjectAsTemplate(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.templates(organizationId) }),
  });
}
