import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OpenApiDocument } from './openapi-merge.ts';

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
export async function registerApiDocs(app: FastifyInstance, document: () => OpenApiDocument | Promise<OpenApiDocument>): Promise<void> {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => document());
  // swagger-ui asks for the document synchronously, but the merged one is fetched from the
  // upstreams: a hook loads it first and the transform hands over what the hook loaded.
  const loaded = new WeakMap<FastifyRequest, OpenApiDocument>();
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
    uiHooks: {
      // Typed as a callback hook; an async one would be a misused promise to the linter.
      preHandler: (request, _reply, done) => {
        if (!/\/(json|yaml)$/.test(request.routeOptions.url ?? '')) {
          done();
          return;
        }
        Promise.resolve(document()).then(
          (spec) => {
            loaded.set(request, spec);
            done();
          },
          (error: Error) => done(error),
        );
      },
    },
    transformSpecificationClone: false,
    transformSpecification: (_own, request) => (loaded.get(request) ?? {}) as Record<string, unknown>,
  });
}
