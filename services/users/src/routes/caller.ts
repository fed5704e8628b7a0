import { requireAuth } from '@pm/kernel';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../deps.ts';

/** The signed-in caller; 401 without a token. */
export function callerOf(request: FastifyRequest): Caller {
  const claims = requireAuth(request);
  return { id: claims.sub, email: claims.email, username: claims.username };
}

export const NoContent = { 204: Type.Null() };
