import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { problem } from '@pm/kernel';
import type { FastifyInstance, FastifyReply } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves the built SPA, with index.html for every other non-API path (client-side routing). */
export async function registerWebApp(app: FastifyInstance, logger: { warn(msg: string): void }): Promise<void> {
  if (!existsSync(WEB_DIST)) {
    logger.warn('apps/web/dist is missing: run `npm run build:web` to serve the web app');
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // @fastify/static 10 hands over the Fastify reply here, not Node's response.
    setHeaders: (reply: FastifyReply, path: string) => {
      // Hashed asset names change with their content; index.html must always be fresh.
      void reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path.startsWith('/.well-known/')) {
      return reply
        .status(404)
        .type('application/problem+json')
        .send({ ...problem(404, 'ROUTE_NOT_FOUND', `No route for GET ${path}`), request_id: request.id });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
