import { linkIn } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToOrganization,
  api,
  invitationToken,
  organizationsOf,
  outboxEvents,
  signUp,
  signUpWithOrganization,
  startUsers,
  type UsersTestContext,
} from './helpers.ts';

describe('invitations by email', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  let counter = 0;
  const newEmail = () => `guest${Date.now().toString(36)}${(counter += 1)}@example.com`;

  it('emails a link, shows it publicly, and adds the organization and team membership on accept', async () => {
    const { user: admin, organization } = await signUpWithOrganization(ctx, { first_name: 'Margaret' });
    const team = (
      await api(ctx, 'POST', '/teams', {
        token: admin.token,
        body: { organization_id: organization.id, name: 'Apollo' },
      })
    ).json();
    const email = newEmail();
    const invited = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email, role: 'admin', team_id: team.id },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({
      email,
      role: 'admin',
      status: 'pending',
      team_id: team.id,
      invited_by: admin.id,
    });
    expect(invited.json()).not.toHaveProperty('token');
    expect((await outboxEvents(ctx, 'users.invitation.created')).at(-1)).toMatchObject({
      org_id: organization.id,
      data: { invitation_id: invited.json().id, organization_id: organization.id, email, role: 'admin' },
    });

    const mail = await ctx.mailbox.waitFor(email, (m) => /invited/i.test(m.subject));
    expect(mail.subject).toBe("You are invited to join Margaret's workspace");
    const link = linkIn(mail, '/invitations/accept');
    expect(link.origin + link.pathname).toBe('http://app.test/invitations/accept');
    const token = link.searchParams.get('token')!;

    const lookup = await api(ctx, 'GET', `/invitations/lookup?token=${encodeURIComponent(token)}`);
    expect(lookup.statusCode).toBe(200);
    expect(lookup.json()).toEqual({
      organization_name: "Margaret's workspace",
      inviter_name: 'Margaret',
      email,
      role: 'admin',
      team_name: 'Apollo',
      expires_at: invited.json().expires_at,
      status: 'pending',
    });
    const days = (Date.parse(lookup.json().expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThan(7.1);

    const invitee = await signUp(ctx, { email: email.toUpperCase() });
    const accepted = await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ id: organization.id, my_role: 'admin' });
    const again = await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token } });
    expect(again.statusCode).toBe(200);
    const teams = (await api(ctx, 'GET', `/users/${invitee.id}/teams`, { token: admin.token })).json();
    expect(teams.items).toEqual([expect.objectContaining({ id: team.id, role: 'member' })]);
    expect(
      (await api(ctx, 'GET', `/invitations/lookup?token=${encodeURIComponent(token)}`)).json().status,
    ).toBe('accepted');
    expect((await outboxEvents(ctx, 'users.invitation.accepted')).at(-1)?.data).toMatchObject({
      user_id: invitee.id,
    });
  });

  it('refuses an account with another email, an expired and a revoked invitation', async () => {
    const { user: admin, organization } = await signUpWithOrganization(ctx);
    const email = newEmail();
    const invited = (
      await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
        token: admin.token,
        body: { email },
      })
    ).json();
    expect(invited.role).toBe('member');
    const token = await invitationToken(ctx, email);

    const someoneElse = await signUp(ctx);
    const wrong = await api(ctx, 'POST', '/invitations/accept', {
      token: someoneElse.token,
      body: { token },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json()).toMatchObject({
      code: 'USERS_INVITATION_EMAIL_MISMATCH',
      errors: [{ field: 'token', message: 'was sent to another email address' }],
    });

    await ctx.test.database.root
      .updateTable('users.invitations')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', invited.id)
      .execute();
    const invitee = await signUp(ctx, { email });
    const expired = await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token } });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors).toEqual([{ field: 'token', message: 'has expired' }]);
    expect((await api(ctx, 'GET', `/invitations/lookup?token=${token}`)).json().status).toBe('expired');
    const listed = (
      await api(ctx, 'GET', `/organizations/${organization.id}/invitations?status=expired`, {
        token: admin.token,
      })
    ).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([invited.id]);

    // An expired invitation is replaced by a new one to the same address.
    const renewed = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email },
    });
    expect(renewed.statusCode).toBe(201);
    const duplicate = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('USERS_INVITATION_EXISTS');
    const newToken = await invitationToken(ctx, email);
    expect(
      (await api(ctx, 'DELETE', `/invitations/${renewed.json().id}`, { token: admin.token })).statusCode,
    ).toBe(204);
    expect(
      (await api(ctx, 'DELETE', `/invitations/${renewed.json().id}`, { token: admin.token })).statusCode,
    ).toBe(204);
    const revoked = await api(ctx, 'POST', '/invitations/accept', {
      token: invitee.token,
      body: { token: newToken },
    });
    expect(revoked.json().errors).toEqual([{ field: 'token', message: 'was revoked' }]);
    expect(
      (await api(ctx, 'POST', `/invitations/${renewed.json().id}/resend`, { token: admin.token })).statusCode,
    ).toBe(409);
    expect((await outboxEvents(ctx, 'users.invitation.revoked')).map((e) => e.data.invitation_id)).toEqual([
      invited.id,
      renewed.json().id,
    ]);
    expect(
      (await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token: 'unknown' } }))
        .statusCode,
    ).toBe(404);
  });

  it('resends with a new link that works while the old one no longer does', async () => {
    const { user: admin, organization } = await signUpWithOrganization(ctx);
    const email = newEmail();
    const invited = (
      await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
        token: admin.token,
        body: { email, role: 'guest' },
      })
    ).json();
    const oldToken = await invitationToken(ctx, email);
    const resent = await api(ctx, 'POST', `/invitations/${invited.id}/resend`, { token: admin.token });
    expect(resent.statusCode).toBe(200);
    expect(resent.json()).toMatchObject({ id: invited.id, status: 'pending' });
    const newToken = await invitationToken(ctx, email);
    expect(newToken).not.toBe(oldToken);
    expect(
      ctx.mailbox.messages.filter((m) => m.to.includes(email) && /invited/i.test(m.subject)),
    ).toHaveLength(2);

    const invitee = await signUp(ctx, { email });
    expect(
      (await api(ctx, 'POST', '/invitations/accept', { token: invitee.token, body: { token: oldToken } }))
        .statusCode,
    ).toBe(404);
    const accepted = await api(ctx, 'POST', '/invitations/accept', {
      token: invitee.token,
      body: { token: newToken },
    });
    expect(accepted.json()).toMatchObject({ id: organization.id, my_role: 'guest' });
    expect(await organizationsOf(ctx, invitee)).toHaveLength(1);
    expect((await api(ctx, 'DELETE', `/invitations/${invited.id}`, { token: admin.token })).statusCode).toBe(
      409,
    );
  });

  it('lets only owners and admins list and manage invitations; others get 403 or 404', async () => {
    const { user: admin, organization } = await signUpWithOrganization(ctx);
    const member = await signUp(ctx);
    await addToOrganization(ctx, admin, organization.id, member, 'member');
    const email = newEmail();
    const invited = (
      await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
        token: admin.token,
        body: { email },
      })
    ).json();
    const { user: stranger } = await signUpWithOrganization(ctx);

    expect(
      (await api(ctx, 'GET', `/organizations/${organization.id}/invitations`, { token: member.token }))
        .statusCode,
    ).toBe(403);
    expect((await api(ctx, 'DELETE', `/invitations/${invited.id}`, { token: member.token })).statusCode).toBe(
      403,
    );
    expect(
      (await api(ctx, 'POST', `/invitations/${invited.id}/resend`, { token: member.token })).statusCode,
    ).toBe(403);
    expect(
      (await api(ctx, 'DELETE', `/invitations/${invited.id}`, { token: stranger.token })).statusCode,
    ).toBe(404);
    const list = (
      await api(ctx, 'GET', `/organizations/${organization.id}/invitations`, { token: admin.token })
    ).json();
    expect(list.items.map((i: { email: string }) => i.email)).toEqual([email, member.email]);

    const alreadyIn = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email: member.email },
    });
    expect(alreadyIn.statusCode).toBe(409);
    expect(alreadyIn.json().errors).toEqual([{ field: 'email', message: 'is already a member' }]);
    const asOwner = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email: newEmail(), role: 'owner' },
    });
    expect(asOwner.json().errors[0].field).toBe('role');
    const badEmail = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email: 'not-an-email' },
    });
    expect(badEmail.json().errors[0].field).toBe('email');
    const [strangersOrganization] = await organizationsOf(ctx, stranger);
    const otherTeam = (
      await api(ctx, 'POST', '/teams', {
        token: stranger.token,
        body: { organization_id: strangersOrganization!.id, name: 'X' },
      })
    ).json();
    const foreignTeam = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
      token: admin.token,
      body: { email: newEmail(), team_id: otherTeam.id },
    });
    expect(foreignTeam.json().errors).toEqual([
      { field: 'team_id', message: 'is not a team of this organization' },
    ]);
  });
});
