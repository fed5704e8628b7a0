import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { linkIn } from '@pm/kernel/testing';
import { call, newAccount, startAuth, type AuthTestContext } from './helpers.ts';
import { startOpenIdProvider, type ProviderPerson, type TestOpenIdProvider } from './openid-provider.ts';

const PUBLIC_URL = 'http://app.test';
const REDIRECT_URI = `${PUBLIC_URL}/api/v1/auth/oauth/oidc/callback`;

let op: TestOpenIdProvider;
let ctx: AuthTestContext;
let people = 0;

function newPerson(overrides: Partial<ProviderPerson> = {}): ProviderPerson {
  people += 1;
  const sub = `sub-${Date.now().toString(36)}-${people}`;
  const person = {
    sub,
    email: `${sub}@example.com`,
    email_verified: true,
    preferred_username: `ada.${people}`,
    given_name: 'Ada',
    family_name: 'Lovelace',
    ...overrides,
  };
  op.people.set(sub, person);
  return person;
}

/** GET /start as a browser would: returns the provider URL and the cookie the browser now holds. */
async function start(): Promise<{ location: URL; cookie: string; setCookie: string }> {
  const res = await call(ctx, 'GET', '/api/v1/auth/oauth/oidc/start');
  expect(res.statusCode).toBe(302);
  const setCookie = String(res.headers['set-cookie']);
  return { location: new URL(String(res.headers.location)), cookie: setCookie.split(';')[0]!, setCookie };
}

async function callback(url: URL, cookie: string | null): Promise<LightMyRequestResponse> {
  return call(ctx, 'GET', `${url.pathname}${url.search}`, { headers: cookie ? { cookie } : {} });
}

/** Where the callback sent the browser: the SPA page, with `code` or `error`. */
function appPage(res: LightMyRequestResponse): URL {
  expect(res.statusCode).toBe(302);
  const page = new URL(String(res.headers.location));
  expect(`${page.origin}${page.pathname}`).toBe(`${PUBLIC_URL}/oauth/callback`);
  return page;
}

/** The whole round trip: start, sign in at the provider, come back, and land on the SPA page. */
async function signInThroughProvider(sub: string): Promise<URL> {
  const { location, cookie } = await start();
  const back = await op.signIn(location.href, sub);
  return appPage(await callback(back, cookie));
}

async function exchange(code: string | null): Promise<LightMyRequestResponse> {
  return call(ctx, 'POST', '/api/v1/auth/oauth/exchange', { body: { code } });
}

async function profileAfter(page: URL) {
  const tokens = await exchange(page.searchParams.get('code'));
  expect(tokens.statusCode).toBe(200);
  const profile = await call(ctx, 'GET', '/api/v1/auth/profile', { token: tokens.json().access_token });
  expect(profile.statusCode).toBe(200);
  return profile.json();
}

async function linkedAccounts(userId: string) {
  return ctx.test.database.root
    .selectFrom('auth.oauth_accounts')
    .select(['provider', 'subject'])
    .where('user_id', '=', userId)
    .execute();
}

beforeAll(async () => {
  op = await startOpenIdProvider(REDIRECT_URI);
  ctx = await startAuth({
    PUBLIC_URL,
    AUTH_OIDC_ISSUER: op.issuer,
    AUTH_OIDC_CLIENT_ID: op.clientId,
    AUTH_OIDC_CLIENT_SECRET: op.clientSecret,
    AUTH_OIDC_NAME: 'Acme SSO',
  });
});

afterAll(async () => {
  await ctx?.close();
  await op?.close();
});

describe('OpenID Connect sign-in against a real provider', () => {
  it('lists the configured provider, and none when nothing is configured', async () => {
    const res = await call(ctx, 'GET', '/api/v1/auth/providers');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: 'oidc', name: 'Acme SSO' }] });

    const bare = await startAuth();
    try {
      expect((await call(bare, 'GET', '/api/v1/auth/providers')).json()).toEqual({ items: [] });
      expect((await call(bare, 'GET', '/api/v1/auth/oauth/oidc/start')).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('starts with PKCE (S256), state and nonce, bound to the browser by an HttpOnly cookie', async () => {
    const { location, setCookie } = await start();
    expect(location.origin).toBe(op.issuer);
    const query = location.searchParams;
    expect(query.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(query.get('state')).toMatch(/^[\w-]{43}$/);
    expect(query.get('nonce')).toBeTruthy();
    expect(query.get('scope')).toBe('openid email profile');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect((await call(ctx, 'GET', '/api/v1/auth/oauth/google/start')).statusCode).toBe(404);
  });

  it('creates a verified account for a new person and finds it by subject on the next sign-in', async () => {
    const person = newPerson();
    const user = await profileAfter(await signInThroughProvider(person.sub));
    expect(user).toMatchObject({
      email: person.email,
      username: person.preferred_username,
      email_verified: true,
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
    expect(await linkedAccounts(user.id)).toEqual([{ provider: 'oidc', subject: person.sub }]);
    const events = await ctx.test.database.root
      .selectFrom('auth.outbox')
      .select('type')
      .where('envelope', '@>', JSON.stringify({ data: { user_id: user.id } }) as never)
      .execute();
    expect(events.map((event) => event.type)).toEqual(['auth.user.registered']);

    // The address changed at the provider: the subject, not the email, identifies the person.
    op.people.set(person.sub, { ...person, email: `moved-${person.email}` });
    const again = await profileAfter(await signInThroughProvider(person.sub));
    expect(again.id).toBe(user.id);
    expect(await linkedAccounts(user.id)).toHaveLength(1);
  });

  it('links a verified provider email to the existing password account with that address', async () => {
    const account = newAccount();
    const registered = (await call(ctx, 'POST', '/api/v1/auth/register', { body: account })).json();
    const mail = await ctx.mailbox.waitFor(account.email, (m) => /confirm/i.test(m.subject));
    const token = linkIn(mail, '/verify-email').searchParams.get('token');
    expect((await call(ctx, 'POST', '/api/v1/auth/verify-email', { body: { token } })).statusCode).toBe(200);

    const person = newPerson({ email: account.email.toUpperCase() });
    const user = await profileAfter(await signInThroughProvider(person.sub));
    expect(user.id).toBe(registered.id);
    expect(user.username).toBe(account.username);
    expect(await linkedAccounts(user.id)).toEqual([{ provider: 'oidc', subject: person.sub }]);
    const password = await call(ctx, 'POST', '/api/v1/auth/login', {
      body: { email: account.email, password: account.password },
    });
    expect(password.statusCode).toBe(200);
  });

  it('does not link when the provider has not verified the email', async () => {
    const account = newAccount();
    const registered = (await call(ctx, 'POST', '/api/v1/auth/register', { body: account })).json();
    const person = newPerson({ email: account.email, email_verified: false });
    const page = await signInThroughProvider(person.sub);
    expect(page.searchParams.get('error')).toBe('email_not_verified');
    expect(page.searchParams.get('code')).toBeNull();
    expect(await linkedAccounts(registered.id)).toEqual([]);
  });

  it('does not link to an account whose own address was never confirmed', async () => {
    const account = newAccount();
    const registered = (await call(ctx, 'POST', '/api/v1/auth/register', { body: account })).json();
    const person = newPerson({ email: account.email });
    const page = await signInThroughProvider(person.sub);
    expect(page.searchParams.get('error')).toBe('account_not_verified');
    expect(await linkedAccounts(registered.id)).toEqual([]);
  });

  it('refuses a tampered state and a callback without the browser cookie', async () => {
    const person = newPerson();
    const first = await start();
    const back = await op.signIn(first.location.href, person.sub);
    const tampered = new URL(back);
    tampered.searchParams.set('state', `${back.searchParams.get('state')}x`);
    expect(appPage(await callback(tampered, first.cookie)).searchParams.get('error')).toBe('invalid_state');

    const second = await start();
    const backAgain = await op.signIn(second.location.href, person.sub);
    const page = appPage(await callback(backAgain, null));
    expect(page.searchParams.get('error')).toBe('invalid_state');
    expect(page.searchParams.get('code')).toBeNull();
    // The state was spent by the refused attempt: replaying it with the cookie fails too.
    expect(appPage(await callback(backAgain, second.cookie)).searchParams.get('error')).toBe('invalid_state');
    const rows = await ctx.test.database.root
      .selectFrom('auth.oauth_accounts')
      .select('id')
      .where('subject', '=', person.sub)
      .execute();
    expect(rows).toEqual([]);
  });

  it('accepts the one-time code only once', async () => {
    const page = await signInThroughProvider(newPerson().sub);
    const code = page.searchParams.get('code');
    expect((await exchange(code)).statusCode).toBe(200);
    const reused = await exchange(code);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({
      code: 'AUTH_OAUTH_FAILED',
      errors: [{ field: 'code', message: 'is invalid, expired or already used' }],
    });
    expect((await exchange('not-a-code')).statusCode).toBe(400);
  });

  it('reports a sign-in the person cancels at the provider', async () => {
    const { location, cookie } = await start();
    const denied = new URL(REDIRECT_URI);
    denied.search = new URLSearchParams({
      error: 'access_denied',
      state: location.searchParams.get('state')!,
      iss: op.issuer,
    }).toString();
    expect(appPage(await callback(denied, cookie)).searchParams.get('error')).toBe('access_denied');
  });
});

describe('OpenID Connect sign-in on the embedded database', () => {
  it('creates an account with an unverified address in one transaction and emails a verification link', async () => {
    const embedded = await startAuth(
      {
        PUBLIC_URL,
        AUTH_OIDC_ISSUER: op.issuer,
        AUTH_OIDC_CLIENT_ID: op.clientId,
        AUTH_OIDC_CLIENT_SECRET: op.clientSecret,
      },
      true,
    );
    try {
      const person = newPerson({ email_verified: false, preferred_username: 'x' });
      const started = await call(embedded, 'GET', '/api/v1/auth/oauth/oidc/start');
      const back = await op.signIn(String(started.headers.location), person.sub);
      const cookie = String(started.headers['set-cookie']).split(';')[0]!;
      const landed = await call(embedded, 'GET', `${back.pathname}${back.search}`, { headers: { cookie } });
      const code = new URL(String(landed.headers.location)).searchParams.get('code');
      const tokens = await call(embedded, 'POST', '/api/v1/auth/oauth/exchange', { body: { code } });
      expect(tokens.statusCode).toBe(200);
      const user = (
        await call(embedded, 'GET', '/api/v1/auth/profile', { token: tokens.json().access_token })
      ).json();
      // The first account of this instance: the same admin rule as registration.
      expect(user).toMatchObject({
        email: person.email,
        email_verified: false,
        username: person.sub,
        roles: ['admin', 'user'],
      });
      await embedded.mailbox.waitFor(person.email!, (m) => /confirm/i.test(m.subject));
    } finally {
      await embedded.close();
    }
  });
});
