import { ConflictError, NotFoundError } from '@pm/kernel';

/** Also the answer for someone else's personal view and views of projects the caller cannot see. */
export class TaskViewNotFoundError extends NotFoundError {
  constructor() {
    super('Task view', 'TASKS_VIEW_NOT_FOUND');
  }
}

export class TaskViewLimitError extends ConflictError {
  constructor(limit: number) {
    super(`One person keeps at most ${limit} views per project`, 'TASKS_VIEW_LIMIT');
  }
}
