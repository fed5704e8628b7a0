import { callService, type Transport } from '@pm/kernel';
import type { JSONWebKeySet } from 'jose';
import type { LoginBody, RegisterBody, TokenSet, User } from './http.ts';

/** Typed client of the auth service, over any kernel transport (HTTP or in-process). */
export function createAuthClient(transport: Transport) {
  return {
    jwks: () => callService<JSONWebKeySet>(transport, 'GET', '/.well-known/jwks.json'),
    register: (body: RegisterBody) => callService<User>(transport, 'POST', '/api/v1/auth/register', { body }),
    login: (body: LoginBody) => callService<TokenSet>(transport, 'POST', '/api/v1/auth/login', { body }),
    profile: (token: string) => callService<User>(transport, 'GET', '/api/v1/auth/profile', { token }),
  };
}
export type AuthClient = ReturnType<typeof createAuthClient>;
