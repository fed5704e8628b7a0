import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToOrganization,
  api,
  outboxEvents,
  signUp,
  signUpWithOrganization,
  startUsers,
  type TestUser,
  type UsersTestContext,
} from './helpers.ts';

describe('organizations, members and roles', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  async function team(roles: ('admin' | 'member' | 'guest')[]) {
    const { user: owner, organization } = await signUpWithOrganization(ctx);
    const people: TestUser[] = [];
    for (const role of roles) {
      const person = await signUp(ctx);
      await addToOrganization(ctx, owner, organization.id, person, role);
      people.push(person);
    }
    return { owner, organization, people };
  }

  it('creates, reads and updates an organization with versioned, validated settings', async () => {
    const { user } = await signUpWithOrganization(ctx);
    const created = await api(ctx, 'POST', '/organizations', {
      token: user.token,
      body: { name: '  Blue Sky ', settings: { week_start: 'sunday' } },
    });
    expect(created.statusCode).toBe(201);
    const org = created.json();
    expect(org).toMatchObject({
      name: 'Blue Sky',
      domain: null,
      my_role: 'owner',
      version: 1,
      settings: { allow_domain_join: false, week_start: 'sunday' },
    });
    expect((await api(ctx, 'GET', `/organizations/${org.id}`, { token: user.token })).json().name).toBe(
      'Blue Sky',
    );

    const unknown = await api(ctx, 'PUT', `/organizations/${org.id}`, {
      token: user.token,
      body: { version: 1, settings: { color: 'red' } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({
      field: 'settings.color',
      message: 'is not an allowed field',
    });
    const badDay = await api(ctx, 'PUT', `/organizations/${org.id}`, {
      token: user.token,
      body: { version: 1, settings: { week_start: 'friday' } },
    });
    expect(badDay.json().errors[0].field).toBe('settings.week_start');

    const updated = await api(ctx, 'PUT', `/organizations/${org.id}`, {
      token: user.token,
      body: { version: 1, name: 'Blue Sky Ltd' },
    });
    expect(updated.json()).toMatchObject({
      name: 'Blue Sky Ltd',
      version: 2,
      settings: { week_start: 'sunday' },
    });
    const stale = await api(ctx, 'PUT', `/organizations/${org.id}`, {
      token: user.token,
      body: { version: 1, name: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'USERS_VERSION_CONFLICT',
      current: { name: 'Blue Sky Ltd', version: 2 },
    });
    expect((await outboxEvents(ctx, 'users.organization.updated')).at(-1)).toMatchObject({
      org_id: org.id,
      data: { name: 'Blue Sky Ltd' },
    });

    const list = (await api(ctx, 'GET', '/organizations?limit=1', { token: user.token })).json();
    expect(list.items).toHaveLength(1);
    const next = (
      await api(ctx, 'GET', `/organizations?limit=1&cursor=${list.next_cursor}`, { token: user.token })
    ).json();
    expect(next.next_cursor).toBeNull();
    expect([list.items[0].id, next.items[0].id]).toContain(org.id);
  });

  it('answers 404 for an organization the caller is not in, whatever the action', async () => {
    const { organization } = await signUpWithOrganization(ctx);
    const { user: stranger } = await signUpWithOrganization(ctx);
    for (const [method, url, body] of [
      ['GET', `/organizations/${organization.id}`, undefined],
      ['PUT', `/organizations/${organization.id}`, { version: 1, name: 'Mine now' }],
      ['GET', `/organizations/${organization.id}/members`, undefined],
      ['PUT', `/organizations/${organization.id}/members/${stranger.id}`, { role: 'owner' }],
      ['POST', `/organizations/${organization.id}/invitations`, { email: 'x@example.com' }],
    ] as const) {
      const res = await api(ctx, method, url, { token: stranger.token, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
  });

  it('lets members and guests read, and answers 403 when they try admin actions', async () => {
    const { organization, people } = await team(['member', 'guest']);
    const [member, guest] = people as [TestUser, TestUser];
    for (const person of [member, guest]) {
      expect(
        (await api(ctx, 'GET', `/organizations/${organization.id}`, { token: person.token })).statusCode,
      ).toBe(200);
      expect(
        (await api(ctx, 'GET', `/organizations/${organization.id}/members`, { token: person.token })).json()
          .items,
      ).toHaveLength(3);
    }
    const attempts = [
      ['PUT', `/organizations/${organization.id}`, { version: 1, name: 'Taken over' }],
      ['PUT', `/organizations/${organization.id}/members/${guest.id}`, { role: 'admin' }],
      ['DELETE', `/organizations/${organization.id}/members/${guest.id}`, undefined],
      ['POST', `/organizations/${organization.id}/invitations`, { email: 'friend@example.com' }],
      ['GET', `/organizations/${organization.id}/invitations`, undefined],
      ['POST', '/teams', { organization_id: organization.id, name: 'Mine' }],
    ] as const;
    for (const [method, url, body] of attempts) {
      const res = await api(ctx, method, url, { token: member.token, body });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
  });

  it('changes roles: admins manage roles, only owners touch ownership, the last owner stays', async () => {
    const { owner, organization, people } = await team(['admin', 'member']);
    const [admin, member] = people as [TestUser, TestUser];
    const url = (user: TestUser) => `/organizations/${organization.id}/members/${user.id}`;

    const promoted = await api(ctx, 'PUT', url(member), { token: admin.token, body: { role: 'guest' } });
    expect(promoted.json()).toMatchObject({
      user_id: member.id,
      role: 'guest',
      user: { id: member.id, username: member.username },
    });
    expect((await outboxEvents(ctx, 'users.member.role_changed')).at(-1)).toMatchObject({
      org_id: organization.id,
      actor_id: admin.id,
      data: { organization_id: organization.id, user_id: member.id, role: 'guest' },
    });
    expect(
      (await api(ctx, 'PUT', url(member), { token: admin.token, body: { role: 'owner' } })).statusCode,
    ).toBe(403);
    expect(
      (await api(ctx, 'PUT', url(owner), { token: admin.token, body: { role: 'member' } })).statusCode,
    ).toBe(403);
    expect((await api(ctx, 'DELETE', url(owner), { token: admin.token })).statusCode).toBe(403);

    const lastOwner = await api(ctx, 'PUT', url(owner), { token: owner.token, body: { role: 'admin' } });
    expect(lastOwner.statusCode).toBe(409);
    expect(lastOwner.json().code).toBe('USERS_LAST_OWNER');
    expect((await api(ctx, 'DELETE', url(owner), { token: owner.token })).statusCode).toBe(409);

    expect(
      (await api(ctx, 'PUT', url(admin), { token: owner.token, body: { role: 'owner' } })).json().role,
    ).toBe('owner');
    const stepDown = await api(ctx, 'PUT', url(owner), { token: owner.token, body: { role: 'member' } });
    expect(stepDown.json().role).toBe('member');
    expect(
      (await api(ctx, 'PUT', url(admin), { token: admin.token, body: { role: 'admin' } })).statusCode,
    ).toBe(409);
    expect(
      (
        await api(ctx, 'PUT', `/organizations/${organization.id}/members/${admin.id}`, {
          token: admin.token,
          body: { role: 'boss' },
        })
      ).json().errors[0].field,
    ).toBe('role');
  });

  it('removes members, lets people leave, and keyset-paginates the member list', async () => {
    const { owner, organization, people } = await team(['member', 'guest', 'member']);
    const [leaver, removed] = people as [TestUser, TestUser, TestUser];
    const first = (
      await api(ctx, 'GET', `/organizations/${organization.id}/members?limit=2`, { token: owner.token })
    ).json();
    const second = (
      await api(ctx, 'GET', `/organizations/${organization.id}/members?limit=2&cursor=${first.next_cursor}`, {
        token: owner.token,
      })
    ).json();
    expect(first.items).toHaveLength(2);
    expect(second.items).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
    const ids = [...first.items, ...second.items].map((m: { user_id: string }) => m.user_id);
    expect(new Set(ids).size).toBe(4);
    expect(
      (
        await api(ctx, 'GET', `/organizations/${organization.id}/members?role=guest`, { token: owner.token })
      ).json().items,
    ).toEqual([expect.objectContaining({ user_id: removed.id, role: 'guest' })]);

    expect(
      (
        await api(ctx, 'DELETE', `/organizations/${organization.id}/members/${leaver.id}`, {
          token: leaver.token,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (
        await api(ctx, 'DELETE', `/organizations/${organization.id}/members/${removed.id}`, {
          token: owner.token,
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await api(ctx, 'GET', `/organizations/${organization.id}`, { token: leaver.token })).statusCode,
    ).toBe(404);
    const removals = (await outboxEvents(ctx, 'users.member.removed')).filter(
      (e) => e.org_id === organization.id,
    );
    expect(removals.map((e) => e.data.user_id)).toEqual([leaver.id, removed.id]);
    expect(
      (
        await api(ctx, 'DELETE', `/organizations/${organization.id}/members/${removed.id}`, {
          token: owner.token,
        })
      ).statusCode,
    ).toBe(404);
  });
});
