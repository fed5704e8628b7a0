import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, problem, type FieldError } from '../errors.ts';

interface SchemaIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_BODY',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_BODY',
};

/** `/a/0/b` → `a[0].b`, with the part (query, params) named when it is not the body. */
function fieldName(context: string | undefined, path: string): string {
  const name = path
    .split('/')
    .filter(Boolean)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
  return context && context !== 'body' ? `${context}.${name}` : name;
}

export function fieldErrors(issues: SchemaIssue[], context?: string): FieldError[] {
  const result = new Map<string, FieldError>();
  for (const issue of issues) {
    const params = issue.params ?? {};
    if (issue.keyword === 'required') {
      for (const name of (params.requiredProperties as string[] | undefined) ?? []) {
        const field = fieldName(context, `${issue.instancePath}/${name}`);
        result.set(field, { field, message: 'is required' });
      }
    } else if (issue.keyword === 'additionalProperties') {
      for (const name of (params.additionalProperties as string[] | undefined) ?? []) {
        const field = fieldName(context, `${issue.instancePath}/${name}`);
        result.set(field, { field, message: 'is not an allowed field' });
      }
    } else {
      const field = fieldName(context, issue.instancePath) || context || 'body';
      if (!result.has(field)) {
        result.set(field, { field, message: issue.message ?? 'is invalid' });
      }
    }
  }
  return [...result.values()];
}

/** Renders every error as application/problem+json; unknown errors become a logged 500. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const send = (status: number, body: ReturnType<typeof problem>) => {
    void reply
      .status(status)
      .type('application/problem+json')
      .send({ ...body, instance: request.url, request_id: request.id });
  };
  if (error instanceof AppError) {
    reply.headers(error.headers);
    send(
      error.httpStatus,
      problem(error.httpStatus, error.code, error.message, {
        ...error.extensions,
        ...(error.errors.length > 0 ? { errors: error.errors } : {}),
      }),
    );
    return;
  }
  if (error.validation) {
    const errors = fieldErrors(error.validation, error.validationContext);
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    send(400, problem(400, 'VALIDATION_FAILED', detail || 'The request is invalid', { errors }));
    return;
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const code = FASTIFY_CODES[error.code] ?? error.code?.replace(/^FST_ERR_/, '') ?? 'BAD_REQUEST';
    const detail = status === 413 ? 'The request body is larger than the server accepts' : error.message;
    send(status, problem(status, code, detail));
    return;
  }
  request.log.error({ err: error }, 'unhandled error');
  send(500, problem(500, 'INTERNAL', 'Something went wrong on our side; the request id identifies it in the logs'));
}
