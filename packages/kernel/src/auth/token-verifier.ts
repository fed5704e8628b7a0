import {
  createLocalJWKSet,
  errors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import type { KeyValueStore } from '../cache/store.ts';
import { UnauthorizedError } from '../errors.ts';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, deniedSessionKey, deniedTokenKey, type AccessClaims } from './claims.ts';

/** Where the auth service's public keys come from: a direct call in-process, HTTP when split. */
export type JwksSource = () => Promise<JSONWebKeySet>;

export function httpJwksSource(url: string): JwksSource {
  return async () => {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) {
      throw new Error(`JWKS fetch from ${url} answered ${res.status}`);
    }
    return (await res.json()) as JSONWebKeySet;
  };
}

/** Verified tokens remembered per process: a few MB at most. */
const VERIFIED_TOKENS_KEPT = 10_000;

export interface TokenVerifier {
  verify(token: string): Promise<AccessClaims>;
}

/**
 * Verifies access tokens against the auth service's JWKS. Keys are cached; a token signed with a
 * key id the cache lacks triggers one refetch (key rotation), then fails if the key is still unknown.
 * A token whose signature was checked is remembered until it expires (the signature check was 5% of
 * a request's CPU in the benchmark); its key must still be known and the denylist is asked every time.
 */
export function createTokenVerifier(options: {
  jwks: JwksSource;
  denylist?: KeyValueStore;
  minRefetchIntervalMs?: number;
}): TokenVerifier {
  let keySet: ReturnType<typeof createLocalJWKSet> | undefined;
  let kids = new Set<string>();
  let fetchedAt = 0;
  let inflight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    inflight ??= options
      .jwks()
      .then((jwks) => {
        keySet = createLocalJWKSet(jwks);
        kids = new Set(jwks.keys.map((key) => key.kid).filter((kid): kid is string => Boolean(kid)));
        fetchedAt = Date.now();
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  /** Tokens whose signature was checked, until they expire: a client sends the same one many times. */
  const verified = new Map<string, AccessClaims>();
  const verifySignature = async (token: string, keys: JWTVerifyGetKey): Promise<AccessClaims> => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        algorithms: ['EdDSA'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'jti', 'exp', 'iat'],
      }));
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new UnauthorizedError(
        expired ? 'The access token has expired' : 'The access token is invalid',
        expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      );
    }
    if (verified.size >= VERIFIED_TOKENS_KEPT) {
      // The oldest goes first: a Map iterates in insertion order.
      verified.delete(verified.keys().next().value!);
    }
    const claims = payload as unknown as AccessClaims;
    verified.set(token, claims);
    return claims;
  };

  return {
    async verify(token) {
      const kid = readKid(token);
      const stale = Date.now() - fetchedAt > (options.minRefetchIntervalMs ?? 1000);
      if (!keySet || (!kids.has(kid) && stale)) {
        await refresh().catch(() => undefined);
      }
      if (!keySet || !kids.has(kid)) {
        throw new UnauthorizedError('The access token is signed with an unknown key', 'TOKEN_INVALID');
      }
      const claims = verified.get(token) ?? (await verifySignature(token, keySet));
      if (claims.exp * 1000 <= Date.now()) {
        verified.delete(token);
        throw new UnauthorizedError('The access token has expired', 'TOKEN_EXPIRED');
      }
      const denylist = options.denylist;
      if (denylist) {
        const [token, session] = await Promise.all([
          denylist.get(deniedTokenKey(claims.jti)),
          claims.sid ? denylist.get(deniedSessionKey(claims.sid)) : null,
        ]);
        if (token || session) {
          throw new UnauthorizedError('The access token was revoked', 'TOKEN_REVOKED');
        }
      }
      return claims;
    },
  };
}

function readKid(token: string): string {
  const header = token.split('.')[0] ?? '';
  try {
    const parsed = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: unknown };
    if (typeof parsed.kid === 'string') {
      return parsed.kid;
    }
  } catch {
    // fall through: a malformed header is an invalid token
  }
  throw new UnauthorizedError('The access token is malformed', 'TOKEN_INVALID');
}
