import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, RuntimeConfig } from '@pm/kernel';
import { startAllInOne, type RunningServer } from '@pm/server';
import { expect } from 'vitest';
import { WebSocket } from 'ws';

/** One all-in-one server on 127.0.0.1 and a free port, with the given extra variables. */
export async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const all = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-realtime-')),
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...env,
  };
  return startAllInOne(loadConfig(RuntimeConfig, all), all);
}

export function api(base: string) {
  return async <T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
}

async function until<T>(read: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error('timed out waiting');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Registers and signs in a user; waits until their personal organization exists. */
export async function signUp(
  base: string,
  name: string,
): Promise<{ token: string; userId: string; orgId: string }> {
  const call = api(base);
  const account = {
    email: `${name}@example.com`,
    username: name,
    password: 'quartz-meadow-lantern-7',
    first_name: name,
  };
  expect((await call('POST', '/auth/register', { body: account })).status).toBe(201);
  const login = await call<{ access_token: string }>('POST', '/auth/login', {
    body: { email: account.email, password: account.password },
  });
  expect(login.status).toBe(200);
  const token = login.body.access_token;
  const userId = (
    JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }
  ).sub;
  const orgId = await until(async () => {
    const res = await call<{ items: { id: string }[] }>('GET', '/organizations', { token });
    return res.body.items?.[0]?.id;
  });
  return { token, userId, orgId };
}

/**
 * Creates a project in the organization. The projects service learns of a new organization's
 * membership from the users service's events, so right after sign-up (over RabbitMQ, between two
 * instances) it may not know the caller yet: a 404 then creates nothing and is asked again.
 */
export async function createProject(
  base: string,
  token: string,
  orgId: string,
  name: string,
): Promise<{ id: string; version: number }> {
  const res = await until(async () => {
    const answer = await api(base)<{ id: string; version: number }>('POST', '/projects', {
      token,
      body: { organization_id: orgId, name },
    });
    return answer.status === 404 ? undefined : answer;
  });
  expect(res.status).toBe(201);
  return res.body;
}

export interface TestSocket {
  ws: WebSocket;
  messages: Record<string, unknown>[];
  send(message: unknown): void;
  next(
    match: (message: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
}

/** A WebSocket client to the hub that records every message and waits for matching ones. */
export async function connect(base: string, query = ''): Promise<TestSocket> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/api/v1/ws${query}`);
  const messages: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data: Buffer) => {
    messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>);
    waiters.forEach((wake) => wake());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let seen = 0;
  return {
    ws,
    messages,
    closed,
    send: (message) => ws.send(JSON.stringify(message)),
    next: (match, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          while (seen < messages.length) {
            const message = messages[seen++] as Record<string, unknown>;
            if (match(message)) {
              waiters.delete(check);
              clearTimeout(timer);
              resolve(message);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

/** Connects, authenticates with the `auth` message and subscribes to a channel; returns the reply. */
export async function subscribed(
  base: string,
  token: string,
  channel: string,
): Promise<{ socket: TestSocket; reply: Record<string, unknown> }> {
  const socket = await connect(base);
  socket.send({ type: 'auth', token });
  await socket.next((m) => m.type === 'ready');
  socket.send({ type: 'subscribe', channel, id: 1 });
  const reply = await socket.next((m) => m.id === 1);
  return { socket, reply };
}
