import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { UpstreamUnavailableError } from './gateway.errors.ts';
import type { Upstream } from './route-table.ts';

/** How long an upstream may take to answer before the gateway gives up with a 503. */
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * Sets X-Forwarded-For to the hops this gateway believes (its own TRUST_PROXY), ending with its
 * peer, so a service that trusts the gateway sees the client's IP for its per-IP limits while a
 * client-written header the gateway does not trust is dropped. The request id goes along so one
 * id follows the request through both logs.
 */
function forwardedHeaders<H extends IncomingHttpHeaders>(headers: H, hops: string[], requestId: string): H {
  return { ...headers, 'x-forwarded-for': hops.join(', '), 'x-request-id': requestId };
}

/** Forwards each upstream's paths to its base URL, path unchanged (split mode). */
export async function registerUpstreamProxies(app: FastifyInstance, upstreams: Upstream[]): Promise<void> {
  for (const upstream of upstreams) {
    for (const path of upstream.paths) {
      // http-proxy is not encapsulated: its pass-through body parsers would leak into the parent
      // scope (STACK.md), so each one gets a scope of its own.
      await app.register(async (scope) => {
        await scope.register(httpProxy, {
          upstream: upstream.url,
          prefix: path,
          rewritePrefix: path,
          http: { requestOptions: { timeout: UPSTREAM_TIMEOUT_MS } },
          disableRequestLogging: true,
          replyOptions: {
            rewriteRequestHeaders: (request, headers) =>
              // `ips` (set only with TRUST_PROXY) runs from the peer back to the client.
              forwardedHeaders(headers, request.ips ? [...request.ips].reverse() : [request.ip], request.id),
            onError: (reply, { error }) => {
              reply.log.warn({ err: error, upstream: upstream.service }, 'upstream failed');
              void reply.send(new UpstreamUnavailableError(upstream.service));
            },
          },
        });
      });
    }
  }
}
