import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskView } from '../src/contract/http-views.ts';
import { api, createProject, signUp, startTasks, type TestUser } from './helpers.ts';
import { personWithRole } from './project-roles.ts';

describe('saved task views', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let admin: TestUser;
  let member: TestUser;
  let colleague: TestUser;
  let viewer: TestUser;

  const save = (user: TestUser, body: Record<string, unknown>) =>
    api(test, 'POST', '/task-views', {
      token: user.token,
      body: { project_id: project.id, layout: 'board', ...body },
    });
  const visibleTo = async (user: TestUser) =>
    (await api(test, 'GET', `/task-views?project_id=${project.id}`, { token: user.token }))
      .json<{ items: TaskView[] }>()
      .items.map((view) => view.name);

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Views', key: 'VIE' });
    admin = await personWithRole(test, owner, project.id, 'admin');
    member = await personWithRole(test, owner, project.id, 'member');
    colleague = await personWithRole(test, owner, project.id, 'member');
    viewer = await personWithRole(test, owner, project.id, 'viewer');
  });
  afterAll(async () => test.close());

  it('saves filters, sort and layout, and shows personal views to their owner only', async () => {
    const filters = {
      status_category: 'in_progress',
      assignee: 'me',
      priority: 'high',
      tag: 'frontend',
      due_before: '2031-01-31',
      overdue: false,
      blocked: true,
      q: 'login page',
    };
    const res = await save(member, { name: 'My urgent work', filters, sort: 'due_date', layout: 'list' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      project_id: project.id,
      name: 'My urgent work',
      filters,
      sort: 'due_date',
      layout: 'list',
      shared: false,
      owner_id: member.id,
    });
    expect(await visibleTo(member)).toContain('My urgent work');
    expect(await visibleTo(colleague)).not.toContain('My urgent work');
    expect(await visibleTo(admin)).not.toContain('My urgent work');
    const id = res.json<TaskView>().id;
    expect((await api(test, 'GET', `/task-views/${id}`, { token: admin.token })).statusCode).toBe(404);
    expect(
      (await api(test, 'PUT', `/task-views/${id}`, { token: admin.token, body: { name: 'x' } })).statusCode,
    ).toBe(404);

    const changed = await api(test, 'PUT', `/task-views/${id}`, {
      token: member.token,
      body: { filters: { status: 'todo' }, sort: null },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      filters: { status: 'todo' },
      sort: null,
      layout: 'list',
      name: 'My urgent work',
    });
  });

  it('shows shared views to every project member; their owner or a project admin changes them', async () => {
    const res = await save(member, {
      name: 'Team board',
      shared: true,
      filters: { milestone_id: project.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<TaskView>().id;
    for (const user of [owner, admin, colleague, viewer]) {
      expect(await visibleTo(user)).toContain('Team board');
    }
    const put = (user: TestUser, body: Record<string, unknown>) =>
      api(test, 'PUT', `/task-views/${id}`, { token: user.token, body });
    expect((await put(colleague, { name: 'Mine' })).statusCode).toBe(403);
    expect((await put(viewer, { name: 'Mine' })).statusCode).toBe(403);
    expect((await api(test, 'DELETE', `/task-views/${id}`, { token: colleague.token })).statusCode).toBe(403);
    expect((await put(admin, { name: 'Team board (admin)' })).json().name).toBe('Team board (admin)');
    expect((await put(member, { layout: 'list' })).json()).toMatchObject({
      layout: 'list',
      name: 'Team board (admin)',
    });
    expect((await api(test, 'DELETE', `/task-views/${id}`, { token: owner.token })).statusCode).toBe(204);
    expect(await visibleTo(member)).not.toContain('Team board (admin)');
  });

  it('lets viewers keep personal views but not share them', async () => {
    const personal = await save(viewer, { name: 'Just me' });
    expect(personal.statusCode, personal.body).toBe(201);
    expect((await save(viewer, { name: 'For all', shared: true })).statusCode).toBe(403);
    const share = await api(test, 'PUT', `/task-views/${personal.json().id}`, {
      token: viewer.token,
      body: { shared: true },
    });
    expect(share.statusCode).toBe(403);
    const rename = await api(test, 'PUT', `/task-views/${personal.json().id}`, {
      token: viewer.token,
      body: { name: 'Still just me' },
    });
    expect(rename.json().name).toBe('Still just me');
    expect(
      (await api(test, 'DELETE', `/task-views/${personal.json().id}`, { token: viewer.token })).statusCode,
    ).toBe(204);
  });

  it('validates filters with the task list schemas, naming the field', async () => {
    for (const [filters, field] of [
      [{ status_category: 'someday' }, 'filters.status_category'],
      [{ status: 42 }, 'filters.status'],
      [{ priority: 'critical' }, 'filters.priority'],
      [{ assignee: 'everyone' }, 'filters.assignee'],
      [{ due_before: '31/01/2031' }, 'filters.due_before'],
      [{ blocked: 'maybe' }, 'filters.blocked'],
      [{ colour: 'red' }, 'filters.colour'],
      [{ due_after: '2031-02-01', due_before: '2031-01-01' }, 'filters.due_before'],
    ] as const) {
      const res = await save(member, { name: 'Bad', filters });
      expect(res.statusCode, JSON.stringify(filters)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    // The same filter is refused by the list endpoint itself.
    const list = await api(test, 'GET', `/tasks?project_id=${project.id}&status_category=someday`, {
      token: member.token,
    });
    expect(list.statusCode).toBe(400);

    for (const [body, field] of [
      [{ name: '' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 'Cards', layout: 'calendar' }, 'layout'],
      [{ name: 'Sorted', sort: 'title' }, 'sort'],
    ] as const) {
      const res = await save(member, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    const unknownProject = await api(test, 'POST', '/task-views', {
      token: member.token,
      body: { project_id: '00000000-0000-4000-8000-000000000000', name: 'Lost', layout: 'list' },
    });
    expect(unknownProject.statusCode).toBe(404);
    expect(unknownProject.json().errors).toEqual([expect.objectContaining({ field: 'project_id' })]);
  });

  it('hides the views of projects outside the caller (404)', async () => {
    const shared = (await save(owner, { name: 'Everyone', shared: true })).json<TaskView>();
    const stranger = await signUp(test);
    expect(
      (await api(test, 'GET', `/task-views?project_id=${project.id}`, { token: stranger.token })).statusCode,
    ).toBe(404);
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const body = method === 'PUT' ? { name: 'Mine' } : undefined;
      const res = await api(test, method, `/task-views/${shared.id}`, { token: stranger.token, body });
      expect(res.statusCode, method).toBe(404);
    }
    const create = await api(test, 'POST', '/task-views', {
      token: stranger.token,
      body: { project_id: project.id, name: 'Spy', layout: 'board' },
    });
    expect(create.statusCode).toBe(404);
  });
});
