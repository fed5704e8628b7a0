import { ForbiddenError } from '@pm/kernel';
import type { CreateTaskViewBody, TaskView, UpdateTaskViewBody } from '../contract/http-views.ts';
import type { TaskViewChanges } from '../data/task-view.repository.ts';
import type { TasksDeps } from '../deps.ts';
import { TaskViewLimitError, TaskViewNotFoundError } from '../domain/task-view.errors.ts';
import { ProjectNotFoundError } from '../domain/tasks.errors.ts';
import { checkDueRange } from './find-tasks.ts';
import { projectFor, type ProjectContext } from './task-access.ts';

/** Per person and project: plenty for real use, and it bounds the list answer. */
const MAX_VIEWS_PER_OWNER = 100;

function assertMayShare(project: ProjectContext): void {
  if (project.role === 'viewer') {
    throw new ForbiddenError('Viewers keep personal views only');
  }
}

/**
 * The view if the caller sees it (their own, or a shared view of a project they see) and, to
 * `write`, owns it or administers the project; anything else they cannot see answers 404.
 * Views change nothing in the project, so they are kept on archived projects too.
 */
async function viewFor(
  deps: TasksDeps,
  userId: string,
  viewId: string,
  action: 'read' | 'write',
): Promise<{ view: TaskView; project: ProjectContext }> {
  const view = await deps.views.findById(viewId);
  const isOwner = view?.owner_id === userId;
  if (!view || (!view.shared && !isOwner)) {
    throw new TaskViewNotFoundError();
  }
  const project = await projectFor(deps, userId, view.project_id, 'read').catch((error: unknown) => {
    throw error instanceof ProjectNotFoundError ? new TaskViewNotFoundError() : error;
  });
  if (action === 'write' && !isOwner && project.role !== 'admin') {
    throw new ForbiddenError('Only its owner or a project admin changes a shared view');
  }
  return { view, project };
}

export async function listTaskViews(deps: TasksDeps, userId: string, projectId: string): Promise<TaskView[]> {
  await projectFor(deps, userId, projectId, 'read');
  return deps.views.visibleIn(projectId, userId);
}

export async function getTaskView(deps: TasksDeps, userId: string, viewId: string): Promise<TaskView> {
  return (await viewFor(deps, userId, viewId, 'read')).view;
}

/** Anyone who sees the project keeps personal views; members and admins also share them. */
export async function createTaskView(
  deps: TasksDeps,
  userId: string,
  body: CreateTaskViewBody,
): Promise<TaskView> {
  const project = await projectFor(deps, userId, body.project_id, 'read');
  checkDueRange(body.filters ?? {}, 'filters.due_before');
  const shared = body.shared ?? false;
  if (shared) {
    assertMayShare(project);
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if ((await deps.views.countOwned(trx, project.id, userId)) >= MAX_VIEWS_PER_OWNER) {
      throw new TaskViewLimitError(MAX_VIEWS_PER_OWNER);
    }
    return deps.views.insert(
      trx,
      {
        project_id: project.id,
        owner_id: userId,
        name: body.name.trim(),
        filters: body.filters ?? {},
        sort: body.sort ?? null,
        layout: body.layout,
        shared,
      },
      now,
    );
  });
}

export async function updateTaskView(
  deps: TasksDeps,
  userId: string,
  viewId: string,
  body: UpdateTaskViewBody,
): Promise<TaskView> {
  const { view, project } = await viewFor(deps, userId, viewId, 'write');
  checkDueRange(body.filters ?? {}, 'filters.due_before');
  if (body.shared === true && !view.shared) {
    assertMayShare(project);
  }
  const changes: TaskViewChanges = {
    ...(body.name === undefined ? {} : { name: body.name.trim() }),
    ...(body.filters === undefined ? {} : { filters: body.filters }),
    ...(body.sort === undefined ? {} : { sort: body.sort }),
    ...(body.layout === undefined ? {} : { layout: body.layout }),
    ...(body.shared === undefined ? {} : { shared: body.shared }),
  };
  if (Object.keys(changes).length === 0) {
    return view;
  }
  return deps.views.update(deps.db, view.id, changes, deps.clock.now());
}

export async function deleteTaskView(deps: TasksDeps, userId: string, viewId: string): Promise<void> {
  const { view } = await viewFor(deps, userId, viewId, 'write');
  await deps.views.delete(deps.db, view.id);
}
