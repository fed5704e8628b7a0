import { AppError, UnauthorizedError } from '@pm/kernel';

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

export class OAuthError extends AppError {
  readonly code = 'AUTH_OAUTH_FAILED';
  readonly httpStatus = 400;
}
