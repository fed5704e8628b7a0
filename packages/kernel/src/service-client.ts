import type { FastifyInstance } from 'fastify';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends one request to another service: `fetch` over HTTP in split mode, Fastify `inject` in the
 * all-in-one process. Typed clients in each service's contract are built on it.
 */
export type Transport = (request: {
  method: HttpMethod;
  path: string;
  body?: unknown;
  token?: string;
}) => Promise<{ status: number; body: unknown }>;

/** A service answered with an error status; `body` is its problem document. */
export class ServiceCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`service answered ${status}`);
  }
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

export function httpTransport(baseUrl: string, timeoutMs = 10_000): Transport {
  return async ({ method, path, body, token }) => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, body: parse(await res.text()) };
  };
}

export function injectTransport(app: FastifyInstance): Transport {
  return async ({ method, path, body, token }) => {
    const res = await app.inject({
      method,
      url: path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: res.statusCode, body: parse(res.body) };
  };
}

/** Calls the transport and returns the body, throwing ServiceCallError on a 4xx or 5xx. */
export async function callService<T>(
  transport: Transport,
  method: HttpMethod,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<T> {
  const res = await transport({ method, path, ...options });
  if (res.status >= 400) {
    throw new ServiceCallError(res.status, res.body);
  }
  return res.body as T;
}
