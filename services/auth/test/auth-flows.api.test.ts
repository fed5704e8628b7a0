import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { linkIn } from '@pm/kernel/testing';
import { UserDeleted } from '@pm/users/contract';
import { call, newAccount, registerAndLogin, startAuth, type AuthTestContext } from './helpers.ts';

describe('auth flows on PostgreSQL', () => {
  let ctx: AuthTestContext;
  beforeAll(async () => {
    ctx = await startAuth();
  });
  afterAll(async () => ctx.close());

  it('registers, emails a verification link that verifies the address, and records the event', async () => {
    const account = newAccount();
    const res = await call(ctx, 'POST', '/api/v1/auth/register', { body: account });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ email: account.email, username: account.username, email_verified: false, is_active: true });
    expect(user).not.toHaveProperty('password_hash');

    const mail = await ctx.mailbox.waitFor(account.email, (m) => /confirm/i.test(m.subject));
    const link = linkIn(mail, '/verify-email');
    expect(link.origin).toBe('http://app.test');
    const verified = await call(ctx, 'POST', '/api/v1/auth/verify-email', { body: { token: link.searchParams.get('token') } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().email_verified).toBe(true);

    const again = await call(ctx, 'POST', '/api/v1/auth/verify-email', { body: { token: link.searchParams.get('token') } });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([{ field: 'token', message: 'is invalid or expired' }]);

    const events = await ctx.test.database.root
      .selectFrom('auth.outbox')
      .select('type')
      .where('envelope', '@>', JSON.stringify({ data: { user_id: user.id } }) as never)
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(['auth.user.email_verified', 'auth.user.registered']);
  });

  it('signs in by email or username and answers in the OAuth2 token shape with the seed claims', async () => {
    const { account, user } = await registerAndLogin(ctx);
    for (const login of [account.email, account.username.toUpperCase()]) {
      const res = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: login, password: account.password } });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900 });
      expect(decodeProtectedHeader(body.access_token)).toMatchObject({ alg: 'EdDSA' });
      const claims = decodeJwt(body.access_token);
      expect(claims).toMatchObject({ sub: user.id, user_id: user.id, email: account.email, username: account.username });
      expect(claims).toHaveProperty('roles');
      expect(claims).toHaveProperty('permissions');
      expect(claims).toHaveProperty('jti');
      expect(claims.exp! - claims.iat!).toBe(900);
    }
    const byUsernameField = await call(ctx, 'POST', '/api/v1/auth/login', { body: { username: account.username, password: account.password } });
    expect(byUsernameField.statusCode).toBe(200);
  });

  it('gives the first account the admin role, carried in the token', async () => {
    const rows = await ctx.test.database.root.selectFrom('auth.user_roles').select(['role']).where('role', '=', 'admin').execute();
    expect(rows).toHaveLength(1);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is reused', async () => {
    const { tokens } = await registerAndLogin(ctx);
    const first = await call(ctx, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } });
    expect(first.statusCode).toBe(200);
    const rotated = first.json();
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);

    const reuse = await call(ctx, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } });
    expect(reuse.statusCode).toBe(401);
    const afterTheft = await call(ctx, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: rotated.refresh_token } });
    expect(afterTheft.statusCode).toBe(401);
    const profile = await call(ctx, 'GET', '/api/v1/auth/profile', { token: rotated.access_token });
    expect(profile.statusCode).toBe(401);
  });

  it('logs out: the refresh family is revoked and the access token is denied until it expires', async () => {
    const { tokens } = await registerAndLogin(ctx);
    expect((await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.access_token })).statusCode).toBe(200);
    const out = await call(ctx, 'POST', '/api/v1/auth/logout', { token: tokens.access_token, body: { refresh_token: tokens.refresh_token } });
    expect(out.statusCode).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.access_token })).statusCode).toBe(401);
    expect((await call(ctx, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } })).statusCode).toBe(401);
  });

  it('resets a forgotten password through the emailed link and ends the old sessions', async () => {
    const { account, tokens } = await registerAndLogin(ctx);
    const res = await call(ctx, 'POST', '/api/v1/auth/forgot-password', { body: { email: account.email } });
    expect(res.statusCode).toBe(202);
    const mail = await ctx.mailbox.waitFor(account.email, (m) => /reset/i.test(m.subject));
    const token = linkIn(mail, '/reset-password').searchParams.get('token');
    const weak = await call(ctx, 'POST', '/api/v1/auth/reset-password', { body: { token, password: 'password' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe('password');
    const reset = await call(ctx, 'POST', '/api/v1/auth/reset-password', { body: { token, password: 'new-lantern-meadow-7' } });
    expect(reset.statusCode).toBe(204);
    const oldLogin = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
    expect(oldLogin.statusCode).toBe(401);
    const newLogin = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: 'new-lantern-meadow-7' } });
    expect(newLogin.statusCode).toBe(200);
    expect((await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.access_token })).statusCode).toBe(401);
  });

  it('deactivates and anonymizes an account when the users service deletes the user', async () => {
    const { account, user, tokens } = await registerAndLogin(ctx);
    await ctx.test.infra.bus.publish(UserDeleted.create({ user_id: user.id }, { actor_id: user.id }));
    await expect
      .poll(async () => (await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.access_token })).statusCode)
      .toBe(401);
    const login = await call(ctx, 'POST', '/api/v1/auth/login', { body: { email: account.email, password: account.password } });
    expect(login.statusCode).toBe(401);
    const row = await ctx.test.database.root.selectFrom('auth.users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_active: false, first_name: null, last_name: null, password_hash: null });
    expect(row.email).not.toContain(account.email);
    const again = await call(ctx, 'POST', '/api/v1/auth/register', { body: { ...account, username: `${account.username}2` } });
    expect(again.statusCode).toBe(201);
  });

  it('updates the profile and lists and revokes sessions', async () => {
    const { account, tokens } = await registerAndLogin(ctx);
    const put = await call(ctx, 'PUT', '/api/v1/auth/profile', { token: tokens.access_token, body: { first_name: 'Grace', username: `${account.username}x` } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ first_name: 'Grace', username: `${account.username}x` });

    const second = await call(ctx, 'POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
      headers: { 'user-agent': 'Phone' },
    });
    const list = await call(ctx, 'GET', '/api/v1/auth/sessions', { token: tokens.access_token });
    const sessions = list.json().items as { id: string; current: boolean; user_agent: string }[];
    expect(sessions).toHaveLength(2);
    const phone = sessions.find((s) => !s.current)!;
    expect(phone.user_agent).toBe('Phone');
    expect((await call(ctx, 'DELETE', `/api/v1/auth/sessions/${phone.id}`, { token: tokens.access_token })).statusCode).toBe(204);
    expect((await call(ctx, 'GET', '/api/v1/auth/profile', { token: second.json().access_token })).statusCode).toBe(401);
    const after = await call(ctx, 'GET', '/api/v1/auth/sessions', { token: tokens.access_token });
    expect(after.json().items).toHaveLength(1);
  });
});

describe('auth on the embedded database', () => {
  it('registers, signs in, refreshes and reads the profile on PGlite', async () => {
    const ctx = await startAuth({}, true);
    try {
      const { tokens, account } = await registerAndLogin(ctx);
      const refreshed = await call(ctx, 'POST', '/api/v1/auth/refresh', { body: { refresh_token: tokens.refresh_token } });
      expect(refreshed.statusCode).toBe(200);
      const profile = await call(ctx, 'GET', '/api/v1/auth/profile', { token: refreshed.json().access_token });
      expect(profile.json().email).toBe(account.email);
    } finally {
      await ctx.close();
    }
  });
});
