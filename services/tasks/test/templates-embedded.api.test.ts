import { randomUUID } from 'node:crypto';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, signUp, startTasks, type TestUser } from './helpers.ts';

/** PGlite has one connection: every write of these features must stay inside its transaction. */
describe('templates, attachments and views on the embedded database', () => {
  let test: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTasks(true);
    owner = await signUp(test);
  });
  afterAll(async () => test.close());

  it('creates template tasks from the project event, applies a task template, attaches and saves a view', async () => {
    const source = await createProject(test, owner, { name: 'Source', key: 'SRC' });
    const saved = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'With tasks', task_templates: [{ title: 'Plan', subtasks: [{ title: 'Draft' }] }] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const made = await createProject(test, owner, {
      name: 'Made',
      key: 'MAD',
      template_id: saved.json().id,
      start_date: '2031-03-03',
    });
    const titles = async () =>
      (await api(test, 'GET', `/tasks?project_id=${made.id}`, { token: owner.token }))
        .json<{ items: Task[] }>()
        .items.map((task) => task.title);
    await expect.poll(titles, { timeout: 15_000, interval: 50 }).toEqual(['Plan', 'Draft']);

    const template = await api(test, 'POST', '/task-templates', {
      token: owner.token,
      body: {
        organization_id: owner.orgId,
        name: 'Bug',
        template_data: { title: 'Bug', subtasks: [{ title: 'Reproduce' }, { title: 'Fix' }] },
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    const applied = await api(test, 'POST', `/task-templates/${template.json().id}/apply`, {
      token: owner.token,
      body: { project_id: made.id },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ key: 'MAD-3', subtasks: { total: 2, done: 0 } });

    const attached = await api(test, 'POST', `/tasks/MAD-3/attachments`, {
      token: owner.token,
      body: { file_id: randomUUID(), file_name: 'trace.log' },
    });
    expect(attached.statusCode, attached.body).toBe(201);
    const view = await api(test, 'POST', '/task-views', {
      token: owner.token,
      body: { project_id: made.id, name: 'Bugs', filters: { q: 'bug' }, layout: 'list', shared: true },
    });
    expect(view.statusCode, view.body).toBe(201);
    const views = await api(test, 'GET', `/task-views?project_id=${made.id}`, { token: owner.token });
    expect(views.json().items.map((v: { name: string }) => v.name)).toEqual(['Bugs']);
  });
});
