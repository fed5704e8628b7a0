import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Serves the built SPA, with index.html for every non-API path (client-side routing). */
export async function registerWebApp(app: FastifyInstance, logger: { warn(msg: string): void }): Promise<void> {
  if (!existsSync(WEB_DIST)) {
    logger.warn('apps/web/dist is missing: run `npm run build:web` to serve the web app');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/.well-known/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send({ type: 'about:blank', title: 'Not Found', status: 404, code: 'ROUTE_NOT_FOUND', detail: `No route for ${request.method} ${path}` });
  });
}
