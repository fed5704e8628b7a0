import { ForbiddenError } from '@pm/kernel';
import type { Task } from '../contract/http.ts';
import type { ProjectAccess } from '../data/access.repository.ts';
import type { TasksDeps } from '../deps.ts';
import { effectiveProjectRole, mayDo, type ProjectRole, type TaskAction } from '../domain/task-access.ts';
import { ProjectArchivedError, ProjectNotFoundError, TaskNotFoundError } from '../domain/tasks.errors.ts';
import { DEFAULT_WORKFLOW, type WorkflowStatus } from '../domain/workflow.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TASK_KEY = /^([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,8})$/;

export interface ProjectContext {
  id: string;
  organizationId: string;
  key: string;
  role: ProjectRole;
  workflow: WorkflowStatus[];
}

function contextOf(access: ProjectAccess, action: TaskAction): ProjectContext | undefined {
  const role = effectiveProjectRole(access.orgRole, access.memberRole);
  if (!role) {
    return undefined;
  }
  if (!mayDo(role, action)) {
    throw new ForbiddenError(`Your role on this project (${role}) does not allow this`);
  }
  if (action === 'write' && access.project.status === 'archived') {
    throw new ProjectArchivedError();
  }
  const { project } = access;
  const workflow = project.workflow ?? DEFAULT_WORKFLOW;
  return { id: project.id, organizationId: project.organization_id, key: project.key, role, workflow };
}

/** The project if `userId` may do `action` on its tasks; invisible projects answer 404. */
export async function projectFor(
  deps: TasksDeps,
  userId: string,
  projectId: string,
  action: TaskAction,
): Promise<ProjectContext> {
  const access = await deps.access.projectAccess(userId, projectId);
  const context = access ? contextOf(access, action) : undefined;
  if (!context) {
    throw new ProjectNotFoundError();
  }
  return context;
}

/** Resolves a task's UUID or key to the id of a task the caller sees (else undefined). */
async function visibleId(deps: TasksDeps, userId: string, idOrKey: string): Promise<string | undefined> {
  if (UUID.test(idOrKey)) {
    return idOrKey;
  }
  const match = TASK_KEY.exec(idOrKey.toUpperCase());
  if (!match) {
    return undefined;
  }
  const candidates = await deps.tasks.idsByKey(match[1]!, Number(match[2]));
  for (const candidate of candidates) {
    const access = await deps.access.projectAccess(userId, candidate.project_id);
    if (access && effectiveProjectRole(access.orgRole, access.memberRole)) {
      return candidate.id;
    }
  }
  return undefined;
}

/** The task (by UUID or key) and its project, if `userId` may do `action`; else 404 (or 403 inside). */
export async function taskFor(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  action: TaskAction,
  field?: string,
): Promise<{ task: Task; project: ProjectContext }> {
  const id = await visibleId(deps, userId, idOrKey);
  const found = id ? await deps.tasks.findWithAccess(id, userId) : undefined;
  const project = found ? contextOf(found.access, action) : undefined;
  if (!found || !project) {
    throw new TaskNotFoundError(field);
  }
  return { task: found.task, project };
}

/**
 * The task (by UUID or key) as the text of its JSON, built by the database as a list's tasks are,
 * if `userId` may read it; else 404.
 */
export async function readableTaskJson(deps: TasksDeps, userId: string, idOrKey: string): Promise<string> {
  const id = await visibleId(deps, userId, idOrKey);
  const found = id ? await deps.tasks.findJsonWithAccess(id, userId) : undefined;
  // Every role may read (mayDo): a role on the project is enough.
  if (!found || !effectiveProjectRole(found.orgRole, found.memberRole)) {
    throw new TaskNotFoundError();
  }
  return found.json;
}
