import { ForbiddenError } from '@pm/kernel';
import type { TimeTrackingDeps } from '../deps.ts';
import { isOrgAdmin, mayLogTimeIn, mayLogTimeOn, projectRoleOf } from '../domain/time-access.ts';
import { InvalidTimeFieldError, UnknownReferenceError } from '../domain/time.errors.ts';

/** Who asks: their id and the organization their token was issued for, if any. */
export interface Caller {
  id: string;
  organizationId: string | null;
}

/** Where time is logged: an organization, optionally a project and a task of it. */
export interface Target {
  organizationId: string;
  projectId: string | null;
  taskId: string | null;
}

/**
 * The organization a request means: the one named, else the token's, else the caller's only
 * one. Organizations the caller is not in answer 404 naming `organization_id`.
 */
export async function organizationFor(
  deps: TimeTrackingDeps,
  caller: Caller,
  named?: string,
): Promise<string> {
  const candidate = named ?? caller.organizationId ?? undefined;
  if (candidate) {
    if (await deps.readModels.orgRole(caller.id, candidate)) {
      return candidate;
    }
    if (named) {
      throw new UnknownReferenceError('Organization', 'organization_id');
    }
  }
  const mine = await deps.readModels.organizationsOf(caller.id);
  if (mine.length === 1) {
    return mine[0]!;
  }
  throw new InvalidTimeFieldError(
    'organization_id',
    'is required: you belong to several organizations (or none)',
  );
}

/** Checks that the caller may log time on the task or project named, and finds its organization. */
export async function targetFor(
  deps: TimeTrackingDeps,
  caller: Caller,
  named: {
    organization_id?: string | undefined;
    project_id?: string | null | undefined;
    task_id?: string | null | undefined;
  },
): Promise<Target> {
  let projectId = named.project_id ?? null;
  const taskId = named.task_id ?? null;
  if (taskId) {
    const task = await deps.readModels.task(taskId);
    if (!task) {
      throw new UnknownReferenceError('Task', 'task_id');
    }
    if (projectId && projectId !== task.project_id) {
      throw new InvalidTimeFieldError('project_id', "is not the task's project");
    }
    projectId = task.project_id;
  }
  if (projectId) {
    const access = await deps.readModels.projectAccess(caller.id, projectId);
    const role = access ? projectRoleOf(access.orgRole, access.memberRole) : null;
    if (!access || !role) {
      throw new UnknownReferenceError(taskId ? 'Task' : 'Project', taskId ? 'task_id' : 'project_id');
    }
    if (!mayLogTimeOn(role)) {
      throw new ForbiddenError(`Your role on this project (${role}) does not allow logging time`);
    }
    if (named.organization_id && named.organization_id !== access.organization_id) {
      throw new InvalidTimeFieldError(taskId ? 'task_id' : 'project_id', 'is in another organization');
    }
    return { organizationId: access.organization_id, projectId, taskId };
  }
  const organizationId = await organizationFor(deps, caller, named.organization_id);
  const orgRole = await deps.readModels.orgRole(caller.id, organizationId);
  if (!orgRole || !mayLogTimeIn(orgRole)) {
    throw new ForbiddenError('Guests log time only on projects they are members of');
  }
  return { organizationId, projectId: null, taskId: null };
}

/** Whether the caller administers the organization (owner or admin). */
export async function isAdminOf(
  deps: TimeTrackingDeps,
  callerId: string,
  organizationId: string,
): Promise<boolean> {
  return isOrgAdmin(await deps.readModels.orgRole(callerId, organizationId));
}
