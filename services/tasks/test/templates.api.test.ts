import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import type { TaskTemplate } from '../src/contract/http-templates.ts';
import {
  api,
  createProject,
  eventsOf,
  joinOrganization,
  signUp,
  startTasks,
  type TestUser,
} from './helpers.ts';
import { personWithRole } from './project-roles.ts';

const releaseData = {
  title: 'Release checklist',
  description: 'Everything a release needs',
  priority: 'high',
  tags: ['release'],
  estimated_hours: 6,
  subtasks: [
    { title: 'Tag the build', estimated_hours: 1 },
    { title: 'Write the notes', priority: 'low' },
  ],
};

describe('task templates', () => {
  let test: TestApp;
  let owner: TestUser;
  let web: Project;
  let other: Project;
  let member: TestUser;
  let viewer: TestUser;

  const post = (user: TestUser, body: Record<string, unknown>) =>
    api(test, 'POST', '/task-templates', { token: user.token, body });
  const orgTemplate = async (user: TestUser = owner, body: Record<string, unknown> = {}) => {
    const res = await post(user, {
      organization_id: owner.orgId,
      name: 'Release',
      template_data: releaseData,
      ...body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TaskTemplate>();
  };

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    web = await createProject(test, owner, { name: 'Web', key: 'WEB' });
    other = await createProject(test, owner, { name: 'Other', key: 'OTH' });
    member = await personWithRole(test, owner, web.id, 'member');
    viewer = await personWithRole(test, owner, web.id, 'viewer');
  });
  afterAll(async () => test.close());

  it('creates, reads, lists, changes and deletes an organization template', async () => {
    const created = await orgTemplate(owner, { description: 'For every project' });
    expect(created).toMatchObject({
      organization_id: owner.orgId,
      project_id: null,
      name: 'Release',
      created_by: owner.id,
      template_data: releaseData,
    });
    const read = await api(test, 'GET', `/task-templates/${created.id}`, { token: viewer.token });
    expect(read.statusCode).toBe(200);
    const byOrg = await api(test, 'GET', `/task-templates?organization_id=${owner.orgId}`, {
      token: viewer.token,
    });
    expect(byOrg.json().items.map((t: TaskTemplate) => t.id)).toContain(created.id);
    const changed = await api(test, 'PUT', `/task-templates/${created.id}`, {
      token: owner.token,
      body: { name: 'Release v2', template_data: { title: 'Ship it' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Release v2', template_data: { title: 'Ship it' } });
    const removed = await api(test, 'DELETE', `/task-templates/${created.id}`, { token: owner.token });
    expect(removed.statusCode).toBe(204);
    expect((await api(test, 'GET', `/task-templates/${created.id}`, { token: owner.token })).statusCode).toBe(
      404,
    );
  });

  it('lists a project template only for that project, with the organization templates, by name, in pages', async () => {
    const shared = await orgTemplate(owner, { name: 'A shared one' });
    const own = await post(member, {
      organization_id: owner.orgId,
      project_id: web.id,
      name: 'B web only',
      template_data: { title: 'Web chore' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const inWeb = await api(test, 'GET', `/task-templates?project_id=${web.id}&limit=1`, {
      token: viewer.token,
    });
    expect(inWeb.json().items.map((t: TaskTemplate) => t.id)).toEqual([shared.id]);
    const next = await api(
      test,
      'GET',
      `/task-templates?project_id=${web.id}&limit=100&cursor=${inWeb.json().next_cursor}`,
      {
        token: viewer.token,
      },
    );
    expect(next.json().items.map((t: TaskTemplate) => t.id)).toContain(own.json().id);
    const inOther = await api(test, 'GET', `/task-templates?project_id=${other.id}`, { token: owner.token });
    const ids = inOther.json().items.map((t: TaskTemplate) => t.id);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(own.json().id);

    // By organization: an organization guest off the project sees its organization templates only.
    const guest = await signUp(test);
    await joinOrganization(test, guest, owner.orgId, 'guest');
    const asGuest = await api(test, 'GET', `/task-templates?organization_id=${owner.orgId}&limit=100`, {
      token: guest.token,
    });
    const guestIds = asGuest.json().items.map((t: TaskTemplate) => t.id);
    expect(guestIds).toContain(shared.id);
    expect(guestIds).not.toContain(own.json().id);
    const asViewer = await api(test, 'GET', `/task-templates?organization_id=${owner.orgId}&limit=100`, {
      token: viewer.token,
    });
    expect(asViewer.json().items.map((t: TaskTemplate) => t.id)).toContain(own.json().id);
  });

  it('applies a template: the task and its sub-tasks in one go, with overrides and events', async () => {
    const template = await orgTemplate();
    const res = await api(test, 'POST', `/task-templates/${template.id}/apply`, {
      token: member.token,
      body: { project_id: web.id, title: 'Release 1.4', assigned_to: member.id, due_date: '2031-05-02' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const task = res.json<Task>();
    expect(task).toMatchObject({
      project_id: web.id,
      title: 'Release 1.4',
      description: 'Everything a release needs',
      priority: 'high',
      tags: ['release'],
      estimated_hours: 6,
      assigned_to: member.id,
      due_date: '2031-05-02',
      status: 'backlog',
      created_by: member.id,
      subtasks: { total: 2, done: 0 },
    });
    const children = await api(test, 'GET', `/tasks?project_id=${web.id}&parent_task_id=${task.id}`, {
      token: member.token,
    });
    expect(children.json().items.map((t: Task) => [t.title, t.priority, t.estimated_hours])).toEqual([
      ['Tag the build', 'medium', 1],
      ['Write the notes', 'low', null],
    ]);
    expect((await eventsOf(test, task.id)).map((e) => e.type)).toEqual(['tasks.task.created']);
    for (const child of children.json().items as Task[]) {
      expect((await eventsOf(test, child.id)).map((e) => e.type)).toEqual(['tasks.task.created']);
    }
  });

  it('creates nothing when the applied task breaks a rule', async () => {
    const template = await orgTemplate();
    const before = (
      await api(test, 'GET', `/tasks?project_id=${other.id}&limit=100`, { token: owner.token })
    ).json().items.length;
    const stranger = await signUp(test);
    const res = await api(test, 'POST', `/task-templates/${template.id}/apply`, {
      token: owner.token,
      body: { project_id: other.id, assigned_to: stranger.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'assigned_to' })]);
    const after = (
      await api(test, 'GET', `/tasks?project_id=${other.id}&limit=100`, { token: owner.token })
    ).json().items.length;
    expect(after).toBe(before);
  });

  it('answers bad input with problem+json naming the field', async () => {
    const emptyName = await post(owner, {
      organization_id: owner.orgId,
      name: '',
      template_data: { title: 'x' },
    });
    expect(emptyName.statusCode).toBe(400);
    expect(emptyName.headers['content-type']).toContain('application/problem+json');
    expect(emptyName.json().errors).toEqual([expect.objectContaining({ field: 'name' })]);

    const unknownProject = await post(owner, {
      organization_id: owner.orgId,
      project_id: '00000000-0000-4000-8000-000000000000',
      name: 'Lost',
      template_data: { title: 'x' },
    });
    expect(unknownProject.statusCode).toBe(404);
    expect(unknownProject.json().errors).toEqual([expect.objectContaining({ field: 'project_id' })]);

    const foreignOrg = await signUp(test);
    const wrongOrg = await post(owner, {
      organization_id: foreignOrg.orgId,
      project_id: web.id,
      name: 'Mixed',
      template_data: { title: 'x' },
    });
    expect(wrongOrg.statusCode).toBe(400);
    expect(wrongOrg.json().errors).toEqual([expect.objectContaining({ field: 'project_id' })]);

    const subtasks = Array.from({ length: 51 }, (_, i) => ({ title: `Step ${i}` }));
    const tooMany = await post(owner, {
      organization_id: owner.orgId,
      name: 'Huge',
      template_data: { title: 'x', subtasks },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'template_data.subtasks' })]);

    const unknownField = await post(owner, {
      organization_id: owner.orgId,
      name: 'Odd',
      template_data: { title: 'x', colour: 'red' },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().errors).toEqual([expect.objectContaining({ field: 'template_data.colour' })]);

    const template = await orgTemplate();
    const badProject = await api(test, 'POST', `/task-templates/${template.id}/apply`, {
      token: owner.token,
      body: { project_id: 'WEB' },
    });
    expect(badProject.statusCode).toBe(400);
    expect(badProject.json().errors).toEqual([expect.objectContaining({ field: 'project_id' })]);

    const noScope = await api(test, 'GET', '/task-templates', { token: owner.token });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().errors).toEqual([expect.objectContaining({ field: 'organization_id' })]);
  });

  it('applies a project template only in its own project', async () => {
    const res = await post(owner, {
      organization_id: owner.orgId,
      project_id: web.id,
      name: 'Web only',
      template_data: { title: 'Web chore' },
    });
    const wrong = await api(test, 'POST', `/task-templates/${res.json().id}/apply`, {
      token: owner.token,
      body: { project_id: other.id },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([expect.objectContaining({ field: 'project_id' })]);
  });

  it('hides templates from other organizations (404) and lets viewers only read', async () => {
    const template = await orgTemplate();
    const stranger = await signUp(test);
    for (const [method, url, body] of [
      ['GET', `/task-templates/${template.id}`, undefined],
      ['PUT', `/task-templates/${template.id}`, { name: 'Mine now' }],
      ['DELETE', `/task-templates/${template.id}`, undefined],
      ['POST', `/task-templates/${template.id}/apply`, { project_id: web.id }],
    ] as const) {
      const res = await api(test, method, url, { token: stranger.token, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const strangerList = await api(test, 'GET', `/task-templates?organization_id=${owner.orgId}`, {
      token: stranger.token,
    });
    expect(strangerList.statusCode).toBe(404);
    expect(strangerList.json().errors).toEqual([expect.objectContaining({ field: 'organization_id' })]);

    const apply = await api(test, 'POST', `/task-templates/${template.id}/apply`, {
      token: viewer.token,
      body: { project_id: web.id },
    });
    expect(apply.statusCode).toBe(403);
    const projectTemplate = await post(viewer, {
      organization_id: owner.orgId,
      project_id: web.id,
      name: 'No',
      template_data: { title: 'x' },
    });
    expect(projectTemplate.statusCode).toBe(403);
    const edit = await api(test, 'PUT', `/task-templates/${template.id}`, {
      token: member.token,
      body: { name: 'Hijack' },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('answers 409 to applying in an archived project', async () => {
    const template = await orgTemplate();
    const archived = await createProject(test, owner, { name: 'Old' });
    expect(
      (await api(test, 'POST', `/projects/${archived.id}/archive`, { token: owner.token })).statusCode,
    ).toBe(200);
    await expect
      .poll(
        async () =>
          (
            await api(test, 'POST', `/task-templates/${template.id}/apply`, {
              token: owner.token,
              body: { project_id: archived.id },
            })
          ).statusCode,
        { timeout: 10_000, interval: 20 },
      )
      .toBe(409);
  });
});
