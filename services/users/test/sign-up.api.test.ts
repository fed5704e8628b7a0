import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  invitationToken,
  organizationsOf,
  outboxEvents,
  signUp,
  signUpWithOrganization,
  startUsers,
  uniqueDomain,
  verifyEmail,
  type UsersTestContext,
} from './helpers.ts';

describe('joining: sign-up, invitation first, email domain', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  it('gives a new person a personal organization they own, announced with org_id', async () => {
    const user = await signUp(ctx, { first_name: 'Grace' });
    const [organization] = await organizationsOf(ctx, user);
    expect(organization).toMatchObject({ name: "Grace's workspace", my_role: 'owner' });

    const me = (await api(ctx, 'GET', '/users/me', { token: user.token })).json();
    expect(me).toMatchObject({
      id: user.id,
      email: user.email,
      username: user.username,
      first_name: 'Grace',
      display_name: 'Grace',
    });
    expect(me.profile.notification_preferences).toMatchObject({ digest: 'off', email: { mentioned: true } });
    expect(me.organizations).toEqual([expect.objectContaining({ id: organization!.id, my_role: 'owner' })]);

    const added = (await outboxEvents(ctx, 'users.member.added')).filter((e) => e.data.user_id === user.id);
    expect(added).toEqual([
      expect.objectContaining({
        org_id: organization!.id,
        data: { organization_id: organization!.id, user_id: user.id, role: 'owner' },
      }),
    ]);
    const created = await outboxEvents(ctx, 'users.organization.created');
    expect(created.some((e) => e.org_id === organization!.id)).toBe(true);
  });

  it('creates no personal organization for someone invited before signing up', async () => {
    const { user: admin, organization } = await signUpWithOrganization(ctx);
    const email = `invitee${Date.now()}@example.com`;
    const invited = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email, role: 'member' },
    });
    expect(invited.statusCode).toBe(201);

    const invitee = await signUp(ctx, { email, first_name: 'Invited' });
    // The directory entry shows the account event was handled; only then is "no organization" meaningful.
    await expect
      .poll(async () => (await api(ctx, 'GET', '/users/me', { token: invitee.token })).json().first_name)
      .toBe('Invited');
    expect((await api(ctx, 'GET', '/organizations', { token: invitee.token })).json().items).toEqual([]);

    const token = await invitationToken(ctx, email);
    const accepted = await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token } });
    expect(accepted.json()).toMatchObject({ id: organization.id, my_role: 'member' });
    expect(await organizationsOf(ctx, invitee)).toEqual([expect.objectContaining({ id: organization.id })]);
  });

  it('lets people of a verified domain join an organization that allows it, once their email is verified', async () => {
    const domain = uniqueDomain();
    const boss = await signUp(ctx, { email: `boss@${domain}` });
    await organizationsOf(ctx, boss);

    const unverified = await api(ctx, 'POST', '/organizations', {
      token: boss.token,
      body: { name: 'Acme', domain, settings: { allow_domain_join: true } },
    });
    expect(unverified.statusCode).toBe(400);
    expect(unverified.json().errors).toEqual([
      { field: 'domain', message: 'must be the domain of your own verified email address' },
    ]);

    await verifyEmail(ctx, boss.email);
    await expect
      .poll(async () => (await api(ctx, 'GET', '/users/me', { token: boss.token })).json().email_verified)
      .toBe(true);
    const acme = await api(ctx, 'POST', '/organizations', {
      token: boss.token,
      body: { name: 'Acme', domain: domain.toUpperCase(), settings: { allow_domain_join: true } },
    });
    expect(acme.statusCode, acme.body).toBe(201);
    expect(acme.json()).toMatchObject({
      domain,
      settings: { allow_domain_join: true, week_start: 'monday' },
    });

    const dev = await signUp(ctx, { email: `dev@${domain}` });
    const [personal] = await organizationsOf(ctx, dev);
    expect(personal!.my_role).toBe('owner');
    await verifyEmail(ctx, dev.email);
    const both = await organizationsOf(ctx, dev, 2);
    expect(both).toContainEqual(expect.objectContaining({ id: acme.json().id, my_role: 'member' }));

    const outsider = await signUp(ctx, { email: `someone@other-${domain}` });
    await verifyEmail(ctx, outsider.email);
    await expect
      .poll(async () => (await api(ctx, 'GET', '/users/me', { token: outsider.token })).json().email_verified)
      .toBe(true);
    expect((await api(ctx, 'GET', '/organizations', { token: outsider.token })).json().items).toHaveLength(1);
  });

  it('refuses a public mail provider as an organization domain', async () => {
    const { user } = await signUpWithOrganization(ctx);
    const res = await api(ctx, 'POST', '/organizations', {
      token: user.token,
      body: { name: 'Mail', domain: 'gmail.com' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('domain');
  });

  it('follows name changes made in the auth service', async () => {
    const { user } = await signUpWithOrganization(ctx);
    const put = await api(ctx, 'PUT', '/auth/profile', {
      token: user.token,
      body: { first_name: 'Renamed', last_name: 'Person' },
    });
    expect(put.statusCode).toBe(200);
    await expect
      .poll(
        async () => (await api(ctx, 'GET', `/users/${user.id}`, { token: user.token })).json().display_name,
      )
      .toBe('Renamed Person');
  });

  it('answers 401 without a token, and the public invitation lookup without one', async () => {
    expect((await api(ctx, 'GET', '/users/me')).statusCode).toBe(401);
    expect((await api(ctx, 'GET', '/organizations')).statusCode).toBe(401);
    expect((await api(ctx, 'POST', '/teams', { body: {} })).statusCode).toBe(401);
    expect((await api(ctx, 'GET', '/invitations/lookup?token=nope')).statusCode).toBe(404);
  });
});
