import { randomUUID } from 'node:crypto';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project, ProjectMember } from '../src/contract/http.ts';
import {
  api,
  createProject,
  eventsOf,
  organizationWith,
  signUp,
  startProjects,
  type TestUser,
} from './helpers.ts';

describe('project members', () => {
  let test: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let outsider: TestUser;
  let orgId: string;

  beforeAll(async () => {
    test = await startProjects();
    [admin, alice, bob, outsider] = [
      await signUp(test),
      await signUp(test),
      await signUp(test),
      await signUp(test),
    ];
    orgId = await organizationWith(test, [
      [admin, 'member'],
      [alice, 'member'],
      [bob, 'guest'],
    ]);
    await organizationWith(test, [[outsider, 'owner']]);
  });
  afterAll(async () => test.close());

  const membersUrl = (project: Project) => `/projects/${project.id}/members`;

  it('adds members of the organization, lists them admins first, and changes roles', async () => {
    const project = await createProject(test, admin, orgId, { name: 'Team' });
    for (const [user, role] of [
      [bob, 'viewer'],
      [alice, 'member'],
    ] as const) {
      const res = await api(test, 'POST', membersUrl(project), {
        token: admin.token,
        body: { user_id: user.id, role },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ project_id: project.id, user_id: user.id, role });
    }
    const list = (await api(test, 'GET', membersUrl(project), { token: bob.token })).json();
    expect(list.items.map((m: ProjectMember) => [m.user_id, m.role])).toEqual([
      [admin.id, 'admin'],
      [alice.id, 'member'],
      [bob.id, 'viewer'],
    ]);
    const paged = (
      await api(test, 'GET', `${membersUrl(project)}?limit=1&role=member`, { token: bob.token })
    ).json();
    expect(paged).toEqual({ items: [expect.objectContaining({ user_id: alice.id })], next_cursor: null });

    const promoted = await api(test, 'PUT', `${membersUrl(project)}/${bob.id}`, {
      token: admin.token,
      body: { role: 'member' },
    });
    expect(promoted.json()).toMatchObject({ user_id: bob.id, role: 'member' });
    const again = await api(test, 'POST', membersUrl(project), {
      token: admin.token,
      body: { user_id: bob.id, role: 'viewer' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PROJECTS_MEMBER_EXISTS');

    const events = await eventsOf(test, project.id);
    const roleChanged = events.find((e) => e.type === 'projects.member.role_changed');
    expect(roleChanged?.data).toEqual({
      project_id: project.id,
      organization_id: orgId,
      user_id: bob.id,
      role: 'member',
    });
    expect(events.filter((e) => e.type === 'projects.member.added')).toHaveLength(3);
  });

  it("refuses people outside the project's organization, naming user_id", async () => {
    const project = await createProject(test, admin, orgId, { name: 'Closed' });
    for (const userId of [outsider.id, randomUUID()]) {
      const res = await api(test, 'POST', membersUrl(project), {
        token: admin.token,
        body: { user_id: userId, role: 'member' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'PROJECTS_USER_NOT_IN_ORGANIZATION',
        errors: [{ field: 'user_id', message: "is not a member of the project's organization" }],
      });
    }
  });

  it('keeps the last admin: no demotion, no removal, until another admin exists', async () => {
    const project = await createProject(test, admin, orgId, { name: 'Admins' });
    const demote = await api(test, 'PUT', `${membersUrl(project)}/${admin.id}`, {
      token: admin.token,
      body: { role: 'member' },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('PROJECTS_LAST_ADMIN');
    const leave = await api(test, 'DELETE', `${membersUrl(project)}/${admin.id}`, { token: admin.token });
    expect(leave.statusCode).toBe(409);

    await api(test, 'POST', membersUrl(project), {
      token: admin.token,
      body: { user_id: alice.id, role: 'admin' },
    });
    expect(
      (await api(test, 'DELETE', `${membersUrl(project)}/${admin.id}`, { token: admin.token })).statusCode,
    ).toBe(204);
    const lastAgain = await api(test, 'PUT', `${membersUrl(project)}/${alice.id}`, {
      token: alice.token,
      body: { role: 'viewer' },
    });
    expect(lastAgain.statusCode).toBe(409);
    // The former admin is an organization member: still a viewer of the project.
    expect((await api(test, 'GET', `/projects/${project.id}`, { token: admin.token })).json().my_role).toBe(
      'viewer',
    );
  });

  it('lets anyone leave, but only admins remove others', async () => {
    const project = await createProject(test, admin, orgId, { name: 'Leaving' });
    await api(test, 'POST', membersUrl(project), {
      token: admin.token,
      body: { user_id: alice.id, role: 'member' },
    });
    await api(test, 'POST', membersUrl(project), {
      token: admin.token,
      body: { user_id: bob.id, role: 'member' },
    });
    const forbidden = await api(test, 'DELETE', `${membersUrl(project)}/${bob.id}`, { token: alice.token });
    expect(forbidden.statusCode).toBe(403);
    const addByMember = await api(test, 'POST', membersUrl(project), {
      token: alice.token,
      body: { user_id: bob.id, role: 'admin' },
    });
    expect(addByMember.statusCode).toBe(403);
    expect(
      (await api(test, 'DELETE', `${membersUrl(project)}/${alice.id}`, { token: alice.token })).statusCode,
    ).toBe(204);
    expect(
      (await api(test, 'DELETE', `${membersUrl(project)}/${bob.id}`, { token: admin.token })).statusCode,
    ).toBe(204);
    expect(
      (await api(test, 'DELETE', `${membersUrl(project)}/${bob.id}`, { token: admin.token })).statusCode,
    ).toBe(404);
    const removed = (await eventsOf(test, project.id)).filter((e) => e.type === 'projects.member.removed');
    expect(removed.map((e) => (e.data as { user_id: string }).user_id).sort()).toEqual(
      [alice.id, bob.id].sort(),
    );
  });
});
