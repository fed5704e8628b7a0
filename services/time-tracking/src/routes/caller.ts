import { requireAuth } from '@pm/kernel';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '../use-cases/caller-scope.ts';

export function callerOf(request: FastifyRequest): Caller {
  const claims = requireAuth(request);
  return { id: claims.sub, organizationId: claims.organization_id };
}

/** `?format=csv`, or an Accept header that prefers CSV. */
export function wantsCsv(request: FastifyRequest, format: string | undefined): boolean {
  if (format) {
    return format === 'csv';
  }
  return /\btext\/csv\b/.test(request.headers.accept ?? '');
}

/** Headers of a CSV download named `name` (the date of the export in UTC). */
export function csvHeaders(name: string, now: Date): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}-${now.toISOString().slice(0, 10)}.csv"`,
  };
}
