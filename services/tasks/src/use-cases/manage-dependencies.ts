import type { DependencyType, TaskDependency } from '../contract/http.ts';
import type { TasksDeps } from '../deps.ts';
import {
  DependencyCycleError,
  DependencyExistsError,
  DependencyNotFoundError,
  InvalidTaskFieldError,
} from '../domain/tasks.errors.ts';
import { taskFor } from './task-access.ts';

export async function listDependencies(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
): Promise<TaskDependency[]> {
  const { task } = await taskFor(deps, userId, idOrKey, 'read');
  return deps.dependencies.list(task.id);
}

/**
 * Makes the task depend on another task of the same organization that the caller can see. A link
 * that would close a loop answers 409 with the loop's task keys.
 */
export async function addDependency(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  body: { depends_on_task_id: string; dependency_type?: DependencyType },
): Promise<TaskDependency> {
  const { task } = await taskFor(deps, userId, idOrKey, 'write');
  const { task: blocker } = await taskFor(
    deps,
    userId,
    body.depends_on_task_id,
    'read',
    'depends_on_task_id',
  );
  if (blocker.organization_id !== task.organization_id) {
    throw new InvalidTaskFieldError('depends_on_task_id', "is not a task of this task's organization");
  }
  if (blocker.id === task.id) {
    throw new InvalidTaskFieldError('depends_on_task_id', 'is the task itself');
  }
  const now = deps.clock.now();
  return deps.outbox.transaction(deps.db, async (trx) => {
    await deps.dependencies.lockOrganization(trx, task.organization_id);
    if (await deps.dependencies.exists(trx, task.id, blocker.id)) {
      throw new DependencyExistsError();
    }
    const path = await deps.dependencies.path(trx, blocker.id, task.id);
    if (path) {
      const keys = await deps.dependencies.keysOf(trx, path);
      throw new DependencyCycleError([task.key, ...path.map((id) => keys.get(id) ?? id)]);
    }
    const dependency = await deps.dependencies.insert(
      trx,
      {
        task_id: task.id,
        depends_on_task_id: blocker.id,
        dependency_type: body.dependency_type ?? 'finish_to_start',
        created_by: userId,
      },
      now,
    );
    await deps.tasks.addActivity(
      trx,
      [{ task_id: task.id, actor_id: userId, field: 'dependency_added', from: null, to: blocker.key }],
      now,
    );
    return dependency;
  });
}

export async function removeDependency(
  deps: TasksDeps,
  userId: string,
  idOrKey: string,
  dependencyId: string,
): Promise<void> {
  const { task } = await taskFor(deps, userId, idOrKey, 'write');
  const dependency = await deps.dependencies.find(task.id, dependencyId);
  if (!dependency) {
    throw new DependencyNotFoundError();
  }
  const now = deps.clock.now();
  await deps.outbox.transaction(deps.db, async (trx) => {
    await deps.dependencies.delete(trx, dependency.id);
    await deps.tasks.addActivity(
      trx,
      [
        {
          task_id: task.id,
          actor_id: userId,
          field: 'dependency_removed',
          from: dependency.depends_on_key,
          to: null,
        },
      ],
      now,
    );
  });
}
