import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { freePort, launch, quoted, waitHealthy, type LauncherProcess } from './launcher-process.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('split mode: the auth service and the gateway as two processes', () => {
  // A key prefix of this run's own keeps its counters and denylist apart from every other run.
  const redisPrefix = `test-split-${randomBytes(4).toString('hex')}:`;
  let database: TestDatabase;
  let auth: LauncherProcess;
  let gateway: LauncherProcess;
  let authUrl: string;
  let gatewayUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase('split');
    const [authPort, gatewayPort] = [await freePort(), await freePort()];
    authUrl = `http://127.0.0.1:${authPort}`;
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    const shared = { REDIS_URL, REDIS_KEY_PREFIX: redisPrefix, DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-split-')) };
    auth = launch('apps/server/src/service-main.ts', { ...shared, PORT: String(authPort), AUTH_DATABASE_URL: database.url, TRUST_PROXY: 'loopback' }, ['auth']);
    gateway = launch('apps/server/src/service-main.ts', { ...shared, PORT: String(gatewayPort), AUTH_SERVICE_URL: authUrl }, ['gateway']);
    await Promise.all([waitHealthy(authPort, auth), waitHealthy(gatewayPort, gateway)]);
  }, 60_000);

  beforeEach(() => {
    onTestFailed(() => {
      console.error(`${quoted('auth service', auth.output())}\n${quoted('gateway', gateway.output())}`);
    });
  });

  afterAll(async () => {
    await Promise.all([auth?.stop(), gateway?.stop()]);
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${redisPrefix}*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  });

  const send = (method: string, path: string, options: { body?: unknown; token?: string } = {}) =>
    fetch(`${gatewayUrl}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });

  it('registers, signs in and reads the profile through the gateway', async () => {
    const account = { email: 'split@example.com', username: 'splitter', password: 'quartz-meadow-lantern-7', first_name: 'Ada', last_name: 'Lovelace' };

    const registered = await send('POST', '/api/v1/auth/register', { body: account });
    expect(registered.status).toBe(201);
    const login = await send('POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.status).toBe(200);
    const { access_token } = (await login.json()) as { access_token: string };
    const profile = await send('GET', '/api/v1/auth/profile', { token: access_token });

    expect(profile.status).toBe(200);
    expect(await profile.json()).toMatchObject({ email: account.email, username: account.username });
    expect(profile.headers.get('ratelimit-limit')).toBeTruthy();
    expect(profile.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a signed-out token at the gateway, through the denylist both processes share in Redis', async () => {
    const account = { email: 'leaver@example.com', username: 'leaver', password: 'quartz-meadow-lantern-8' };
    expect((await send('POST', '/api/v1/auth/register', { body: account })).status).toBe(201);
    const login = await send('POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
    const { access_token } = (await login.json()) as { access_token: string };

    expect((await send('POST', '/api/v1/auth/logout', { token: access_token, body: {} })).status).toBe(204);
    const after = await send('GET', '/api/v1/auth/profile', { token: access_token });

    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
  });

  it('answers 401 problem+json itself on a protected prefix without a token', async () => {
    const res = await send('GET', '/api/v1/projects');

    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('serves a merged OpenAPI 3.1 document holding the auth paths, valid per the schema', async () => {
    const res = await send('GET', '/api/openapi.json');
    const document = (await res.json()) as { openapi: string; paths: Record<string, unknown> };

    const result = await new Validator().validate(document);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/register', '/api/v1/auth/login', '/api/v1/auth/profile']),
    );
    expect(document).not.toHaveProperty('x-unavailable-services');
    const docs = await send('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toContain('text/html');
  });

  it('proxies the public keys at /.well-known/jwks.json to the auth service', async () => {
    const viaGateway = await send('GET', '/.well-known/jwks.json');
    const direct = await fetch(`${authUrl}/.well-known/jwks.json`);

    expect(viaGateway.status).toBe(200);
    const keys = (await viaGateway.json()) as { keys: { kid: string }[] };
    expect(keys.keys.length).toBeGreaterThan(0);
    expect(keys).toEqual(await direct.json());
  });
});
