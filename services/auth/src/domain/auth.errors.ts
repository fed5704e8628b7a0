import { AppError, UnauthorizedError } from '@pm/kernel';
import type { OAuthFailureReason } from './oauth-identity.ts';

/** Wrong password and unknown account answer alike, so neither reveals which accounts exist. */
export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('The email, username or password is incorrect', 'AUTH_INVALID_CREDENTIALS');
  }
}

export class InvalidRefreshTokenError extends UnauthorizedError {
  constructor() {
    super('The refresh token is invalid, expired or already used', 'AUTH_INVALID_REFRESH_TOKEN');
  }
}

export class AccountTakenError extends AppError {
  readonly code = 'AUTH_ACCOUNT_EXISTS';
  readonly httpStatus = 409;
  constructor(field: 'email' | 'username') {
    super(`An account with this ${field} already exists`);
    this.errors.push({ field, message: `is already taken` });
  }
}

export class InvalidEmailTokenError extends AppError {
  readonly code = 'AUTH_INVALID_TOKEN';
  readonly httpStatus = 400;
  constructor() {
    super('The link is invalid or has expired; ask for a new one');
    this.errors.push({ field: 'token', message: 'is invalid or expired' });
  }
}

/** A provider sign-in that cannot complete; `reason` is the short code the SPA callback page gets. */
export class OAuthError extends AppError {
  readonly code = 'AUTH_OAUTH_FAILED';
  readonly httpStatus = 400;
  constructor(
    readonly reason: OAuthFailureReason,
    detail: string,
    cause?: unknown,
  ) {
    super(detail, cause === undefined ? undefined : { cause });
  }
}

export class InvalidOAuthCodeError extends OAuthError {
  constructor() {
    super('invalid_code', 'The sign-in code is invalid, expired or already used; sign in again');
    this.errors.push({ field: 'code', message: 'is invalid, expired or already used' });
  }
}
