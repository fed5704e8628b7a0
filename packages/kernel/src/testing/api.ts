import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/** One `/api/v1` request through Fastify `inject`, with an optional bearer token and JSON body. */
export function injectApi(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { token?: string | undefined; body?: unknown } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url: `/api/v1${url}`,
    headers: options.token ? { authorization: `Bearer ${options.token}` } : {},
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}
