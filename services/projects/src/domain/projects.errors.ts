import { AppError, ConflictError, NotFoundError } from '@pm/kernel';

/** Also the answer for projects outside the caller's organizations and projects (never 403). */
export class ProjectNotFoundError extends NotFoundError {
  constructor() {
    super('Project', 'PROJECTS_PROJECT_NOT_FOUND');
  }
}

export class MilestoneNotFoundError extends NotFoundError {
  constructor() {
    super('Milestone', 'PROJECTS_MILESTONE_NOT_FOUND');
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor() {
    super('Project member', 'PROJECTS_MEMBER_NOT_FOUND');
  }
}

export class TemplateNotFoundError extends NotFoundError {
  constructor(field?: string) {
    super('Project template', 'PROJECTS_TEMPLATE_NOT_FOUND');
    if (field) {
      this.errors.push({ field, message: 'is not a template you can use' });
    }
  }
}

/** The caller is not in the organization a request names, or it does not exist. */
export class OrganizationNotFoundError extends NotFoundError {
  constructor() {
    super('Organization', 'PROJECTS_ORGANIZATION_NOT_FOUND');
    this.errors.push({ field: 'organization_id', message: 'is not an organization you belong to' });
  }
}

/** A user named in a request is not a member of the project's organization. */
export class NotInOrganizationError extends AppError {
  readonly code = 'PROJECTS_USER_NOT_IN_ORGANIZATION';
  readonly httpStatus = 400;
  constructor(field: string) {
    super(`${field}: is not a member of the project's organization`);
    this.errors.push({ field, message: "is not a member of the project's organization" });
  }
}

/** Archived projects are read-only until restored. */
export class ProjectArchivedError extends ConflictError {
  constructor() {
    super('The project is archived; restore it before changing it', 'PROJECTS_PROJECT_ARCHIVED');
  }
}

/** A write based on an old version; `current` carries the state to merge with. */
export class VersionConflictError extends ConflictError {
  constructor(what: string, current: unknown) {
    super(`The ${what} was changed by someone else; here is its current state`, 'PROJECTS_VERSION_CONFLICT', {
      current,
    });
    this.errors.push({ field: 'version', message: 'is not the current version' });
  }
}

export class KeyTakenError extends ConflictError {
  constructor(key: string) {
    super(`The key ${key} is already used by a project of this organization`, 'PROJECTS_KEY_TAKEN');
    this.errors.push({ field: 'key', message: 'is already taken' });
  }
}

export class MemberExistsError extends ConflictError {
  constructor() {
    super('The user is already a member of the project; change their role instead', 'PROJECTS_MEMBER_EXISTS');
    this.errors.push({ field: 'user_id', message: 'is already a member' });
  }
}

export class LastAdminError extends AppError {
  readonly code = 'PROJECTS_LAST_ADMIN';
  readonly httpStatus = 409;
  constructor() {
    super('A project keeps at least one admin; make someone else admin first');
  }
}
