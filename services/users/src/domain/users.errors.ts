import { AppError, ConflictError, ForbiddenError, NotFoundError } from '@pm/kernel';

/** Also the answer for people who share no organization with the caller (never 403). */
export class UserNotFoundError extends NotFoundError {
  constructor() {
    super('User', 'USERS_USER_NOT_FOUND');
  }
}

/** The organization does not exist or the caller is not in it. */
export class OrganizationNotFoundError extends NotFoundError {
  constructor(field?: string) {
    super('Organization', 'USERS_ORGANIZATION_NOT_FOUND');
    if (field) {
      this.errors.push({ field, message: 'is not an organization you belong to' });
    }
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor() {
    super('Organization member', 'USERS_MEMBER_NOT_FOUND');
  }
}

export class TeamNotFoundError extends NotFoundError {
  constructor() {
    super('Team', 'USERS_TEAM_NOT_FOUND');
  }
}

export class TeamMemberNotFoundError extends NotFoundError {
  constructor() {
    super('Team member', 'USERS_TEAM_MEMBER_NOT_FOUND');
  }
}

export class InvitationNotFoundError extends NotFoundError {
  constructor() {
    super('Invitation', 'USERS_INVITATION_NOT_FOUND');
  }
}

/** Inside the organization but not allowed: ADR 0002's FORBIDDEN. */
export function forbidden(detail: string, field?: string): ForbiddenError {
  const error = new ForbiddenError(detail);
  if (field) {
    error.errors.push({ field, message: 'may not be changed by you' });
  }
  return error;
}

/** An organization always keeps at least one owner. */
export class LastOwnerError extends ConflictError {
  constructor(organizationId: string) {
    super('An organization keeps at least one owner; make someone else owner first', 'USERS_LAST_OWNER', {
      organization_id: organizationId,
    });
  }
}

/** A write based on an old version; `current` carries the state to merge with. */
export class VersionConflictError extends ConflictError {
  constructor(what: string, current: unknown) {
    super(`The ${what} was changed by someone else; here is its current state`, 'USERS_VERSION_CONFLICT', {
      current,
    });
    this.errors.push({ field: 'version', message: 'is not the current version' });
  }
}

export class AlreadyMemberError extends ConflictError {
  constructor(field: string) {
    super('This person is already a member', 'USERS_ALREADY_MEMBER');
    this.errors.push({ field, message: 'is already a member' });
  }
}

export class InvitationExistsError extends ConflictError {
  constructor() {
    super('An invitation to this address is already pending; resend it instead', 'USERS_INVITATION_EXISTS');
    this.errors.push({ field: 'email', message: 'already has a pending invitation' });
  }
}

/** Revoked or accepted invitations cannot be resent or revoked again. */
export class InvitationClosedError extends ConflictError {
  constructor(status: string) {
    super(`The invitation is ${status}`, 'USERS_INVITATION_CLOSED', { status });
  }
}

/** The token is known but can no longer be used (expired, revoked, used by someone else). */
export class InvitationUnusableError extends AppError {
  readonly code = 'USERS_INVITATION_UNUSABLE';
  readonly httpStatus = 400;
  constructor(reason: string) {
    super(`The invitation ${reason}; ask for a new one`);
    this.errors.push({ field: 'token', message: reason });
  }
}

export class InvitationEmailMismatchError extends AppError {
  readonly code = 'USERS_INVITATION_EMAIL_MISMATCH';
  readonly httpStatus = 403;
  constructor() {
    super('The invitation was sent to another email address; sign in with that address to accept it');
    this.errors.push({ field: 'token', message: 'was sent to another email address' });
  }
}

/** A person named in a request is not a member of the organization. */
export class NotInOrganizationError extends AppError {
  readonly code = 'USERS_USER_NOT_IN_ORGANIZATION';
  readonly httpStatus = 400;
  constructor(field: string) {
    super(`${field}: is not a member of the organization`);
    this.errors.push({ field, message: 'is not a member of the organization' });
  }
}
