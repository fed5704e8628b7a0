import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSignedInUser } from '../../auth/hooks/use-session.ts';
import { useOrganizations } from '../../organizations/current-organization.tsx';
import type { Project } from '../../projects/project.types.ts';
import { refreshTaskLists, storeTask } from '../task-cache.ts';
import {
  applyTaskTemplate,
  createTaskTemplate,
  deleteTaskTemplate,
  listTaskTemplates,
  updateTaskTemplate,
  type CreateTaskTemplateBody,
  type TaskTemplate,
  type UpdateTaskTemplateBody,
} from '../task-templates.api.ts';
import type { Task } from '../task.types.ts';

/** Templates live apart from `taskKeys`: a task change does not touch them. */
export const taskTemplateKeys = {
  all: ['task-templates'] as const,
  project: (projectId: string) => ['task-templates', projectId] as const,
};

/** The templates usable in a project (its own first, then the organization's), each by name. */
export function useTaskTemplates(projectId: string, enabled = true) {
  return useQuery({
    queryKey: taskTemplateKeys.project(projectId),
    queryFn: ({ signal }) => listTaskTemplates(projectId, signal),
    select: (templates) =>
      [...templates].sort(
        (a, b) =>
          Number(a.project_id === null) - Number(b.project_id === null) || a.name.localeCompare(b.name),
      ),
    enabled: enabled && Boolean(projectId),
  });
}

/** Any change may show in several projects' lists (organization templates): refetch them all. */
function useRefreshTemplates() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: taskTemplateKeys.all });
}

export function useCreateTaskTemplate() {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (body: CreateTaskTemplateBody) => createTaskTemplate(body),
    onSuccess: refresh,
  });
}

export function useUpdateTaskTemplate() {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskTemplateBody }) => updateTaskTemplate(id, body),
    onSuccess: refresh,
  });
}

export function useDeleteTaskTemplate() {
  const refresh = useRefreshTemplates();
  return useMutation({
    mutationFn: (id: string) => deleteTaskTemplate(id),
    // A template someone else deleted (404) is gone too: refresh either way.
    onSettled: refresh,
  });
}

export interface ApplyTemplateInput {
  templateId: string;
  projectId: string;
  title?: string | undefined;
  assignedTo: string | null;
  dueDate: string | null;
  milestoneId: string | null;
}

/** Creates a task and its sub-tasks from a template; boards and lists refetch to show them. */
export function useApplyTaskTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ApplyTemplateInput) =>
      applyTaskTemplate(input.templateId, {
        project_id: input.projectId,
        ...(input.title ? { title: input.title } : {}),
        assigned_to: input.assignedTo,
        due_date: input.dueDate,
        milestone_id: input.milestoneId,
      }),
    onSuccess: (task: Task) => {
      storeTask(queryClient, task);
      refreshTaskLists(queryClient);
    },
  });
}

/** What the caller may do with task templates in a project, mirroring the API's rules. */
export function useTemplateRights(project: Pick<Project, 'organization_id' | 'my_role' | 'status'>) {
  const user = useSignedInUser();
  const { organizations } = useOrganizations();
  const orgRole = organizations.find((o) => o.id === project.organization_id)?.my_role ?? 'guest';
  const isOrgAdmin = orgRole === 'owner' || orgRole === 'admin';
  const isWritableProject = project.my_role !== 'viewer' && project.status !== 'archived';
  return {
    mayCreateForProject: isWritableProject,
    mayCreateForOrganization: orgRole !== 'guest',
    /** Its author or an admin (of the project, or of the organization for organization templates). */
    mayEdit: (template: TaskTemplate): boolean => {
      const isAuthor = template.created_by === user.id;
      if (template.project_id) {
        return isWritableProject && (isAuthor || project.my_role === 'admin');
      }
      return isAuthor || isOrgAdmin;
    },
  };
}
