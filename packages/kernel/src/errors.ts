/** One bad field of a request, as listed in a problem document's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** Base of every expected error: it carries a stable code and the HTTP status it maps to. */
export abstract class AppError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  readonly errors: FieldError[] = [];
  /** Extra members for the problem document (for example the current state on a conflict). */
  readonly extensions: Record<string, unknown> = {};
  /** Extra response headers (for example Retry-After). */
  readonly headers: Record<string, string> = {};
}

export class ValidationError extends AppError {
  readonly code = 'VALIDATION_FAILED';
  readonly httpStatus = 400;
  constructor(errors: FieldError[], detail?: string) {
    super(detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.errors.push(...errors);
  }
}

export class NotFoundError extends AppError {
  readonly code: string;
  readonly httpStatus = 404;
  constructor(what: string, code = 'NOT_FOUND') {
    super(`${what} was not found`);
    this.code = code;
  }
}

export class UnauthorizedError extends AppError {
  readonly code: string;
  readonly httpStatus = 401;
  constructor(detail = 'Authentication is required', code = 'UNAUTHORIZED') {
    super(detail);
    this.code = code;
  }
}

export class ForbiddenError extends AppError {
  readonly code: string;
  readonly httpStatus = 403;
  constructor(detail: string, code = 'FORBIDDEN') {
    super(detail);
    this.code = code;
  }
}

export class ConflictError extends AppError {
  readonly code: string;
  readonly httpStatus = 409;
  constructor(detail: string, code = 'CONFLICT', extensions: Record<string, unknown> = {}) {
    super(detail);
    this.code = code;
    Object.assign(this.extensions, extensions);
  }
}

export class TooManyRequestsError extends AppError {
  readonly code = 'RATE_LIMITED';
  readonly httpStatus = 429;
  constructor(retryAfterSeconds: number) {
    super(`Too many requests; retry in ${retryAfterSeconds} s`);
    this.headers['retry-after'] = String(retryAfterSeconds);
  }
}

/** RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  request_id?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(status: number, code: string, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `https://seed-pm.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...extra,
  };
}
