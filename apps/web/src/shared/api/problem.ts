/** One bad field of a request, as the API names it in a problem's `errors[]`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem document as the gateway renders it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: FieldError[];
  /** Extension members (a conflict's `current` state, a cycle's task keys). */
  [member: string]: unknown;
}

/** Any failed API call: an HTTP error answer, or no answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string | undefined;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | undefined;
  /** The whole problem document, extension members included. */
  readonly problem: Problem;

  constructor(status: number, problem: Problem, retryAfterSeconds?: number) {
    super(problem.detail ?? problem.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code;
    this.title = problem.title ?? 'Request failed';
    this.detail = problem.detail;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfterSeconds = retryAfterSeconds;
    this.problem = problem;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) {
    return undefined;
  }
  const seconds = Number(value);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null;
}

/** Reads an error answer; bodies that are not JSON still give a usable error. */
export async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
  const type = res.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await res.json();
      if (isProblem(body)) {
        return new ApiError(res.status, body, retryAfter);
      }
    } catch {
      // A malformed error body is reported by status alone below.
    }
  }
  return new ApiError(res.status, { title: res.statusText || 'Request failed' }, retryAfter);
}

export function networkError(): ApiError {
  return new ApiError(0, {
    title: 'Network error',
    detail: "We couldn't reach the server. Check your connection and try again.",
  });
}

/** Ends a message with a full stop unless it already has closing punctuation. */
export function asSentence(message: string): string {
  const trimmed = message.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "45 seconds", "15 minutes". */
function formatWait(seconds: number): string {
  if (seconds < 60) {
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** A sentence for a banner or toast, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfterSeconds;
      return wait
        ? `Too many attempts. Try again in ${formatWait(wait)}.`
        : 'Too many attempts. Wait a moment and try again.';
    }
    if (error.status >= 500) {
      return 'Something went wrong on our side. Try again in a moment.';
    }
    return asSentence(error.detail ?? error.title);
  }
  return 'Something unexpected happened. Try again.';
}
