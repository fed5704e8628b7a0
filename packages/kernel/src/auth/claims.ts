/** Claims of an access token (the seed's JWT payload plus the registered claims). */
export interface AccessClaims {
  sub: string;
  user_id: string;
  email: string;
  username: string;
  roles: string[];
  permissions: string[];
  organization_id: string | null;
  team_id: string | null;
  /** Refresh-token family (session) the token was issued for. */
  sid: string;
  jti: string;
  iat: number;
  exp: number;
}

export const ACCESS_TOKEN_ISSUER = 'seed-pm';
export const ACCESS_TOKEN_AUDIENCE = 'seed-pm-api';

/** Cache key under which a logged-out access token's `jti` stays denied until it expires. */
export function deniedTokenKey(jti: string): string {
  return `auth:denied-jti:${jti}`;
}

/** Cache key that denies every access token of a revoked session (refresh family). */
export function deniedSessionKey(sid: string): string {
  return `auth:denied-sid:${sid}`;
}
