import { NotFoundError, type AccessClaims } from '@pm/kernel';
import type { Session } from '../contract/http.ts';
import type { AuthDeps } from '../deps.ts';
import { denySession } from './sign-out.ts';

export async function listSessions(deps: AuthDeps, claims: AccessClaims): Promise<Session[]> {
  const rows = await deps.sessions.listActive(claims.sub);
  return rows.map((row) => ({
    id: row.id,
    user_agent: row.user_agent,
    ip: row.ip,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at.toISOString(),
    expires_at: row.expires_at.toISOString(),
    current: row.id === claims.sid,
  }));
}

export async function revokeSession(deps: AuthDeps, claims: AccessClaims, sessionId: string): Promise<void> {
  if (!(await deps.sessions.familyBelongsTo(sessionId, claims.sub))) {
    throw new NotFoundError('Session', 'AUTH_SESSION_NOT_FOUND');
  }
  await deps.sessions.revokeFamily(deps.db, sessionId);
  await denySession(deps, sessionId);
}

/** Signs out every other device. */
export async function revokeOtherSessions(deps: AuthDeps, claims: AccessClaims): Promise<void> {
  const revoked = await deps.sessions.revokeAllOfUser(deps.db, claims.sub, claims.sid);
  await Promise.all(revoked.map((family) => denySession(deps, family)));
}
