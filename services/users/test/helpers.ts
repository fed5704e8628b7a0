import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { createAuthService } from '@pm/auth/service';
import { linkIn, startMailbox, startTestApp, type Mailbox, type TestApp, injectApi } from '@pm/kernel/testing';
import { createUsersService } from '../src/service.ts';

export interface UsersTestContext {
  test: TestApp;
  mailbox: Mailbox;
  close(): Promise<void>;
}

/** Auth (real accounts and tokens) and users on one app, with a real SMTP mailbox. */
export async function startUsers(embedded = false): Promise<UsersTestContext> {
  const mailbox = await startMailbox();
  const test = await startTestApp({
    factories: { auth: createAuthService, users: createUsersService },
    // Every test signs up several people from the same address.
    env: {
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'http://app.test',
      AUTH_ACCOUNT_REQUESTS_PER_IP: '100000',
      AUTH_LOGIN_MAX_PER_IP: '100000',
    },
    embedded,
  });
  return {
    test,
    mailbox,
    async close() {
      await test.close();
      await mailbox.close();
    },
  };
}

export function api(
  ctx: UsersTestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { token?: string | undefined; body?: unknown } = {},
): Promise<LightMyRequestResponse> {
  return injectApi(ctx.test.app, method, url, options);
}

export interface TestUser {
  id: string;
  token: string;
  email: string;
  username: string;
}

let counter = 0;

/** A domain no other test uses, so joining by domain stays within one test. */
export function uniqueDomain(): string {
  return `acme${randomBytes(4).toString('hex')}.test`;
}

/** Registers and signs in a new person through the auth service. */
export async function signUp(
  ctx: UsersTestContext,
  options: { email?: string; first_name?: string; username?: string } = {},
): Promise<TestUser> {
  counter += 1;
  const name = options.username ?? `u${Date.now().toString(36)}${counter}`;
  const email = options.email ?? `${name}@example.com`;
  const account = {
    email,
    username: name,
    password: 'plum-orbit-cactus-42',
    first_name: options.first_name ?? 'Ada',
  };
  const registered = await api(ctx, 'POST', '/auth/register', { body: account });
  expect(registered.statusCode, registered.body).toBe(201);
  const login = await api(ctx, 'POST', '/auth/login', { body: { email, password: account.password } });
  expect(login.statusCode).toBe(200);
  const token = login.json<{ access_token: string }>().access_token;
  // Events are asynchronous: wait until the users service has handled the registration.
  await expect
    .poll(async () => (await api(ctx, 'GET', '/users/me', { token })).json().first_name)
    .toBe(account.first_name);
  return {
    id: registered.json<{ id: string }>().id,
    token,
    email,
    username: name,
  };
}

/** Confirms the address through the emailed link. */
export async function verifyEmail(ctx: UsersTestContext, email: string): Promise<void> {
  const mail = await ctx.mailbox.waitFor(email, (m) => /confirm/i.test(m.subject));
  const token = linkIn(mail, '/verify-email').searchParams.get('token');
  const res = await api(ctx, 'POST', '/auth/verify-email', { body: { token } });
  expect(res.statusCode).toBe(200);
}

/** Waits for the sign-up events to be handled and returns the person's organizations. */
export async function organizationsOf(ctx: UsersTestContext, user: TestUser, count = 1) {
  let items: { id: string; name: string; my_role: string; version: number }[] = [];
  await expect
    .poll(async () => {
      items = (await api(ctx, 'GET', '/organizations', { token: user.token })).json().items;
      return items.length;
    })
    .toBe(count);
  return items;
}

/** A new person with their personal organization. */
export async function signUpWithOrganization(ctx: UsersTestContext, options: { first_name?: string } = {}) {
  const user = await signUp(ctx, options);
  const [organization] = await organizationsOf(ctx, user);
  return { user, organization: organization! };
}

/** Invites `user` into the organization with `role` and accepts it through the emailed link. */
export async function addToOrganization(
  ctx: UsersTestContext,
  admin: TestUser,
  organizationId: string,
  user: TestUser,
  role: 'admin' | 'member' | 'guest',
): Promise<void> {
  const invited = await api(ctx, 'POST', `/organizations/${organizationId}/invitations`, {
    token: admin.token,
    body: { email: user.email, role },
  });
  expect(invited.statusCode, invited.body).toBe(201);
  const token = await invitationToken(ctx, user.email);
  const accepted = await api(ctx, 'POST', '/invitations/accept', { token: user.token, body: { token } });
  expect(accepted.statusCode, accepted.body).toBe(200);
}

/** The token of the newest invitation email to `email` (sent before the API call returned). */
export async function invitationToken(ctx: UsersTestContext, email: string): Promise<string> {
  await ctx.mailbox.waitFor(email, (m) => /invited/i.test(m.subject));
  const mails = ctx.mailbox.messages.filter((m) => m.to.includes(email) && /invited/i.test(m.subject));
  return linkIn(mails[mails.length - 1]!, '/invitations/accept').searchParams.get('token')!;
}

/** Events of one type this service wrote to its outbox, newest last. */
export async function outboxEvents(ctx: UsersTestContext, type: string) {
  const rows = await ctx.test.database.root
    .selectFrom('users.outbox')
    .select(['envelope'])
    .where('type', '=', type)
    .orderBy('created_at')
    .execute();
  return rows.map(
    (row) =>
      row.envelope as { data: Record<string, unknown>; org_id: string | null; actor_id: string | null },
  );
}
