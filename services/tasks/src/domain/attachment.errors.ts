import { ConflictError, NotFoundError } from '@pm/kernel';

export class AttachmentNotFoundError extends NotFoundError {
  constructor() {
    super('Attachment', 'TASKS_ATTACHMENT_NOT_FOUND');
  }
}

export class AttachmentExistsError extends ConflictError {
  constructor() {
    super('The file is already attached to the task', 'TASKS_ATTACHMENT_EXISTS');
    this.errors.push({ field: 'file_id', message: 'is already attached to this task' });
  }
}

export class AttachmentLimitError extends ConflictError {
  constructor(limit: number) {
    super(`A task holds at most ${limit} attachments`, 'TASKS_ATTACHMENT_LIMIT');
  }
}
