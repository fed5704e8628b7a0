import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project } from '../src/contract/http.ts';
import {
  api,
  createProject,
  eventsOf,
  organizationWith,
  signUp,
  startProjects,
  type TestUser,
} from './helpers.ts';

const workflow = (statuses: object[]) => ({ workflow: { statuses } });
const threeStatuses = [
  { key: 'open', name: 'Open', category: 'todo' },
  { key: 'doing', name: 'Doing', category: 'in_progress', color: '#112233' },
  { key: 'shipped', name: 'Shipped', category: 'done' },
];

describe('projects on PostgreSQL', () => {
  let test: TestApp;
  let owner: TestUser;
  let orgId: string;

  beforeAll(async () => {
    test = await startProjects();
    owner = await signUp(test);
    orgId = await organizationWith(test, [[owner, 'member']]);
  });
  afterAll(async () => test.close());

  it('creates a project with a derived key and the default workflow; the creator becomes its admin', async () => {
    const project = await createProject(test, owner, orgId, {
      name: 'Website Redesign',
      start_date: '2030-01-01',
    });
    expect(project).toMatchObject({
      organization_id: orgId,
      key: 'WR',
      name: 'Website Redesign',
      status: 'active',
      start_date: '2030-01-01',
      end_date: null,
      owner_id: owner.id,
      team_id: null,
      version: 1,
      archived_at: null,
      my_role: 'admin',
    });
    expect(project.settings.workflow.statuses.map((s) => [s.key, s.category])).toEqual([
      ['backlog', 'todo'],
      ['todo', 'todo'],
      ['in_progress', 'in_progress'],
      ['in_review', 'in_progress'],
      ['done', 'done'],
    ]);
    const members = await api(test, 'GET', `/projects/${project.id}/members`, { token: owner.token });
    expect(members.json().items).toEqual([expect.objectContaining({ user_id: owner.id, role: 'admin' })]);

    const events = await eventsOf(test, project.id);
    expect(events.map((e) => e.type).sort()).toEqual(['projects.member.added', 'projects.project.created']);
    const created = events.find((e) => e.type === 'projects.project.created')!;
    expect(created).toMatchObject({ org_id: orgId, project_id: project.id, actor_id: owner.id });
    expect(created.data).toEqual({
      project_id: project.id,
      organization_id: orgId,
      name: 'Website Redesign',
      key: 'WR',
      status: 'active',
      team_id: null,
      settings: project.settings,
    });
  });

  it('picks the next free key when the derived one is taken, and refuses a taken explicit key', async () => {
    const first = await createProject(test, owner, orgId, { name: 'Mobile' });
    const second = await createProject(test, owner, orgId, { name: 'mobile' });
    expect([first.key, second.key]).toEqual(['MOB', 'MOB2']);
    expect((await createProject(test, owner, orgId, { name: 'Anything', key: 'OPS' })).key).toBe('OPS');

    const taken = await api(test, 'POST', '/projects', {
      token: owner.token,
      body: { organization_id: orgId, name: 'Ops again', key: 'OPS' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'PROJECTS_KEY_TAKEN',
      errors: [{ field: 'key', message: 'is already taken' }],
    });
    const badKey = await api(test, 'POST', '/projects', {
      token: owner.token,
      body: { organization_id: orgId, name: 'X', key: 'web' },
    });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().errors[0].field).toBe('key');
  });

  it('refuses an end date before the start date, naming end_date, on create and on update', async () => {
    const body = { organization_id: orgId, name: 'Dates', start_date: '2030-05-10', end_date: '2030-05-01' };
    const res = await api(test, 'POST', '/projects', { token: owner.token, body });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'end_date', message: 'must not be before start_date' }]);

    const project = await createProject(test, owner, orgId, { name: 'Dated', start_date: '2030-05-10' });
    const update = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 1, end_date: '2030-05-09' },
    });
    expect(update.statusCode).toBe(400);
    expect(update.json().errors).toEqual([{ field: 'end_date', message: 'must not be before start_date' }]);
    const notADate = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 1, end_date: '2030-02-30' },
    });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().errors[0].field).toBe('end_date');
  });

  it('validates the workflow: its schema, one status per category, unique keys', async () => {
    const create = (settings: unknown) =>
      api(test, 'POST', '/projects', {
        token: owner.token,
        body: { organization_id: orgId, name: 'Flow', settings },
      });
    const badCategory = await create(
      workflow([...threeStatuses.slice(0, 2), { key: 'x', name: 'X', category: 'finished' }]),
    );
    expect(badCategory.statusCode).toBe(400);
    expect(badCategory.json().errors[0].field).toMatch(/^settings\.workflow\.statuses\[2\]/);

    const noDone = await create(
      workflow([...threeStatuses.slice(0, 2), { key: 'later', name: 'Later', category: 'todo' }]),
    );
    expect(noDone.statusCode).toBe(400);
    expect(noDone.json().errors).toEqual([
      { field: 'settings.workflow.statuses', message: 'needs at least one status of category "done"' },
    ]);

    const duplicate = await create(
      workflow([...threeStatuses, { key: 'open', name: 'Again', category: 'todo' }]),
    );
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().errors).toEqual([
      { field: 'settings.workflow.statuses[3].key', message: 'repeats the key "open"' },
    ]);

    const custom = await create(workflow(threeStatuses));
    expect(custom.statusCode).toBe(201);
    expect(custom.json().settings).toEqual(workflow(threeStatuses));
  });

  it('rejects unknown fields, at the top level and inside settings', async () => {
    const top = await api(test, 'POST', '/projects', {
      token: owner.token,
      body: { organization_id: orgId, name: 'U', colour: 'red' },
    });
    expect(top.statusCode).toBe(400);
    expect(top.json().errors).toEqual([{ field: 'colour', message: 'is not an allowed field' }]);
    const nested = await api(test, 'POST', '/projects', {
      token: owner.token,
      body: { organization_id: orgId, name: 'U', settings: { ...workflow(threeStatuses), theme: 'dark' } },
    });
    expect(nested.statusCode).toBe(400);
    expect(nested.json().errors).toEqual([{ field: 'settings.theme', message: 'is not an allowed field' }]);
    const archivedStatus = await api(test, 'POST', '/projects', {
      token: owner.token,
      body: { organization_id: orgId, name: 'U', status: 'archived' },
    });
    expect(archivedStatus.statusCode).toBe(400);
  });

  it('answers a stale version with 409 and the current state, and applies a current one', async () => {
    const project = await createProject(test, owner, orgId, { name: 'Concurrent' });
    const first = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 1, name: 'Renamed', status: 'on_hold' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: 'Renamed', status: 'on_hold', version: 2, key: project.key });

    const stale = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 1, description: 'lost?' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'PROJECTS_VERSION_CONFLICT',
      current: { name: 'Renamed', version: 2, description: null },
    });

    const settings = workflow(threeStatuses);
    const second = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 2, description: 'kept', settings },
    });
    expect(second.json()).toMatchObject({ description: 'kept', version: 3, settings });
    const types = (await eventsOf(test, project.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'projects.project.updated')).toHaveLength(2);
  });

  it('makes archived projects read-only until they are restored to their previous status', async () => {
    const project = await createProject(test, owner, orgId, { name: 'Archivable', status: 'on_hold' });
    const archived = await api(test, 'POST', `/projects/${project.id}/archive`, { token: owner.token });
    expect(archived.json()).toMatchObject({ status: 'archived', version: 2 });
    expect(archived.json().archived_at).toEqual(expect.any(String));

    const writes = [
      api(test, 'PUT', `/projects/${project.id}`, { token: owner.token, body: { version: 2, name: 'No' } }),
      api(test, 'POST', `/projects/${project.id}/milestones`, { token: owner.token, body: { title: 'No' } }),
      api(test, 'POST', `/projects/${project.id}/members`, {
        token: owner.token,
        body: { user_id: owner.id, role: 'viewer' },
      }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('PROJECTS_PROJECT_ARCHIVED');
    }
    expect((await api(test, 'GET', `/projects/${project.id}`, { token: owner.token })).statusCode).toBe(200);
    const listed = async (query: string) =>
      (await api(test, 'GET', `/projects?organization_id=${orgId}&${query}`, { token: owner.token }))
        .json()
        .items.map((p: Project) => p.id);
    expect(await listed('limit=100')).not.toContain(project.id);
    expect(await listed('status=archived')).toEqual([project.id]);

    const restored = await api(test, 'POST', `/projects/${project.id}/restore`, { token: owner.token });
    expect(restored.json()).toMatchObject({ status: 'on_hold', archived_at: null, version: 3 });
    const edit = await api(test, 'PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: 3, name: 'Back' },
    });
    expect(edit.statusCode).toBe(200);
    const types = (await eventsOf(test, project.id)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'projects.project.archived',
        'projects.project.restored',
        'projects.project.updated',
      ]),
    );
  });

  it('deletes a project with its milestones and announces it', async () => {
    const project = await createProject(test, owner, orgId, { name: 'Doomed' });
    await api(test, 'POST', `/projects/${project.id}/milestones`, {
      token: owner.token,
      body: { title: 'M' },
    });
    const res = await api(test, 'DELETE', `/projects/${project.id}`, { token: owner.token });
    expect(res.statusCode).toBe(204);
    expect((await api(test, 'GET', `/projects/${project.id}`, { token: owner.token })).statusCode).toBe(404);
    const milestones = await test.database.root
      .selectFrom('projects.milestones')
      .select('id')
      .where('project_id', '=', project.id)
      .execute();
    expect(milestones).toEqual([]);
    expect((await eventsOf(test, project.id)).map((e) => e.type)).toContain('projects.project.deleted');
  });
});
