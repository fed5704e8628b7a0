import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Milestone, ProjectTemplate } from '../src/contract/http.ts';
import {
  api,
  createProject,
  eventsOf,
  organizationWith,
  signUpMany,
  startProjects,
  type TestUser,
} from './helpers.ts';

const settings = {
  workflow: {
    statuses: [
      { key: 'idea', name: 'Idea', category: 'todo' },
      { key: 'building', name: 'Building', category: 'in_progress' },
      { key: 'live', name: 'Live', category: 'done' },
    ],
  },
};

describe('project templates', () => {
  let test: TestApp;
  let author: TestUser;
  let colleague: TestUser;
  let orgAdmin: TestUser;
  let guest: TestUser;
  let stranger: TestUser;
  let orgId: string;
  let template: ProjectTemplate;

  beforeAll(async () => {
    test = await startProjects();
    [author, colleague, orgAdmin, guest, stranger] = (await signUpMany(test, 5)) as [
      TestUser,
      TestUser,
      TestUser,
      TestUser,
      TestUser,
    ];
    orgId = await organizationWith(test, [
      [author, 'member'],
      [colleague, 'member'],
      [orgAdmin, 'admin'],
      [guest, 'guest'],
    ]);
    await organizationWith(test, [[stranger, 'owner']]);
  });
  afterAll(async () => test.close());

  it('saves settings and milestones as days from the start date, with an empty task_templates slot', async () => {
    const source = await createProject(test, author, orgId, {
      name: 'Source',
      start_date: '2030-03-01',
      settings,
    });
    for (const body of [
      { title: 'Design', due_date: '2030-03-15' },
      { title: 'Prep', due_date: '2030-02-27' },
      { title: 'Someday' },
    ]) {
      await api(test, 'POST', `/projects/${source.id}/milestones`, { token: author.token, body });
    }
    const res = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: author.token,
      body: { name: 'Launch plan', description: 'How we launch' },
    });
    expect(res.statusCode).toBe(201);
    template = res.json();
    expect(template).toMatchObject({
      organization_id: orgId,
      name: 'Launch plan',
      description: 'How we launch',
      created_by: author.id,
      source_project_id: source.id,
    });
    expect(template.template_data).toEqual({
      settings,
      milestones: [
        { title: 'Prep', description: null, due_in_days: -2 },
        { title: 'Design', description: null, due_in_days: 14 },
        { title: 'Someday', description: null, due_in_days: null },
      ],
      task_templates: [],
    });
    const event = (await eventsOf(test, source.id)).find((e) => e.type === 'projects.template.created');
    expect(event?.data).toEqual({ template_id: template.id, organization_id: orgId, name: 'Launch plan' });
  });

  it('lists and shows templates to organization members, not to guests or other organizations', async () => {
    const list = await api(test, 'GET', `/project-templates?organization_id=${orgId}`, {
      token: colleague.token,
    });
    expect(list.json().items.map((t: ProjectTemplate) => t.id)).toEqual([template.id]);
    expect(
      (await api(test, 'GET', `/project-templates/${template.id}`, { token: colleague.token })).statusCode,
    ).toBe(200);
    for (const user of [guest, stranger]) {
      expect((await api(test, 'GET', '/project-templates', { token: user.token })).json().items).toEqual([]);
      expect(
        (await api(test, 'GET', `/project-templates/${template.id}`, { token: user.token })).statusCode,
      ).toBe(404);
    }
  });

  it('creates a project from a template, dating its milestones from the start date', async () => {
    const body = {
      organization_id: orgId,
      name: 'Second launch',
      template_id: template.id,
      start_date: '2031-01-10',
    };
    const res = await api(test, 'POST', '/projects', { token: colleague.token, body });
    expect(res.statusCode, res.body).toBe(201);
    const project = res.json();
    expect(project.settings).toEqual(settings);
    const milestones = (
      await api(test, 'GET', `/projects/${project.id}/milestones`, { token: colleague.token })
    ).json().items;
    expect(milestones.map((m: Milestone) => [m.title, m.due_date, m.status])).toEqual([
      ['Prep', '2031-01-08', 'pending'],
      ['Design', '2031-01-24', 'pending'],
      ['Someday', null, 'pending'],
    ]);
    const types = (await eventsOf(test, project.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'projects.milestone.created')).toHaveLength(3);

    const noStart = await api(test, 'POST', '/projects', {
      token: colleague.token,
      body: { ...body, start_date: undefined },
    });
    expect(noStart.statusCode).toBe(400);
    expect(noStart.json().errors[0].field).toBe('start_date');
  });

  it("refuses another organization's template as if it did not exist", async () => {
    const strangerOrg = await organizationWith(test, [[author, 'member']]);
    const body = {
      organization_id: strangerOrg,
      name: 'Elsewhere',
      template_id: template.id,
      start_date: '2031-01-10',
    };
    const res = await api(test, 'POST', '/projects', { token: author.token, body });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'PROJECTS_TEMPLATE_NOT_FOUND',
      errors: [{ field: 'template_id' }],
    });
  });

  it('lets its author or an organization admin delete a template, not other members', async () => {
    expect(
      (await api(test, 'DELETE', `/project-templates/${template.id}`, { token: colleague.token })).statusCode,
    ).toBe(403);
    expect(
      (await api(test, 'DELETE', `/project-templates/${template.id}`, { token: orgAdmin.token })).statusCode,
    ).toBe(204);
    expect(
      (await api(test, 'GET', `/project-templates/${template.id}`, { token: author.token })).statusCode,
    ).toBe(404);
    const deleted = await test.database.root
      .selectFrom('projects.outbox')
      .select('envelope')
      .where('type', '=', 'projects.template.deleted')
      .executeTakeFirst();
    expect(deleted?.envelope).toMatchObject({ org_id: orgId, data: { template_id: template.id } });
  });
});
