import { describe, expect, it } from 'vitest';
import { SignJWT, exportJWK, generateKeyPair, type JSONWebKeySet } from 'jose';
import { createTokenVerifier } from '../src/auth/token-verifier.ts';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, deniedSessionKey, deniedTokenKey } from '../src/auth/claims.ts';
import { MemoryKeyValueStore } from '../src/cache/memory.ts';

async function makeKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' } };
}

async function tokenFor(key: { kid: string; privateKey: CryptoKey }, jti: string = crypto.randomUUID(), sid = 's1') {
  return new SignJWT({ user_id: 'u1', roles: [], sid })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setSubject('u1')
    .setJti(jti)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

describe('token verifier', () => {
  it('refetches the key set once when a token names an unknown key id (rotation)', async () => {
    const oldKey = await makeKey('k1');
    const newKey = await makeKey('k2');
    let published: JSONWebKeySet = { keys: [oldKey.jwk] };
    let fetches = 0;
    const verifier = createTokenVerifier({
      jwks: () => {
        fetches += 1;
        return Promise.resolve(published);
      },
      minRefetchIntervalMs: 0,
    });
    expect((await verifier.verify(await tokenFor(oldKey))).sub).toBe('u1');
    expect(fetches).toBe(1);
    await verifier.verify(await tokenFor(oldKey));
    expect(fetches).toBe(1);

    published = { keys: [newKey.jwk, oldKey.jwk] };
    expect((await verifier.verify(await tokenFor(newKey))).sub).toBe('u1');
    expect(fetches).toBe(2);
  });

  it('does not refetch for every token of an unknown key within the interval', async () => {
    const known = await makeKey('k1');
    const stranger = await makeKey('zz');
    let fetches = 0;
    const verifier = createTokenVerifier({
      jwks: () => {
        fetches += 1;
        return Promise.resolve({ keys: [known.jwk] });
      },
      minRefetchIntervalMs: 60_000,
    });
    await verifier.verify(await tokenFor(known));
    for (let i = 0; i < 5; i += 1) {
      await expect(verifier.verify(await tokenFor(stranger))).rejects.toMatchObject({ httpStatus: 401 });
    }
    expect(fetches).toBe(1);
  });

  it('refuses denied token ids and revoked sessions', async () => {
    const key = await makeKey('k1');
    const denylist = new MemoryKeyValueStore();
    const verifier = createTokenVerifier({ jwks: () => Promise.resolve({ keys: [key.jwk] }), denylist });
    await denylist.set(deniedTokenKey('j1'), '1', 60);
    await expect(verifier.verify(await tokenFor(key, 'j1'))).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    await denylist.set(deniedSessionKey('s2'), '1', 60);
    await expect(verifier.verify(await tokenFor(key, 'j2', 's2'))).rejects.toMatchObject({ code: 'TOKEN_REVOKED' });
    expect((await verifier.verify(await tokenFor(key, 'j3', 's3'))).jti).toBe('j3');
    await denylist.close();
  });
});
