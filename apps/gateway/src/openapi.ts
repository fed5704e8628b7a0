import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export const OPENAPI_INFO = {
  title: 'Seed PM API',
  version: '1.0.0',
  description: 'Projects, tasks, time tracking and collaboration. Errors are application/problem+json (RFC 9457).',
};

const SECURITY = {
  components: {
    securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer', bearerFormat: 'JWT' } },
  },
  security: [{ bearer: [] as string[] }],
};

/** Collects every route registered after it into one OpenAPI 3.1 document. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: OPENAPI_INFO, ...SECURITY },
    hideUntagged: true,
  });
}

/** Serves the document at /api/openapi.json and the interactive reference at /api/docs. */
export async function registerApiDocs(app: FastifyInstance, document: () => unknown): Promise<void> {
  app.get('/api/openapi.json', { schema: { hide: true } }, () => document());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    transformSpecificationClone: true,
    transformSpecification: () => document() as Record<string, unknown>,
  });
}
