import { NotFoundError } from '@pm/kernel';

/** Also the answer for templates outside the caller's organizations and projects (never 403). */
export class TaskTemplateNotFoundError extends NotFoundError {
  constructor() {
    super('Task template', 'TASKS_TEMPLATE_NOT_FOUND');
  }
}

export class OrganizationNotFoundError extends NotFoundError {
  constructor() {
    super('Organization', 'TASKS_ORGANIZATION_NOT_FOUND');
    this.errors.push({ field: 'organization_id', message: 'is not an organization you belong to' });
  }
}
