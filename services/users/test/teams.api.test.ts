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

describe('teams and team members', () => {
  let ctx: UsersTestContext;
  beforeAll(async () => {
    ctx = await startUsers();
  });
  afterAll(async () => ctx.close());

  async function organizationWith(roles: ('admin' | 'member' | 'guest')[]) {
    const { user: owner, organization } = await signUpWithOrganization(ctx);
    const people: TestUser[] = [];
    for (const role of roles) {
      const person = await signUp(ctx);
      await addToOrganization(ctx, owner, organization.id, person, role);
      people.push(person);
    }
    return { owner, organization, people };
  }

  it('creates, reads, lists, updates and deletes a team, announcing each change', async () => {
    const { owner, organization, people } = await organizationWith(['guest']);
    const created = await api(ctx, 'POST', '/teams', {
      token: owner.token,
      body: { organization_id: organization.id, name: 'Platform', description: 'Runs things' },
    });
    expect(created.statusCode).toBe(201);
    const team = created.json();
    expect(team).toMatchObject({
      organization_id: organization.id,
      name: 'Platform',
      owner_id: owner.id,
      member_count: 1,
      version: 1,
    });
    await api(ctx, 'POST', '/teams', {
      token: owner.token,
      body: { organization_id: organization.id, name: 'Design' },
    });

    expect((await api(ctx, 'GET', `/teams/${team.id}`, { token: people[0]!.token })).json().name).toBe(
      'Platform',
    );
    const page1 = (
      await api(ctx, 'GET', `/teams?organization_id=${organization.id}&limit=1`, { token: owner.token })
    ).json();
    const page2 = (
      await api(ctx, 'GET', `/teams?organization_id=${organization.id}&limit=1&cursor=${page1.next_cursor}`, {
        token: owner.token,
      })
    ).json();
    expect([...page1.items, ...page2.items].map((t: { name: string }) => t.name)).toEqual([
      'Design',
      'Platform',
    ]);
    expect(page2.next_cursor).toBeNull();
    expect((await api(ctx, 'GET', '/teams?q=plat', { token: owner.token })).json().items).toEqual([
      expect.objectContaining({ id: team.id }),
    ]);

    const renamed = await api(ctx, 'PUT', `/teams/${team.id}`, {
      token: owner.token,
      body: { version: 1, name: 'Platform Eng' },
    });
    expect(renamed.json()).toMatchObject({ name: 'Platform Eng', description: 'Runs things', version: 2 });
    expect(
      (
        await api(ctx, 'PUT', `/teams/${team.id}`, {
          token: owner.token,
          body: { version: 1, name: 'Stale' },
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await api(ctx, 'PUT', `/teams/${team.id}`, { token: owner.token, body: { version: 2, color: 'red' } })
      ).json().errors,
    ).toEqual([{ field: 'color', message: 'is not an allowed field' }]);

    expect((await api(ctx, 'DELETE', `/teams/${team.id}`, { token: owner.token })).statusCode).toBe(204);
    expect((await api(ctx, 'GET', `/teams/${team.id}`, { token: owner.token })).statusCode).toBe(404);
    const types = ['users.team.created', 'users.team.updated', 'users.team.deleted'];
    for (const type of types) {
      expect(
        (await outboxEvents(ctx, type)).some(
          (e) => e.data.team_id === team.id && e.org_id === organization.id,
        ),
        type,
      ).toBe(true);
    }
  });

  it('adds and removes members with roles; a lead manages the team, a member only leaves', async () => {
    const { owner, organization, people } = await organizationWith(['member', 'member', 'guest']);
    const [lead, member, guest] = people as [TestUser, TestUser, TestUser];
    const team = (
      await api(ctx, 'POST', '/teams', {
        token: owner.token,
        body: { organization_id: organization.id, name: 'Core' },
      })
    ).json();
    const url = `/teams/${team.id}/members`;

    const addedLead = await api(ctx, 'POST', url, {
      token: owner.token,
      body: { user_id: lead.id, role: 'lead' },
    });
    expect(addedLead.statusCode).toBe(201);
    expect(addedLead.json()).toMatchObject({
      team_id: team.id,
      user_id: lead.id,
      role: 'lead',
      user: { id: lead.id },
    });
    expect(
      (await api(ctx, 'POST', url, { token: lead.token, body: { user_id: member.id } })).json().role,
    ).toBe('member');
    expect(
      (await api(ctx, 'POST', url, { token: lead.token, body: { user_id: member.id } })).statusCode,
    ).toBe(409);
    expect(
      (await api(ctx, 'POST', url, { token: member.token, body: { user_id: guest.id } })).statusCode,
    ).toBe(403);
    expect(
      (
        await api(ctx, 'PUT', `/teams/${team.id}`, {
          token: lead.token,
          body: { version: 1, name: 'Lead renames' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await api(ctx, 'DELETE', `/teams/${team.id}`, { token: member.token })).statusCode).toBe(403);

    const { user: outsider } = await signUpWithOrganization(ctx);
    const notInOrg = await api(ctx, 'POST', url, { token: owner.token, body: { user_id: outsider.id } });
    expect(notInOrg.statusCode).toBe(400);
    expect(notInOrg.json().errors).toEqual([
      { field: 'user_id', message: 'is not a member of the organization' },
    ]);

    const promoted = await api(ctx, 'PUT', `${url}/${member.id}`, {
      token: lead.token,
      body: { role: 'lead' },
    });
    expect(promoted.json().role).toBe('lead');
    const list = (await api(ctx, 'GET', `${url}?limit=10`, { token: guest.token })).json();
    expect(list.items.map((m: { user_id: string }) => m.user_id).sort()).toEqual(
      [owner.id, lead.id, member.id].sort(),
    );

    const theirTeams = (await api(ctx, 'GET', `/users/${member.id}/teams`, { token: guest.token })).json();
    expect(theirTeams.items).toEqual([
      expect.objectContaining({ id: team.id, role: 'lead', member_count: 3 }),
    ]);

    expect((await api(ctx, 'DELETE', `${url}/${member.id}`, { token: member.token })).statusCode).toBe(204);
    expect((await api(ctx, 'DELETE', `${url}/${lead.id}`, { token: owner.token })).statusCode).toBe(204);
    expect((await api(ctx, 'DELETE', `${url}/${lead.id}`, { token: owner.token })).statusCode).toBe(404);
    const events = (await outboxEvents(ctx, 'users.team_member.removed')).filter(
      (e) => e.data.team_id === team.id,
    );
    expect(events.map((e) => e.data)).toEqual([
      { team_id: team.id, organization_id: organization.id, user_id: member.id, role: 'lead' },
      { team_id: team.id, organization_id: organization.id, user_id: lead.id, role: 'lead' },
    ]);
  });

  it("answers 404 for another organization's teams, and when creating one there", async () => {
    const { user: owner, organization } = await signUpWithOrganization(ctx);
    const team = (
      await api(ctx, 'POST', '/teams', {
        token: owner.token,
        body: { organization_id: organization.id, name: 'Secret' },
      })
    ).json();
    const { user: stranger } = await signUpWithOrganization(ctx);
    expect((await api(ctx, 'GET', `/teams/${team.id}`, { token: stranger.token })).statusCode).toBe(404);
    expect((await api(ctx, 'GET', `/teams/${team.id}/members`, { token: stranger.token })).statusCode).toBe(
      404,
    );
    expect(
      (
        await api(ctx, 'POST', `/teams/${team.id}/members`, {
          token: stranger.token,
          body: { user_id: stranger.id },
        })
      ).statusCode,
    ).toBe(404);
    expect((await api(ctx, 'DELETE', `/teams/${team.id}`, { token: stranger.token })).statusCode).toBe(404);
    expect((await api(ctx, 'GET', '/teams', { token: stranger.token })).json().items).toEqual([]);
    const create = await api(ctx, 'POST', '/teams', {
      token: stranger.token,
      body: { organization_id: organization.id, name: 'Intruder' },
    });
    expect(create.statusCode).toBe(404);
    expect(create.json().errors).toEqual([
      { field: 'organization_id', message: 'is not an organization you belong to' },
    ]);
    expect(
      (await api(ctx, 'GET', `/teams?organization_id=${organization.id}`, { token: stranger.token }))
        .statusCode,
    ).toBe(404);
  });
});
