import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToOrganization,
  api,
  organizationsOf,
  outboxEvents,
  signUp,
  signUpWithOrganization,
  startUsers,
  type TestUser,
  type UsersTestContext,
} from './helpers.ts';

describe('users and profiles', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  async function organizationOf(roles: ('admin' | 'member' | 'guest')[], names: string[] = []) {
    const { user: owner, organization } = await signUpWithOrganization(ctx);
    const people: TestUser[] = [];
    for (const [i, role] of roles.entries()) {
      const person = await signUp(ctx, { first_name: names[i] ?? 'Ada' });
      // Their personal organization comes from an event; wait for it so each test starts alike.
      await organizationsOf(ctx, person);
      await addToOrganization(ctx, owner, organization.id, person, role);
      people.push(person);
    }
    return { owner, organization, people };
  }

  it('searches people of my organizations by name, username or email, two pages by keyset', async () => {
    // A hyphen appears in these names only: usernames and emails of test accounts have none.
    const names = ['Anne-Marie', 'Jean-Luc', 'Marie-Zoe'];
    const { owner, organization, people } = await organizationOf(['member', 'member', 'guest'], names);
    const { user: outsider } = await signUpWithOrganization(ctx, { first_name: 'Jean-Outside' });

    const first = await api(ctx, 'GET', '/users?q=-&limit=2', { token: owner.token });
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(2);
    expect(first.json().next_cursor).toEqual(expect.any(String));
    const second = (
      await api(ctx, 'GET', `/users?q=-&limit=2&cursor=${first.json().next_cursor}`, { token: owner.token })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.next_cursor).toBeNull();
    const found = [...first.json().items, ...second.items].map((u: { id: string }) => u.id);
    expect(found.sort()).toEqual(people.map((p) => p.id).sort());
    expect(found).not.toContain(outsider.id);

    const byEmail = (
      await api(ctx, 'GET', `/users?q=${encodeURIComponent(people[0]!.email.toUpperCase())}`, {
        token: owner.token,
      })
    ).json();
    expect(byEmail.items).toEqual([
      expect.objectContaining({ id: people[0]!.id, display_name: 'Anne-Marie', email: people[0]!.email }),
    ]);
    const byUsername = (
      await api(ctx, 'GET', `/users?q=${people[1]!.username}&organization_id=${organization.id}`, {
        token: owner.token,
      })
    ).json();
    expect(byUsername.items.map((u: { id: string }) => u.id)).toEqual([people[1]!.id]);
    expect((await api(ctx, 'GET', `/users?q=50%25_off`, { token: owner.token })).json().items).toEqual([]);

    const [outsidersOrganization] = await organizationsOf(ctx, outsider);
    expect(
      (await api(ctx, 'GET', `/users?organization_id=${outsidersOrganization!.id}`, { token: owner.token }))
        .statusCode,
    ).toBe(404);
    expect(
      (await api(ctx, 'GET', '/users?cursor=garbage', { token: owner.token })).json().errors[0].field,
    ).toBe('cursor');
    expect((await api(ctx, 'GET', '/users?limit=0', { token: owner.token })).json().errors[0].field).toBe(
      'querystring.limit',
    );
    expect((await api(ctx, 'GET', '/users?sort=name', { token: owner.token })).statusCode).toBe(400);
  });

  it('shows people who share an organization and answers 404 for others', async () => {
    const { owner, people } = await organizationOf(['member']);
    const { user: outsider } = await signUpWithOrganization(ctx);
    const seen = await api(ctx, 'GET', `/users/${people[0]!.id}`, { token: owner.token });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().profile).not.toHaveProperty('notification_preferences');
    expect((await api(ctx, 'GET', `/users/${outsider.id}`, { token: owner.token })).statusCode).toBe(404);
    expect((await api(ctx, 'GET', `/users/${outsider.id}/teams`, { token: owner.token })).statusCode).toBe(
      404,
    );
    expect(
      (await api(ctx, 'PUT', `/users/${outsider.id}`, { token: owner.token, body: { version: 1, bio: 'x' } }))
        .statusCode,
    ).toBe(404);
    expect((await api(ctx, 'DELETE', `/users/${outsider.id}`, { token: owner.token })).statusCode).toBe(404);
    expect((await api(ctx, 'GET', '/users/not-a-uuid', { token: owner.token })).json().errors[0].field).toBe(
      'params.id',
    );
  });

  it('validates profile fields and names each bad one', async () => {
    const { user } = await signUpWithOrganization(ctx);
    const put = (body: object) =>
      api(ctx, 'PUT', `/users/${user.id}`, { token: user.token, body: { version: 1, ...body } });
    const fieldsOf = async (body: object) =>
      (await put(body)).json().errors.map((e: { field: string }) => e.field);

    expect(await fieldsOf({ timezone: 'Mars/Olympus_Mons', language: 'not a language' })).toEqual([
      'timezone',
      'language',
    ]);
    expect(await fieldsOf({ avatar_url: 'http://example.com/me.png' })).toEqual(['avatar_url']);
    expect(await fieldsOf({ notification_preferences: { email: { newsletter: true } } })).toEqual([
      'notification_preferences.email.newsletter',
    ]);
    expect(await fieldsOf({ notification_preferences: { digest: 'hourly' } })).toEqual([
      'notification_preferences.digest',
    ]);
    expect(await fieldsOf({ first_name: 'Names live in auth' })).toEqual(['first_name']);
    expect((await put({ timezone: 'Mars/Olympus_Mons' })).json().code).toBe('VALIDATION_FAILED');

    const ok = await put({
      avatar_url: 'https://cdn.example.com/me.png',
      bio: 'Counts things.',
      timezone: 'Europe/Paris',
      language: 'fr-ca',
      notification_preferences: { email: { task_commented: false }, digest: 'weekly' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().profile).toMatchObject({
      avatar_url: 'https://cdn.example.com/me.png',
      timezone: 'Europe/Paris',
      language: 'fr-CA',
      version: 2,
      notification_preferences: {
        digest: 'weekly',
        email: { task_commented: false, mentioned: true },
        in_app: { task_commented: true },
      },
    });
    expect((await put({ timezone: 'UTC' })).statusCode).toBe(409);
    const utc = await api(ctx, 'PUT', `/users/${user.id}`, {
      token: user.token,
      body: { version: 2, timezone: 'UTC' },
    });
    expect(utc.json().profile).toMatchObject({
      timezone: 'UTC',
      language: 'fr-CA',
      notification_preferences: { digest: 'weekly' },
    });
    expect((await outboxEvents(ctx, 'users.profile.updated')).at(-1)).toMatchObject({
      org_id: null,
      data: { user_id: user.id, timezone: 'UTC', notification_preferences: { digest: 'weekly' } },
    });
  });

  it("lets an admin edit a member's profile but not their preferences, and a member nobody else's", async () => {
    const { owner, people } = await organizationOf(['member', 'member']);
    const [member, colleague] = people as [TestUser, TestUser];
    const byAdmin = await api(ctx, 'PUT', `/users/${member.id}`, {
      token: owner.token,
      body: { version: 1, bio: 'Set by an admin' },
    });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().profile.bio).toBe('Set by an admin');
    const prefs = await api(ctx, 'PUT', `/users/${member.id}`, {
      token: owner.token,
      body: { version: 2, notification_preferences: { digest: 'daily' } },
    });
    expect(prefs.statusCode).toBe(403);
    expect(prefs.json().errors[0].field).toBe('notification_preferences');
    const byPeer = await api(ctx, 'PUT', `/users/${member.id}`, {
      token: colleague.token,
      body: { version: 2, bio: 'Hijacked' },
    });
    expect(byPeer.statusCode).toBe(403);
    expect((await api(ctx, 'DELETE', `/users/${member.id}`, { token: colleague.token })).statusCode).toBe(
      403,
    );
  });

  it('deletes an account: memberships end, personal data goes, the id stays readable as "Deleted user"', async () => {
    const { owner, organization, people } = await organizationOf(['member']);
    const [member] = people as [TestUser];
    await api(ctx, 'PUT', `/users/${member.id}`, {
      token: member.token,
      body: { version: 1, bio: 'Private', timezone: 'Asia/Tokyo' },
    });
    const team = (
      await api(ctx, 'POST', '/teams', {
        token: owner.token,
        body: { organization_id: organization.id, name: 'Ops' },
      })
    ).json();
    await api(ctx, 'POST', `/teams/${team.id}/members`, { token: owner.token, body: { user_id: member.id } });

    const me = await api(ctx, 'GET', '/users/me', { token: member.token });
    const organizationsBefore: string[] = me.json().organizations.map((o: { id: string }) => o.id);
    expect((await api(ctx, 'DELETE', `/users/${member.id}`, { token: owner.token })).statusCode).toBe(204);
    const deleted = await api(ctx, 'GET', `/users/${member.id}`, { token: owner.token });
    expect(deleted.json()).toMatchObject({
      id: member.id,
      email: null,
      display_name: 'Deleted user',
      is_active: false,
      profile: { bio: null, timezone: null, avatar_url: null },
    });
    expect(JSON.stringify(deleted.json())).not.toContain(member.username);
    const row = await ctx.test.database.root
      .selectFrom('users.user_directory')
      .selectAll()
      .where('user_id', '=', member.id)
      .executeTakeFirst();
    expect(row).toMatchObject({ email: null, first_name: 'Deleted', last_name: 'user', is_active: false });
    expect(
      (await api(ctx, 'GET', `/users?q=${member.username}`, { token: owner.token })).json().items,
    ).toEqual([]);
    const members = (
      await api(ctx, 'GET', `/organizations/${organization.id}/members`, { token: owner.token })
    ).json().items;
    expect(members.map((m: { user_id: string }) => m.user_id)).toEqual([owner.id]);
    expect((await api(ctx, 'GET', `/teams/${team.id}`, { token: owner.token })).json().member_count).toBe(1);

    expect((await outboxEvents(ctx, 'users.user.deleted')).at(-1)).toMatchObject({
      actor_id: owner.id,
      data: { user_id: member.id },
    });
    // They leave every organization (their personal one too, when the sign-up event came first).
    const removals = (await outboxEvents(ctx, 'users.member.removed')).filter(
      (e) => e.data.user_id === member.id,
    );
    expect(removals.map((e) => e.org_id).sort()).toEqual(organizationsBefore.sort());
    expect((await outboxEvents(ctx, 'users.team_member.removed')).at(-1)?.data).toMatchObject({
      team_id: team.id,
      user_id: member.id,
    });
    expect((await api(ctx, 'DELETE', `/users/${member.id}`, { token: owner.token })).statusCode).toBe(404);
  });

  it('refuses to delete the last owner of an organization with other members; alone is fine', async () => {
    const { owner, people } = await organizationOf(['admin']);
    const refused = await api(ctx, 'DELETE', `/users/${owner.id}`, { token: owner.token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('USERS_LAST_OWNER');
    expect((await api(ctx, 'DELETE', `/users/${owner.id}`, { token: people[0]!.token })).statusCode).toBe(
      403,
    );

    const { user: loner } = await signUpWithOrganization(ctx);
    expect((await api(ctx, 'DELETE', `/users/${loner.id}`, { token: loner.token })).statusCode).toBe(204);
    expect((await api(ctx, 'GET', '/organizations', { token: loner.token })).json().items).toEqual([]);
  });
});
