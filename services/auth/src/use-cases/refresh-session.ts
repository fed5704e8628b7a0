import type { TokenSet } from '../contract/http.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { InvalidRefreshTokenError } from '../domain/auth.errors.ts';
import { hashSecret } from '../domain/secrets.ts';
import { denySession } from './sign-out.ts';
import { storeRefreshToken, tokenSetFor } from './issue-tokens.ts';

/**
 * Rotates a refresh token. A token presented twice means it leaked: the whole session (family) is
 * revoked, so whoever holds the newer token loses it too.
 */
export async function refreshSession(deps: AuthDeps, refreshToken: string, client: ClientInfo): Promise<TokenSet> {
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const row = await deps.sessions.findTokenForUpdate(trx, hashSecret(refreshToken));
    if (!row || row.revoked_at) {
      return { kind: 'invalid' as const };
    }
    if (row.used_at) {
      await deps.sessions.revokeFamily(trx, row.family_id);
      return { kind: 'reused' as const, familyId: row.family_id, userId: row.user_id };
    }
    if (row.expires_at.getTime() <= deps.clock.now().getTime()) {
      return { kind: 'invalid' as const };
    }
    const user = await deps.users.findById(row.user_id, trx);
    if (!user?.is_active) {
      return { kind: 'invalid' as const };
    }
    await deps.sessions.markUsed(trx, row.id);
    return { kind: 'ok' as const, user, stored: await storeRefreshToken(deps, trx, user.id, client, row.family_id) };
  });
  if (outcome.kind === 'ok') {
    return tokenSetFor(deps, outcome.user, outcome.stored);
  }
  if (outcome.kind === 'reused') {
    deps.logger.warn({ user_id: outcome.userId, family_id: outcome.familyId }, 'refresh token reused; session revoked');
    await denySession(deps, outcome.familyId);
  }
  throw new InvalidRefreshTokenError();
}
