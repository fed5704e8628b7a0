import type { LightMyRequestResponse } from 'fastify';
import { startMailbox, startTestApp, type Mailbox, type TestApp } from '@pm/kernel/testing';
import { createAuthService } from '../src/service.ts';

export interface AuthTestContext {
  test: TestApp;
  mailbox: Mailbox;
  close(): Promise<void>;
}

export async function startAuth(env: Record<string, string> = {}, embedded = false): Promise<AuthTestContext> {
  const mailbox = await startMailbox();
  const test = await startTestApp({
    factories: { auth: createAuthService },
    env: { SMTP_URL: mailbox.url, PUBLIC_URL: 'http://app.test', ...env },
    embedded,
  });
  return {
    test,
    mailbox,
    async close() {
      await test.close();
      await mailbox.close();
    },
  };
}

let counter = 0;
export function newAccount() {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { email: `user${id}@example.com`, username: `user${id}`, password: 'plum-orbit-cactus-42', first_name: 'Ada', last_name: 'Lovelace' };
}

export async function call(
  ctx: AuthTestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return ctx.test.app.inject({
    method,
    url,
    headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
    ...(options.body === undefined ? {} : { payload: options.body as object }),
  });
}

export async function registerAndLogin(ctx: AuthTestContext) {
  const account = newAccount();
  const reg = await call(ctx, 'POST', '/api/v1/auth/register', { body: account });
  if (reg.statusCode !== 201) {
    throw new Error(`register failed: ${reg.body}`);
  }
  const login = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
  const tokens = login.json<{ access_token: string; refresh_token: string }>();
  return { account, user: reg.json<{ id: string }>(), tokens };
}
