import { deniedSessionKey, deniedTokenKey, type AccessClaims } from '@pm/kernel';
import type { AuthDeps } from '../deps.ts';
import { hashSecret } from '../domain/secrets.ts';

/** Access tokens of a revoked session are refused until they would have expired anyway. */
export async function denySession(deps: AuthDeps, familyId: string): Promise<void> {
  await deps.cache.set(deniedSessionKey(familyId), '1', deps.config.AUTH_ACCESS_TOKEN_TTL_SECONDS + 60);
}

/** Revokes the caller's session (refresh family) and denies the access token it presented. */
export async function signOut(deps: AuthDeps, claims: AccessClaims, refreshToken?: string): Promise<void> {
  const families = new Set([claims.sid]);
  if (refreshToken) {
    const row = await deps.sessions.findToken(hashSecret(refreshToken));
    if (row && row.user_id === claims.sub) {
      families.add(row.family_id);
    }
  }
  await deps.db.transaction().execute(async (trx) => {
    for (const family of families) {
      await deps.sessions.revokeFamily(trx, family);
    }
  });
  const secondsLeft = Math.max(1, claims.exp - Math.floor(Date.now() / 1000));
  await deps.cache.set(deniedTokenKey(claims.jti), '1', secondsLeft);
  for (const family of families) {
    await denySession(deps, family);
  }
}
