import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Milestone, Project } from '../src/contract/http.ts';
import {
  api,
  createProject,
  eventsOf,
  organizationWith,
  signUp,
  startProjects,
  type TestUser,
} from './helpers.ts';

describe('milestones and analytics', () => {
  let test: TestApp;
  let admin: TestUser;
  let member: TestUser;
  let viewer: TestUser;
  let project: Project;

  beforeAll(async () => {
    test = await startProjects();
    [admin, member, viewer] = [await signUp(test), await signUp(test), await signUp(test)];
    const orgId = await organizationWith(test, [
      [admin, 'member'],
      [member, 'guest'],
      [viewer, 'member'],
    ]);
    project = await createProject(test, admin, orgId, {
      name: 'Launch',
      start_date: '2020-01-01',
      end_date: '2099-12-31',
    });
    const added = await api(test, 'POST', `/projects/${project.id}/members`, {
      token: admin.token,
      body: { user_id: member.id, role: 'member' },
    });
    expect(added.statusCode).toBe(201);
  });
  afterAll(async () => test.close());

  const url = () => `/projects/${project.id}/milestones`;

  it('lets project members plan milestones, sorted by due date with undated ones last', async () => {
    const bodies = [
      { title: 'Undated' },
      { title: 'Beta', due_date: '2090-06-01', status: 'in_progress' },
      { title: 'Alpha', due_date: '2090-03-01', description: 'first cut' },
      { title: 'Kickoff', due_date: '2020-02-01' },
    ];
    for (const body of bodies) {
      const res = await api(test, 'POST', url(), { token: member.token, body });
      expect(res.statusCode, res.body).toBe(201);
    }
    const page1 = (await api(test, 'GET', `${url()}?limit=3`, { token: viewer.token })).json();
    const page2 = (
      await api(test, 'GET', `${url()}?limit=3&cursor=${page1.next_cursor}`, { token: viewer.token })
    ).json();
    expect(page2.next_cursor).toBeNull();
    const all: Milestone[] = [...page1.items, ...page2.items];
    expect(all.map((m) => m.title)).toEqual(['Kickoff', 'Alpha', 'Beta', 'Undated']);
    expect(all.map((m) => m.is_overdue)).toEqual([true, false, false, false]);
    expect(all[1]).toMatchObject({
      status: 'pending',
      description: 'first cut',
      due_date: '2090-03-01',
      version: 1,
    });
    const inProgress = (
      await api(test, 'GET', `${url()}?status=in_progress`, { token: viewer.token })
    ).json();
    expect(inProgress.items.map((m: Milestone) => m.title)).toEqual(['Beta']);
  });

  it('updates at the current version only, and deletes', async () => {
    const created = (
      await api(test, 'POST', url(), { token: admin.token, body: { title: 'Review' } })
    ).json<Milestone>();
    const done = await api(test, 'PUT', `${url()}/${created.id}`, {
      token: member.token,
      body: { version: 1, status: 'completed', due_date: '2021-01-01' },
    });
    expect(done.json()).toMatchObject({
      status: 'completed',
      due_date: '2021-01-01',
      version: 2,
      is_overdue: false,
    });
    const stale = await api(test, 'PUT', `${url()}/${created.id}`, {
      token: member.token,
      body: { version: 1, title: 'Late' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'PROJECTS_VERSION_CONFLICT',
      current: { title: 'Review', version: 2 },
    });

    expect((await api(test, 'DELETE', `${url()}/${created.id}`, { token: member.token })).statusCode).toBe(
      204,
    );
    expect((await api(test, 'DELETE', `${url()}/${created.id}`, { token: member.token })).statusCode).toBe(
      404,
    );
    const types = (await eventsOf(test, project.id)).filter(
      (e) => (e.data as { milestone_id?: string }).milestone_id === created.id,
    );
    expect(types.map((e) => e.type).sort()).toEqual([
      'projects.milestone.created',
      'projects.milestone.deleted',
      'projects.milestone.updated',
    ]);
    expect(types[0]).toMatchObject({ org_id: project.organization_id, project_id: project.id });
  });

  it('keeps viewers to reading: 403 on every milestone change', async () => {
    const [any] = (await api(test, 'GET', url(), { token: viewer.token })).json().items as Milestone[];
    const writes = await Promise.all([
      api(test, 'POST', url(), { token: viewer.token, body: { title: 'No' } }),
      api(test, 'PUT', `${url()}/${any!.id}`, { token: viewer.token, body: { version: 1, title: 'No' } }),
      api(test, 'DELETE', `${url()}/${any!.id}`, { token: viewer.token }),
    ]);
    expect(writes.map((res) => [res.statusCode, res.json().code])).toEqual([
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
      [403, 'FORBIDDEN'],
    ]);
  });

  it('answers 404 for a milestone of another project', async () => {
    const other = await createProject(test, admin, project.organization_id, { name: 'Other' });
    const foreign = (
      await api(test, 'POST', `/projects/${other.id}/milestones`, {
        token: admin.token,
        body: { title: 'X' },
      })
    ).json();
    const res = await api(test, 'PUT', `${url()}/${foreign.id}`, {
      token: admin.token,
      body: { version: 1, title: 'Y' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PROJECTS_MILESTONE_NOT_FOUND');
  });

  it('reports milestone, member and calendar counts, and no task counts yet', async () => {
    const res = await api(test, 'GET', `/projects/${project.id}/analytics`, { token: viewer.token });
    expect(res.statusCode).toBe(200);
    const analytics = res.json();
    expect(analytics).toMatchObject({
      project_id: project.id,
      milestones: { total: 4, by_status: { pending: 3, in_progress: 1, completed: 0 }, overdue: 1 },
      members: { total: 2, by_role: { admin: 1, member: 1, viewer: 0 } },
      duration_days: 29219,
      tasks: null,
    });
    expect(analytics.days_remaining).toBeGreaterThan(0);
  });
});
