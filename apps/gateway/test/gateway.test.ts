import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { loadConfig, RuntimeConfig } from '@pm/kernel';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import { startAllInOne, type RunningServer } from '@pm/server';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 5;
const ALLOWED_ORIGIN = 'https://app.example.com';

// Two all-in-one instances on one database and one Redis: the shape of a scaled-out gateway.
// Their Redis keys carry a prefix of this run's own, so parallel test files never share counters.
const redisPrefix = `test-gateway-${randomBytes(4).toString('hex')}:`;
let database: TestDatabase;
let first: RunningServer;
let second: RunningServer;

async function startInstance(): Promise<RunningServer> {
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-gateway-')),
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    GATEWAY_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    CORS_ORIGINS: `${ALLOWED_ORIGIN}, https://admin.example.com`,
    BODY_LIMIT_BYTES: '2048',
  };
  return startAllInOne(loadConfig(RuntimeConfig, env), env);
}

beforeAll(async () => {
  database = await createTestDatabase('gateway');
  first = await startInstance();
  second = await startInstance();
});

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await database?.drop();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) {
    await redis.del(...keys);
  }
  await redis.quit();
});

let lastAddress = 0;
/** Each test calls from addresses of its own, so no test spends another's per-IP budget. */
function newAddress(): string {
  lastAddress += 1;
  return `10.0.${Math.floor(lastAddress / 250)}.${(lastAddress % 250) + 1}`;
}

function call(server: RunningServer, options: InjectOptions & { from: string; token?: string }): Promise<LightMyRequestResponse> {
  const { from, token, headers, ...rest } = options;
  return server.app.inject({
    ...rest,
    remoteAddress: from,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

let lastAccount = 0;
async function signedInUser(): Promise<string> {
  lastAccount += 1;
  const from = newAddress();
  const account = { email: `gw${lastAccount}@example.com`, username: `gw${lastAccount}`, password: 'cobalt-river-sparrow-9' };
  const registered = await call(first, { method: 'POST', url: '/api/v1/auth/register', payload: account, from });
  expect(registered.statusCode).toBe(201);
  const login = await call(first, { method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: account.password }, from });
  return login.json<{ access_token: string }>().access_token;
}

const profile = (server: RunningServer, from: string, token?: string) =>
  call(server, { method: 'GET', url: '/api/v1/auth/profile', from, ...(token ? { token } : {}) });

describe('rate limits', () => {
  it('answers 429 problem+json with Retry-After and RateLimit-* headers past the per-minute limit', async () => {
    const from = newAddress();
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await profile(first, from)).statusCode).toBe(401);
    }

    const limited = await profile(first, from);

    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThan(0);
  });

  it('counts signed-in callers per user, so two users behind one address have separate budgets', async () => {
    const [alice, bob] = [await signedInUser(), await signedInUser()];
    const office = newAddress();
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await profile(first, office, alice)).statusCode).toBe(200);
    }

    expect((await profile(first, office, alice)).statusCode).toBe(429);
    expect((await profile(first, office, bob)).statusCode).toBe(200);
    // Anonymous callers from the same address have the address's own budget.
    expect((await profile(first, office)).statusCode).toBe(401);
  });

  it('counts anonymous callers per IP address', async () => {
    const [busy, quiet] = [newAddress(), newAddress()];
    for (let i = 0; i < LIMIT; i += 1) {
      await profile(first, busy);
    }

    expect((await profile(first, busy)).statusCode).toBe(429);
    expect((await profile(first, quiet)).statusCode).toBe(401);
  });

  it('shares the counters between gateway instances through Redis', async () => {
    const from = newAddress();
    for (let i = 0; i < LIMIT; i += 1) {
      await profile(i % 2 === 0 ? first : second, from);
    }

    expect((await profile(second, from)).statusCode).toBe(429);
    expect((await profile(first, from)).statusCode).toBe(429);
  });
});

describe('browser rules', () => {
  it('allows the configured origins by CORS and no others', async () => {
    const preflight = (origin: string) =>
      call(first, {
        method: 'OPTIONS',
        url: '/api/v1/auth/login',
        from: newAddress(),
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });

    const allowed = await preflight(ALLOWED_ORIGIN);
    const refused = await preflight('https://evil.example.net');
    const simple = await call(first, { method: 'GET', url: '/api/v1/auth/profile', from: newAddress(), headers: { origin: ALLOWED_ORIGIN } });

    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers['access-control-allow-methods']).toContain('POST');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    expect(simple.headers['access-control-expose-headers']).toContain('retry-after');
  });

  it('sends security headers on every answer', async () => {
    const res = await profile(first, newAddress());

    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-xss-protection']).toBe('0');
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document of every mounted service, valid per the schema', async () => {
    const res = await call(first, { method: 'GET', url: '/api/openapi.json', from: newAddress() });
    const document = res.json<{ openapi: string; paths: Record<string, unknown> }>();

    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/profile']));
  });

  it('serves the interactive reference at /api/docs, reading the same document', async () => {
    const page = await call(first, { method: 'GET', url: '/api/docs', from: newAddress() });
    const json = await call(first, { method: 'GET', url: '/api/docs/json', from: newAddress() });

    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(json.json()).toHaveProperty(['paths', '/api/v1/auth/login']);
  });
});

describe('errors', () => {
  const expectProblem = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status, code });
  };

  it('answers an unknown route with 404 problem+json', async () => {
    expectProblem(await call(first, { method: 'GET', url: '/api/v1/no-such-thing', from: newAddress() }), 404, 'ROUTE_NOT_FOUND');
    expectProblem(await call(first, { method: 'POST', url: '/api/v1/no-such-thing', from: newAddress(), payload: {} }), 404, 'ROUTE_NOT_FOUND');
  });

  it('answers a protected prefix without a token with 401 problem+json', async () => {
    expectProblem(await call(first, { method: 'GET', url: '/api/v1/projects', from: newAddress() }), 401, 'UNAUTHORIZED');
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const res = await call(first, {
      method: 'POST',
      url: '/api/v1/auth/register',
      from: newAddress(),
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'big@example.com', username: 'big', password: 'x'.repeat(4096) }),
    });

    expectProblem(res, 413, 'BODY_TOO_LARGE');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await call(first, {
      method: 'POST',
      url: '/api/v1/auth/login',
      from: newAddress(),
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "half',
    });

    expectProblem(res, 400, 'MALFORMED_BODY');
  });
});
