import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@pm/kernel';
import type { Transaction } from 'kysely';
import type { TokenSet } from '../contract/http.ts';
import type { AuthDatabase } from '../data/auth.tables.ts';
import type { UserWithSecret } from '../data/user.repository.ts';
import type { AuthDeps, ClientInfo } from '../deps.ts';
import { permissionsOf } from '../domain/roles.ts';
import { hashSecret, newSecret } from '../domain/secrets.ts';

export interface StoredRefreshToken {
  refreshToken: string;
  familyId: string;
}

/** Stores a new refresh token, in `familyId` or a new session. */
export async function storeRefreshToken(
  deps: AuthDeps,
  trx: Transaction<AuthDatabase>,
  userId: string,
  client: ClientInfo,
  familyId?: string,
): Promise<StoredRefreshToken> {
  const refreshToken = newSecret();
  const ttlMs = deps.config.AUTH_REFRESH_TOKEN_TTL_DAYS * 86_400_000;
  const row = await deps.sessions.insertToken(trx, {
    user_id: userId,
    ...(familyId ? { family_id: familyId } : {}),
    token_hash: hashSecret(refreshToken),
    expires_at: new Date(deps.clock.now().getTime() + ttlMs),
    user_agent: client.userAgent?.slice(0, 500) ?? null,
    ip: client.ip,
  });
  return { refreshToken, familyId: row.family_id };
}

/**
 * Signs the access token for a stored refresh token. Called after the transaction: the key ring
 * may read the database, and the embedded database has a single connection.
 */
export async function tokenSetFor(deps: AuthDeps, user: UserWithSecret, stored: StoredRefreshToken): Promise<TokenSet> {
  const accessToken = await deps.keys.sign(
    {
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      user_id: user.id,
      email: user.email,
      username: user.username,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      organization_id: null,
      team_id: null,
      sid: stored.familyId,
    },
    user.id,
    randomUUID(),
  );
  return {
    access_token: accessToken,
    refresh_token: stored.refreshToken,
    token_type: 'Bearer',
    expires_in: deps.config.AUTH_ACCESS_TOKEN_TTL_SECONDS,
  };
}

/** A new session for a user who just proved who they are. */
export async function startSession(deps: AuthDeps, user: UserWithSecret, client: ClientInfo): Promise<TokenSet> {
  const stored = await deps.db.transaction().execute((trx) => storeRefreshToken(deps, trx, user.id, client));
  return tokenSetFor(deps, user, stored);
}
