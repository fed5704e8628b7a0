import { randomUUID } from 'node:crypto';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../src/contract/http.ts';
import {
  api,
  createProject,
  eventsOf,
  organizationWith,
  publishMembership,
  readModelRole,
  signUp,
  signUpMany,
  startProjects,
  type TestUser,
} from './helpers.ts';

describe('who sees and does what (ADR 0002)', () => {
  let test: TestApp;
  let users: Record<
    'owner' | 'orgAdmin' | 'creator' | 'member' | 'invitedGuest' | 'guest' | 'stranger',
    TestUser
  >;
  let orgId: string;
  let project: Project;
  let otherProject: Project;

  beforeAll(async () => {
    test = await startProjects();
    const names = ['owner', 'orgAdmin', 'creator', 'member', 'invitedGuest', 'guest', 'stranger'] as const;
    const people = await signUpMany(test, names.length);
    users = Object.fromEntries(names.map((name, i) => [name, people[i]])) as typeof users;
    orgId = await organizationWith(test, [
      [users.owner, 'owner'],
      [users.orgAdmin, 'admin'],
      [users.creator, 'member'],
      [users.member, 'member'],
      [users.invitedGuest, 'guest'],
      [users.guest, 'guest'],
    ]);
    await organizationWith(test, [[users.stranger, 'owner']]);
    project = await createProject(test, users.creator, orgId, { name: 'Shared' });
    otherProject = await createProject(test, users.creator, orgId, { name: 'Internal' });
    const invite = await api(test, 'POST', `/projects/${project.id}/members`, {
      token: users.creator.token,
      body: { user_id: users.invitedGuest.id, role: 'member' },
    });
    expect(invite.statusCode).toBe(201);
  });
  afterAll(async () => test.close());

  const visibleIds = async (user: TestUser) =>
    (await api(test, 'GET', '/projects', { token: user.token })).json().items.map((p: Project) => p.id);
  const roleOn = async (user: TestUser, target: Project) => {
    const res = await api(test, 'GET', `/projects/${target.id}`, { token: user.token });
    return res.statusCode === 200 ? res.json().my_role : res.statusCode;
  };

  it('makes organization owners and admins admins of every project', async () => {
    for (const user of [users.owner, users.orgAdmin]) {
      expect((await visibleIds(user)).sort()).toEqual([project.id, otherProject.id].sort());
      expect(await roleOn(user, otherProject)).toBe('admin');
    }
    const edit = await api(test, 'PUT', `/projects/${otherProject.id}`, {
      token: users.orgAdmin.token,
      body: { version: 1, name: 'Renamed' },
    });
    expect(edit.statusCode).toBe(200);
  });

  it('makes other organization members viewers: they read, a change answers 403', async () => {
    expect((await visibleIds(users.member)).sort()).toEqual([project.id, otherProject.id].sort());
    expect(await roleOn(users.member, project)).toBe('viewer');
    expect(
      (await api(test, 'GET', `/projects/${project.id}/members`, { token: users.member.token })).statusCode,
    ).toBe(200);
    const writes = await Promise.all([
      api(test, 'PUT', `/projects/${project.id}`, {
        token: users.member.token,
        body: { version: 1, name: 'No' },
      }),
      api(test, 'POST', `/projects/${project.id}/milestones`, {
        token: users.member.token,
        body: { title: 'No' },
      }),
      api(test, 'POST', `/projects/${project.id}/archive`, { token: users.member.token }),
      api(test, 'DELETE', `/projects/${project.id}`, { token: users.member.token }),
      api(test, 'POST', `/projects/${project.id}/save-as-template`, {
        token: users.member.token,
        body: { name: 'T' },
      }),
    ]);
    expect(writes.map((res) => res.statusCode)).toEqual([403, 403, 403, 403, 403]);
    expect(writes[0]?.json().code).toBe('FORBIDDEN');
  });

  it('shows guests only the projects they were added to, in the role they were given', async () => {
    expect(await visibleIds(users.invitedGuest)).toEqual([project.id]);
    expect(await roleOn(users.invitedGuest, project)).toBe('member');
    expect(await roleOn(users.invitedGuest, otherProject)).toBe(404);
    const milestone = await api(test, 'POST', `/projects/${project.id}/milestones`, {
      token: users.invitedGuest.token,
      body: { title: 'Ok' },
    });
    expect(milestone.statusCode).toBe(201);
    expect(await visibleIds(users.guest)).toEqual([]);
    expect(await roleOn(users.guest, project)).toBe(404);
    const create = await api(test, 'POST', '/projects', {
      token: users.guest.token,
      body: { organization_id: orgId, name: 'Mine' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('answers 404 to another organization, whatever the request', async () => {
    const { stranger } = users;
    expect(await visibleIds(stranger)).toEqual([]);
    const requests = await Promise.all([
      api(test, 'GET', `/projects/${project.id}`, { token: stranger.token }),
      api(test, 'PUT', `/projects/${project.id}`, {
        token: stranger.token,
        body: { version: 1, name: 'No' },
      }),
      api(test, 'GET', `/projects/${project.id}/milestones`, { token: stranger.token }),
      api(test, 'DELETE', `/projects/${project.id}/members/${users.creator.id}`, { token: stranger.token }),
      api(test, 'GET', `/projects/${project.id}/analytics`, { token: stranger.token }),
      api(test, 'GET', `/projects/${randomUUID()}`, { token: stranger.token }),
    ]);
    expect(requests.map((res) => res.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    const create = await api(test, 'POST', '/projects', {
      token: stranger.token,
      body: { organization_id: orgId, name: 'Intrude' },
    });
    expect(create.statusCode).toBe(404);
    expect(create.json().errors).toEqual([
      { field: 'organization_id', message: 'is not an organization you belong to' },
    ]);
  });

  it('answers 401 without a token or with a bad one', async () => {
    for (const [method, url] of [
      ['GET', '/projects'],
      ['GET', `/projects/${project.id}`],
      ['POST', '/projects'],
      ['GET', '/project-templates'],
    ] as const) {
      expect((await api(test, method, url)).statusCode).toBe(401);
    }
    expect((await api(test, 'GET', '/projects', { token: 'not-a-token' })).statusCode).toBe(401);
  });

  it('follows organization role changes, ignores stale events, and revokes access on leaving', async () => {
    const user = await signUp(test);
    const t0 = Date.now();
    // Delivered out of order: the promotion first, the older "added" afterwards.
    await publishMembership(test, 'role_changed', orgId, user.id, 'admin', new Date(t0 + 2000));
    await publishMembership(test, 'added', orgId, user.id, 'guest', new Date(t0 + 1000));
    expect(await readModelRole(test, orgId, user.id)).toBe('admin');
    expect(await roleOn(user, otherProject)).toBe('admin');

    await publishMembership(test, 'role_changed', orgId, user.id, 'member', new Date(t0 + 3000));
    const joined = await api(test, 'POST', `/projects/${otherProject.id}/members`, {
      token: users.owner.token,
      body: { user_id: user.id, role: 'member' },
    });
    expect(joined.statusCode).toBe(201);
    expect(await roleOn(user, otherProject)).toBe('member');

    await publishMembership(test, 'removed', orgId, user.id, null, new Date(t0 + 4000));
    await publishMembership(test, 'role_changed', orgId, user.id, 'owner', new Date(t0 + 3500));
    expect(await readModelRole(test, orgId, user.id)).toBeNull();
    expect(await roleOn(user, otherProject)).toBe(404);
    expect(await visibleIds(user)).toEqual([]);
    const members = (
      await api(test, 'GET', `/projects/${otherProject.id}/members`, { token: users.owner.token })
    ).json().items;
    expect(members.map((m: { user_id: string }) => m.user_id)).not.toContain(user.id);
    const removed = (await eventsOf(test, otherProject.id)).filter(
      (e) => e.type === 'projects.member.removed',
    );
    expect(removed.map((e) => e.data)).toEqual([
      { project_id: otherProject.id, organization_id: orgId, user_id: user.id },
    ]);

    await publishMembership(test, 'added', orgId, user.id, 'member', new Date(t0 + 5000));
    expect(await roleOn(user, otherProject)).toBe('viewer');
  });

  it('handles a redelivered membership event once', async () => {
    const user = await signUp(test);
    await publishMembership(test, 'added', orgId, user.id, 'member');
    const removal = await publishMembership(test, 'removed', orgId, user.id, null);
    await test.infra.bus.publish(removal);
    await test.infra.bus.publish(removal);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const inbox = await test.database.root
      .selectFrom('projects.inbox')
      .select('consumer')
      .where('event_id', '=', removal.id)
      .execute();
    expect(inbox).toEqual([{ consumer: 'projects' }]);
    expect(await readModelRole(test, orgId, user.id)).toBeNull();
  });
});
