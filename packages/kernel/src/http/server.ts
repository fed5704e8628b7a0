import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyInstance, type RouteOptions } from 'fastify';
import { registerAjvFormats, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { problem } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { handleError } from './problem-handler.ts';
import { typeBoxValidatorCompiler } from './validator-compiler.ts';

registerAjvFormats();

export type HttpServer = FastifyInstance;

export interface HttpServerOptions {
  logger: Logger;
  metrics: Metrics;
  bodyLimitBytes?: number;
  /** Checks behind `/ready`: each throws when its dependency is unavailable. */
  readiness?: Record<string, () => Promise<void>>;
  /** Fastify's `trustProxy`: true, or the addresses whose X-Forwarded-For is believed. */
  trustProxy?: boolean | string;
}

/** Objects in body and query schemas reject fields they do not declare. */
function closeObjectSchemas(route: RouteOptions): void {
  const schema = route.schema as Record<string, unknown> | undefined;
  for (const part of ['body', 'querystring']) {
    const value = schema?.[part] as Record<string, unknown> | undefined;
    if (value && value.type === 'object' && value.additionalProperties === undefined) {
      // Copy with descriptors: a spread drops TypeBox's non-enumerable markers, and with them the
      // conversion of query strings to numbers.
      const closed = Object.defineProperties({}, Object.getOwnPropertyDescriptors(value)) as Record<string, unknown>;
      closed.additionalProperties = false;
      schema![part] = closed;
    }
  }
}

/**
 * A Fastify server with the kernel's conventions: request ids, JSON logs, problem+json errors,
 * a body size limit, strict schema validation, `/health`, `/ready` and `/metrics`.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    trustProxy: options.trustProxy ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Requests are measured in /metrics; only slow and failed ones are logged (onResponse below).
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { ignoreTrailingSlash: true },
  })
    .setValidatorCompiler(typeBoxValidatorCompiler)
    .withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRoute', closeObjectSchemas);
  app.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    options.metrics.httpDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500 || reply.elapsedTime > 1000) {
      request.log.warn({ method: request.method, url: request.url, status: reply.statusCode, ms: reply.elapsedTime }, 'request');
    }
    done();
  });
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .type('application/problem+json')
      .send({ ...problem(404, 'ROUTE_NOT_FOUND', `No route for ${request.method} ${request.url}`), request_id: request.id });
  });

  app.get('/health', { schema: { hide: true } }, () => ({ status: 'ok' }));
  app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, string> = {};
    let ready = true;
    for (const [name, check] of Object.entries(options.readiness ?? {})) {
      try {
        await check();
        checks[name] = 'ok';
      } catch (error) {
        ready = false;
        checks[name] = error instanceof Error ? error.message : 'failed';
      }
    }
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const body = await options.metrics.registry.metrics();
    return reply.type(options.metrics.registry.contentType).send(body);
  });
  return app as unknown as HttpServer;
}
