import { randomBytes } from 'node:crypto';
import { vi } from 'vitest';

/** Calls the running server's API as `token`; an answer other than `status` throws with its body. */
export type ApiCall = <T>(
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  status?: number,
) => Promise<T>;

export function apiCaller(serverUrl: string): ApiCall {
  return async <T>(method: string, path: string, token: string | null, body?: unknown, status = 200) => {
    const res = await fetch(`${serverUrl}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== status) {
      throw new Error(`${method} ${path} answered ${res.status}, not ${status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Events between services travel asynchronously: retry a setup step until it holds. */
export function eventually<T>(check: () => Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 20_000, interval: 100 });
}

export interface Account {
  id: string;
  token: string;
  email: string;
  password: string;
}

/** Signs up through the API (any email given, e.g. an invited one) and signs in. */
export async function registerAccount(
  api: ApiCall,
  name: { first: string; last: string },
  email = `${name.first.toLowerCase()}.${randomBytes(4).toString('hex')}@example.test`,
): Promise<Account> {
  const id = randomBytes(4).toString('hex');
  const password = `seeded-${id}-battery-staple`;
  const body = {
    email,
    username: `${name.first.toLowerCase()}_${id}`,
    password,
    first_name: name.first,
    last_name: name.last,
  };
  const user = await api<{ id: string }>('POST', '/auth/register', null, body, 201);
  const login = await api<{ access_token: string }>('POST', '/auth/login', null, { email, password });
  return { id: user.id, token: login.access_token, email, password };
}
