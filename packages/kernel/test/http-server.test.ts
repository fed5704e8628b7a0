import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { ConflictError } from '../src/errors.ts';
import { createHttpServer, type HttpServer } from '../src/http/server.ts';
import { createLogger } from '../src/logger.ts';
import { Metrics } from '../src/metrics.ts';

describe('HTTP server factory', () => {
  let app: HttpServer;
  let dbUp = true;
  beforeAll(async () => {
    app = createHttpServer({
      logger: createLogger('test', 'silent'),
      metrics: new Metrics(),
      bodyLimitBytes: 2048,
      readiness: { database: () => (dbUp ? Promise.resolve() : Promise.reject(new Error('connection refused'))) },
    });
    app.post('/items', { schema: { body: Type.Object({ name: Type.String({ minLength: 1 }), qty: Type.Integer({ minimum: 1 }) }) } }, () => ({ ok: true }));
    app.get('/boom', () => {
      throw new Error('secret internals');
    });
    app.get('/conflict', () => {
      throw new ConflictError('Stale version', 'STALE', { current: { version: 3 } });
    });
    await app.ready();
  });
  afterAll(async () => app.close());

  it('answers with a request id, or echoes the caller’s', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' });
    expect(res.json()).toEqual({ status: 'ok' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
  });

  it('rejects unknown fields and names every bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/items', payload: { name: '', qty: 0, color: 'red' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' });
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['color', 'name', 'qty']);
  });

  it('keeps internals out of 500 answers and carries extensions on app errors', async () => {
    const boom = await app.inject({ method: 'GET', url: '/boom' });
    expect(boom.statusCode).toBe(500);
    expect(boom.body).not.toContain('secret');
    expect(boom.json().request_id).toBe(boom.headers['x-request-id']);
    const conflict = await app.inject({ method: 'GET', url: '/conflict' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json()).toMatchObject({ code: 'STALE', current: { version: 3 } });
  });

  it('reports readiness of its dependencies', async () => {
    expect((await app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    dbUp = false;
    const down = await app.inject({ method: 'GET', url: '/ready' });
    expect(down.statusCode).toBe(503);
    expect(down.json().checks.database).toBe('connection refused');
    dbUp = true;
  });

  it('exposes Prometheus metrics with request durations by route and status', async () => {
    await app.inject({ method: 'POST', url: '/items', payload: { name: 'a', qty: 1 } });
    const res = await app.inject({ method: 'GET', url: '/metrics' });
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/items",status_code="200"\} 1/);
    expect(res.body).toContain('process_resident_memory_bytes');
    expect(res.body).toContain('event_handler_failures_total');
  });
});

describe('query strings', () => {
  it('are converted to the declared types and closed to unknown parameters', async () => {
    const app = createHttpServer({ logger: createLogger('test', 'silent'), metrics: new Metrics() });
    app.get('/list', { schema: { querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1 })) }) } }, (request) => request.query);
    const ok = await app.inject({ method: 'GET', url: '/list?limit=2' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ limit: 2 });
    const unknown = await app.inject({ method: 'GET', url: '/list?colour=red' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'querystring.colour', message: 'is not an allowed field' }]);
    await app.close();
  });
});
