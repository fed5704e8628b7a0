import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK } from 'jose';
import type { SigningKeyRepository, StoredKey } from '../data/signing-key.repository.ts';

const ALG = 'EdDSA';
const RELOAD_AFTER_MS = 60_000;

async function newKey() {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const kid = randomUUID();
  return {
    kid,
    private_jwk: { ...(await exportJWK(privateKey)), kid, alg: ALG } as Record<string, unknown>,
    public_jwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' } as Record<string, unknown>,
  };
}

/**
 * The Ed25519 keys that sign access tokens. Every instance signs with the newest active key from
 * the database (reloaded each minute, so a rotation reaches all instances) and publishes the keys
 * whose tokens can still be valid.
 */
export class SigningKeyRing {
  private active: { key: StoredKey; signer: CryptoKey | Uint8Array; loadedAt: number } | undefined;

  constructor(
    private readonly keys: SigningKeyRepository,
    private readonly accessTokenTtlSeconds: number,
  ) {}

  async sign(claims: Record<string, unknown>, subject: string, jti: string): Promise<string> {
    const { key, signer } = await this.current();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'at+jwt' })
      .setIssuer(claims.iss as string)
      .setAudience(claims.aud as string)
      .setSubject(subject)
      .setJti(jti)
      .setIssuedAt(now)
      .setExpirationTime(now + this.accessTokenTtlSeconds)
      .sign(signer);
  }

  async jwks(): Promise<JSONWebKeySet> {
    await this.current();
    const keys = await this.keys.published(this.accessTokenTtlSeconds + 60);
    return { keys: keys.map((key) => key.public_jwk as JWK) };
  }

  /** Starts signing with a fresh key; the previous one stays published until its tokens expire. */
  async rotate(): Promise<string> {
    const key = await newKey();
    await this.keys.rotateTo(key);
    this.active = undefined;
    return key.kid;
  }

  private async current() {
    if (!this.active || Date.now() - this.active.loadedAt > RELOAD_AFTER_MS) {
      let key = await this.keys.newestActive();
      if (!key) {
        await this.keys.insertIfNoneActive(await newKey());
        key = await this.keys.newestActive();
      }
      if (!key) {
        throw new Error('No signing key could be created');
      }
      if (this.active?.key.kid !== key.kid) {
        this.active = { key, signer: await importJWK(key.private_jwk as JWK, ALG), loadedAt: Date.now() };
      } else {
        this.active.loadedAt = Date.now();
      }
    }
    return this.active;
  }
}
