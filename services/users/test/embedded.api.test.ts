import { describe, expect, it } from 'vitest';
import {
  api,
  invitationToken,
  organizationsOf,
  signUp,
  signUpWithOrganization,
  startUsers,
} from './helpers.ts';

describe('users on the embedded database', () => {
  it('sets up a new person, invites a colleague into a team and lists them on PGlite', async () => {
    const ctx = await startUsers(true);
    try {
      const { user: owner, organization } = await signUpWithOrganization(ctx, { first_name: 'Pat' });
      expect(organization.name).toBe("Pat's workspace");
      const team = (
        await api(ctx, 'POST', '/teams', {
          token: owner.token,
          body: { organization_id: organization.id, name: 'Local' },
        })
      ).json();

      const email = `colleague${Date.now()}@example.com`;
      const invited = await api(ctx, 'POST', `/organizations/${organization.id}/invitations`, {
        token: owner.token,
        body: { email, team_id: team.id },
      });
      expect(invited.statusCode).toBe(201);
      const colleague = await signUp(ctx, { email, first_name: 'Sam' });
      const token = await invitationToken(ctx, email);
      const accepted = await api(ctx, 'POST', '/invitations/accept', {
        token: colleague.token,
        body: { token },
      });
      expect(accepted.json()).toMatchObject({ id: organization.id, my_role: 'member' });
      expect(await organizationsOf(ctx, colleague)).toHaveLength(1);

      await expect
        .poll(async () =>
          (await api(ctx, 'GET', '/users?q=sam', { token: owner.token }))
            .json()
            .items.map((u: { id: string }) => u.id),
        )
        .toEqual([colleague.id]);
      expect(
        (await api(ctx, 'GET', `/teams/${team.id}`, { token: colleague.token })).json().member_count,
      ).toBe(2);
      const profile = await api(ctx, 'PUT', `/users/${colleague.id}`, {
        token: colleague.token,
        body: { version: 1, timezone: 'America/New_York' },
      });
      expect(profile.json().profile.timezone).toBe('America/New_York');
      expect((await api(ctx, 'DELETE', `/users/${colleague.id}`, { token: owner.token })).statusCode).toBe(
        204,
      );
    } finally {
      await ctx.close();
    }
  });
});
