import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessClaims } from '../auth/claims.ts';
import type { TokenVerifier } from '../auth/token-verifier.ts';
import { UnauthorizedError } from '../errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Claims of the verified access token; null when the request carries none. */
    auth: AccessClaims | null;
  }
}

/** Verifies the bearer token of every request that carries one; routes then call `requireAuth`. */
export function registerAuthentication(app: FastifyInstance, verifier: TokenVerifier): void {
  if (!app.hasRequestDecorator('auth')) {
    app.decorateRequest('auth', null);
  }
  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) {
      return;
    }
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedError('The Authorization header must be "Bearer <token>"', 'TOKEN_INVALID');
    }
    request.auth = await verifier.verify(token);
  });
}

export function requireAuth(request: FastifyRequest): AccessClaims {
  if (!request.auth) {
    throw new UnauthorizedError();
  }
  return request.auth;
}
