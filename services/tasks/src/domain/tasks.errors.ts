import { AppError, ConflictError, NotFoundError } from '@pm/kernel';

/** Also the answer for tasks outside the caller's projects (never 403). */
export class TaskNotFoundError extends NotFoundError {
  constructor(field?: string) {
    super('Task', 'TASKS_TASK_NOT_FOUND');
    if (field) {
      this.errors.push({ field, message: 'is not a task you can see' });
    }
  }
}

export class ProjectNotFoundError extends NotFoundError {
  constructor() {
    super('Project', 'TASKS_PROJECT_NOT_FOUND');
    this.errors.push({ field: 'project_id', message: 'is not a project you can see' });
  }
}

export class DependencyNotFoundError extends NotFoundError {
  constructor() {
    super('Task dependency', 'TASKS_DEPENDENCY_NOT_FOUND');
  }
}

/** A request field names something that breaks a task rule; the message says which and why. */
export class InvalidTaskFieldError extends AppError {
  readonly code = 'TASKS_INVALID_FIELD';
  readonly httpStatus = 400;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.errors.push({ field, message });
  }
}

export class ProjectArchivedError extends ConflictError {
  constructor() {
    super('The project is archived; restore it before changing its tasks', 'TASKS_PROJECT_ARCHIVED');
  }
}

/** A write based on an old version; `current` carries the task as it is now. */
export class VersionConflictError extends ConflictError {
  constructor(current: unknown) {
    super('The task was changed by someone else; here is its current state', 'TASKS_VERSION_CONFLICT', {
      current,
    });
    this.errors.push({ field: 'version', message: 'is not the current version' });
  }
}

/** The dependency would close a loop; `cycle` lists the task keys around it. */
export class DependencyCycleError extends ConflictError {
  constructor(cycle: string[]) {
    super(`The dependency would make a cycle: ${cycle.join(' → ')}`, 'TASKS_DEPENDENCY_CYCLE', { cycle });
    this.errors.push({ field: 'depends_on_task_id', message: `closes the cycle ${cycle.join(' → ')}` });
  }
}

export class DependencyExistsError extends ConflictError {
  constructor() {
    super('The task already depends on that task', 'TASKS_DEPENDENCY_EXISTS');
    this.errors.push({ field: 'depends_on_task_id', message: 'is already a dependency' });
  }
}

/** The plan would cover more open tasks than one answer may; a milestone narrows it. */
export class CriticalPathTooLargeError extends AppError {
  readonly code = 'TASKS_CRITICAL_PATH_TOO_LARGE';
  readonly httpStatus = 422;
  constructor(limit: number) {
    super(`The project has more than ${limit} open tasks; ask for one milestone's critical path`);
    this.errors.push({ field: 'milestone_id', message: `is needed above ${limit} open tasks` });
  }
}
