import { randomUUID } from 'node:crypto';
import { injectTransport, ServiceCallError } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTasksClient, type TasksClient } from '../src/contract/index.ts';
import { createProject, signUp, startTasks, type TestUser } from './helpers.ts';

/** The typed client's template, attachment and view calls against the routes. */
describe('the typed client: templates, attachments and views', () => {
  let test: TestApp;
  let client: TasksClient;
  let owner: TestUser;

  beforeAll(async () => {
    test = await startTasks();
    client = createTasksClient(injectTransport(test.app));
    owner = await signUp(test);
  });
  afterAll(async () => test.close());

  it('drives a template, an attachment and a view through their lives', async () => {
    const project = await createProject(test, owner, { name: 'Client', key: 'CLI' });
    const template = await client.createTemplate(owner.token, {
      organization_id: owner.orgId,
      name: 'Chore',
      template_data: { title: 'Chore', subtasks: [{ title: 'Step' }] },
    });
    expect((await client.listTemplates(owner.token, { project_id: project.id })).items).toHaveLength(1);
    expect((await client.updateTemplate(owner.token, template.id, { name: 'Chores' })).name).toBe('Chores');
    expect((await client.getTemplate(owner.token, template.id)).name).toBe('Chores');
    const task = await client.applyTemplate(owner.token, template.id, { project_id: project.id });
    expect(task.subtasks).toEqual({ total: 1, done: 0 });
    await client.deleteTemplate(owner.token, template.id);
    await expect(client.getTemplate(owner.token, template.id)).rejects.toBeInstanceOf(ServiceCallError);

    const attachment = await client.addAttachment(owner.token, task.key, { file_id: randomUUID() });
    expect((await client.listAttachments(owner.token, task.id)).items).toEqual([attachment]);
    await client.removeAttachment(owner.token, task.id, attachment.id);
    expect((await client.listAttachments(owner.token, task.id)).items).toEqual([]);

    const view = await client.createView(owner.token, {
      project_id: project.id,
      name: 'Mine',
      layout: 'board',
    });
    expect((await client.updateView(owner.token, view.id, { layout: 'list' })).layout).toBe('list');
    expect((await client.getView(owner.token, view.id)).layout).toBe('list');
    expect((await client.listViews(owner.token, project.id)).items.map((v) => v.id)).toEqual([view.id]);
    await client.deleteView(owner.token, view.id);
    expect((await client.listViews(owner.token, project.id)).items).toEqual([]);
  });
});
