import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { call, newAccount, registerAndLogin, startAuth, type AuthTestContext } from './helpers.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth against bad input and abuse', () => {
  let ctx: AuthTestContext;
  beforeAll(async () => {
    ctx = await startAuth({ AUTH_LOGIN_MAX_FAILURES: '3', BODY_LIMIT_BYTES: '4096', AUTH_LOGIN_MAX_PER_IP: '200', AUTH_ACCOUNT_REQUESTS_PER_IP: '200' });
  });
  afterAll(async () => ctx.close());

  async function signingKey() {
    const row = await ctx.test.database.root.selectFrom('auth.signing_keys').selectAll().where('retired_at', 'is', null).executeTakeFirstOrThrow();
    return { kid: row.kid as string, privateJwk: row.private_jwk as JWK, publicJwk: row.public_jwk as JWK };
  }

  async function expectRejected(token: string) {
    const res = await call(ctx, 'GET', '/api/v1/auth/profile', { token });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
  }

  it('answers a wrong password and an unknown account with the same 401 in similar time', async () => {
    const { account } = await registerAndLogin(ctx);
    const attempt = async (email: string) => {
      const started = performance.now();
      const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email, password: 'not-the-password-1' } });
      return { res, ms: performance.now() - started };
    };
    const wrong = await attempt(account.email);
    const unknown = await attempt(`nobody-${Date.now()}@example.com`);
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    const strip = (body: Record<string, unknown>) => ({ ...body, request_id: undefined, instance: undefined });
    expect(strip(unknown.res.json())).toEqual(strip(wrong.res.json()));
    const times = { wrong: [] as number[], unknown: [] as number[] };
    // Interleaved samples over three accounts (three failures each stay under the limit), so a
    // burst of load on the machine falls on both paths alike.
    const others = [await registerAndLogin(ctx), await registerAndLogin(ctx), await registerAndLogin(ctx)];
    for (let i = 0; i < 3; i += 1) {
      for (const other of others) {
        times.unknown.push((await attempt(`ghost${i}-${Date.now()}@example.com`)).ms);
        times.wrong.push((await attempt(other.account.email)).ms);
      }
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both paths run one Argon2id verification; without the decoy the unknown path is ~20x faster.
    expect(median(times.unknown)).toBeGreaterThan(median(times.wrong) / 3);
  });

  it('pauses an account after repeated failed sign-ins with 429 and Retry-After', async () => {
    const { account } = await registerAndLogin(ctx);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: 'wrong-password-99' } });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.json().code).toBe('RATE_LIMITED');
      }
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const right = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
    expect(right.statusCode).toBe(429);
  });

  it('counts parallel guesses against one account atomically', async () => {
    const { account } = await registerAndLogin(ctx);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: 'guess-guess-77' } })),
    );
    const statuses = results.map((res) => res.statusCode);
    expect(statuses.filter((status) => status === 401)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  });

  it('never reveals whether an email has an account when asked to reset a password', async () => {
    const { account } = await registerAndLogin(ctx);
    const known = await call(ctx, 'POST', '/api/v1/auth/forgot-password', { body: { email: account.email } });
    const unknown = await call(ctx, 'POST', '/api/v1/auth/forgot-password', { body: { email: `ghost-${Date.now()}@example.com` } });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
  });

  it('refuses alg none, HS256 signed with the public key, expired tokens and tokens of other keys', async () => {
    const { tokens, user } = await registerAndLogin(ctx);
    const key = await signingKey();
    const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1]!, 'base64url').toString());

    await expectRejected(`${b64({ alg: 'none', kid: key.kid, typ: 'JWT' })}.${b64(claims)}.`);

    const hsInput = `${b64({ alg: 'HS256', kid: key.kid, typ: 'JWT' })}.${b64(claims)}`;
    const hsSig = createHmac('sha256', JSON.stringify(key.publicJwk)).update(hsInput).digest('base64url');
    await expectRejected(`${hsInput}.${hsSig}`);
    const hsRaw = createHmac('sha256', Buffer.from(key.publicJwk.x!, 'base64url')).update(hsInput).digest('base64url');
    await expectRejected(`${hsInput}.${hsRaw}`);

    const realKey = await importJWK(key.privateJwk, 'EdDSA');
    const base = { ...claims, exp: undefined, iat: undefined };
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await new SignJWT(base).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).setIssuedAt(past - 900).setExpirationTime(past).sign(realKey);
    const expiredRes = await call(ctx, 'GET', '/api/v1/auth/profile', { token: expired });
    expect(expiredRes.statusCode).toBe(401);
    expect(expiredRes.json().code).toBe('TOKEN_EXPIRED');

    const other = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const sameKid = await new SignJWT(base).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).setIssuedAt().setExpirationTime('10m').sign(other.privateKey);
    await expectRejected(sameKid);
    const unknownKid = await new SignJWT(base).setProtectedHeader({ alg: 'EdDSA', kid: 'not-a-key' }).setIssuedAt().setExpirationTime('10m').sign(other.privateKey);
    await expectRejected(unknownKid);

    await expectRejected('not.a.token');
    const good = await new SignJWT(base).setProtectedHeader({ alg: 'EdDSA', kid: key.kid }).setIssuedAt().setExpirationTime('10m').sign(realKey);
    expect((await call(ctx, 'GET', '/api/v1/auth/profile', { token: good })).json().id).toBe(user.id);
  });

  it('refuses to set email_verified, is_active or roles through PUT /profile, naming the field', async () => {
    const { tokens } = await registerAndLogin(ctx);
    for (const field of ['email_verified', 'is_active', 'roles']) {
      const res = await call(ctx, 'PUT', '/api/v1/auth/profile', { token: tokens.access_token, body: { [field]: field === 'roles' ? ['admin'] : true } });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ field, message: 'is not an allowed field' }]);
    }
    const profile = await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.access_token });
    expect(profile.json()).toMatchObject({ email_verified: false, is_active: true, roles: ['user'] });
  });

  it('rejects weak passwords and malformed fields with errors naming each field', async () => {
    const account = newAccount();
    const common = await call(ctx, 'POST', '/api/v1/auth/register', { body: { ...account, password: 'iloveyou' } });
    expect(common.statusCode).toBe(400);
    expect(common.json().errors[0]).toMatchObject({ field: 'password' });
    expect(common.json().errors[0].message).toMatch(/common/);
    const short = await call(ctx, 'POST', '/api/v1/auth/register', { body: { ...account, password: 'x7$k' } });
    expect(short.json().errors[0].message).toMatch(/at least 8/);
    const bad = await call(ctx, 'POST', '/api/v1/auth/register', { body: { email: 'not-an-email', username: 'a', password: 'plum-orbit-cactus-42' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'username']);
    const taken = await registerAndLogin(ctx);
    const dup = await call(ctx, 'POST', '/api/v1/auth/register', { body: { ...newAccount(), email: taken.account.email.toUpperCase() } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ field: 'email', message: 'is already taken' }]);
  });

  it('answers an oversized body with 413 and malformed JSON with 400, both problem+json', async () => {
    const big = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: 'x'.repeat(10_000), password: 'y' } });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
    const malformed = await ctx.test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json().status).toBe(400);
  });
});
