import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { requireAuth } from '@pm/kernel';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Redis } from 'ioredis';
import { leasedRedisStore } from './rate-limit-store.ts';
import { requiresToken } from './route-table.ts';

export interface GatewayOptions {
  /** Allowed browser origins; empty allows same-origin requests only. */
  corsOrigins: string[];
  /** Redis client shared by every gateway instance; absent: counters in this process. */
  redis?: Redis | undefined;
  /** Requests per minute per user (signed in) or per IP (anonymous). */
  rateLimitPerMinute: number;
  /** Prefix of the counters' Redis keys. */
  rateLimitNamespace: string;
}

/**
 * The headers a helmet middleware sets, read once: with a fixed policy (no nonce) they are the same
 * for every answer, so each answer gets them in one step. Run on every request, helmet's twelve
 * middlewares and their `setHeader` calls were 2.9% of the server's profile under the benchmark's
 * reads of one task, a twentieth of its time on the CPU; `reply.headers` is 0.2% (bench/RESULTS.md).
 * (The one header it removes, `X-Powered-By`, is one Fastify never sets.)
 */
function headersSetBy(middleware: ReturnType<typeof helmet>): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value;
    },
    removeHeader: () => undefined,
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) {
      throw new Error('helmet did not set its headers', { cause: error });
    }
  });
  return headers;
}

function rateKey(request: FastifyRequest): string {
  // Signed-in callers are counted per user wherever they come from; others per address.
  return request.auth ? `user:${request.auth.sub}` : `ip:${request.ip || 'unknown'}`;
}

/**
 * The gateway's cross-cutting rules: security headers, CORS, rate limits and the token check on
 * protected routes. Authentication itself must be registered first so that `request.auth` is set.
 */
export async function registerGateway(app: FastifyInstance, options: GatewayOptions): Promise<void> {
  const securityHeaders = headersSetBy(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:'],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cors, {
    origin: options.corsOrigins.length > 0 ? options.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'],
  });
  const { redis, rateLimitNamespace } = options;
  await app.register(rateLimit, {
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    // Shared through Redis, a lease at a time (LeasedRedisRateLimitStore); without Redis, in this process.
    ...(redis ? { store: leasedRedisStore(redis, rateLimitNamespace) } : {}),
    // A Redis outage lets requests through uncounted rather than failing them (Kong's fault_tolerant default).
    skipOnError: true,
    keyGenerator: rateKey,
    allowList: (request) => !request.url.startsWith('/api/'),
    enableDraftSpec: true,
    errorResponseBuilder: (_request, context) => {
      const error = Object.assign(new Error(`Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`), {
        statusCode: 429,
        code: 'RATE_LIMITED',
      });
      return error;
    },
  });
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'OPTIONS' && requiresToken(request.url)) {
      requireAuth(request);
    }
  });
}
