import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { mergedOpenApiSource, mergeOpenApiDocuments, type OpenApiDocument } from './openapi-merge.ts';

const base: OpenApiDocument = {
  openapi: '3.1.0',
  info: { title: 'Seed PM API', version: '1.0.0' },
  paths: {},
  components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
};

const serviceDocument = (path: string, schema: unknown = { type: 'object' }): OpenApiDocument => ({
  openapi: '3.1.0',
  info: { title: 'svc', version: '1' },
  paths: { [path]: { get: { responses: { 200: { description: 'ok' } } } } },
  components: { schemas: { Shared: schema }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  tags: [{ name: path.split('/')[3] ?? 'x' }],
});

describe('mergeOpenApiDocuments', () => {
  it('adds every part’s paths, components and tags to the base and leaves the base untouched', () => {
    const merged = mergeOpenApiDocuments(base, [serviceDocument('/api/v1/auth/login'), serviceDocument('/api/v1/tasks')]);

    expect(Object.keys(merged.paths ?? {})).toEqual(['/api/v1/auth/login', '/api/v1/tasks']);
    expect(merged.components?.schemas).toEqual({ Shared: { type: 'object' } });
    expect(merged.tags?.map((tag) => tag.name)).toEqual(['auth', 'tasks']);
    expect(merged.info).toEqual(base.info);
    expect(base.paths).toEqual({});
  });

  it('keeps the first definition of a name defined differently twice, and reports it', () => {
    const conflicts: string[] = [];

    const merged = mergeOpenApiDocuments(
      base,
      [serviceDocument('/api/v1/auth/login'), serviceDocument('/api/v1/tasks', { type: 'string' })],
      (name) => conflicts.push(name),
    );

    expect(merged.components?.schemas).toEqual({ Shared: { type: 'object' } });
    expect(conflicts).toEqual(['components.schemas.Shared']);
  });
});

describe('mergedOpenApiSource', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function serve(document: OpenApiDocument): Promise<string> {
    server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify(document)));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const sourceFor = (url: string, cacheMs: number) =>
    mergedOpenApiSource({
      base: () => base,
      upstreams: [{ service: 'auth', url, paths: ['/api/v1/auth'] }],
      cacheMs,
      timeoutMs: 500,
      logger: pino({ level: 'silent' }),
    });

  it('keeps serving an upstream’s last document while it is down', async () => {
    const url = await serve(serviceDocument('/api/v1/auth/login'));
    const source = sourceFor(url, 0);
    expect(Object.keys((await source()).paths ?? {})).toEqual(['/api/v1/auth/login']);

    await new Promise((resolve) => server!.close(resolve));
    const whileDown = await source();

    expect(Object.keys(whileDown.paths ?? {})).toEqual(['/api/v1/auth/login']);
    expect(whileDown).not.toHaveProperty('x-unavailable-services');
  });

  it('lists an upstream that never answered instead of failing the document', async () => {
    const document = await sourceFor('http://127.0.0.1:1', 10_000)();

    expect(document.paths).toEqual({});
    expect(document['x-unavailable-services']).toEqual(['auth']);
  });
});
