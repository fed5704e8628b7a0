import { MemoryEventBus, type EventEnvelope } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import type { Project, ProjectTemplate } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, signUp, startTasks, type TestUser } from './helpers.ts';

const workflow = {
  statuses: [
    { key: 'open', name: 'Open', category: 'todo' },
    { key: 'doing', name: 'Doing', category: 'in_progress' },
    { key: 'closed', name: 'Closed', category: 'done' },
  ],
};

const taskTemplates = [
  {
    title: 'Kick-off',
    priority: 'high',
    tags: ['meeting'],
    subtasks: [{ title: 'Book a room' }, { title: 'Send the agenda', estimated_hours: 0.5 }],
  },
  { title: 'Retrospective', description: 'At the end' },
];

/** Project templates carry task templates; the tasks service creates them from projects.project.created. */
describe('project templates with tasks, across the projects and tasks services', () => {
  let test: TestApp;
  let owner: TestUser;
  let source: Project;

  const tasksOf = async (projectId: string) =>
    (await api(test, 'GET', `/tasks?project_id=${projectId}&limit=100`, { token: owner.token })).json<{
      items: Task[];
    }>().items;

  const createdEvent = async (projectId: string) => {
    const row = await test.database.root
      .selectFrom('projects.outbox')
      .select('envelope')
      .where(
        'envelope',
        '@>',
        JSON.stringify({ type: 'projects.project.created', data: { project_id: projectId } }) as never,
      )
      .executeTakeFirstOrThrow();
    return row.envelope as EventEnvelope<Record<string, unknown>>;
  };

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    source = await createProject(test, owner, { name: 'Source', key: 'SRC', settings: { workflow } });
  });
  afterAll(async () => test.close());

  it('saves the task templates asked for and creates them, as the creator, in a project made from the template', async () => {
    const saved = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'Standard', task_templates: taskTemplates },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const template = saved.json<ProjectTemplate>();
    expect(template.template_data.task_templates).toEqual(taskTemplates);

    const member = await signUp(test);
    const made = await createProject(test, owner, {
      name: 'From template',
      key: 'NEW',
      template_id: template.id,
      start_date: '2031-01-06',
    });
    expect((await createdEvent(made.id)).data.template_tasks).toEqual(taskTemplates);
    await expect.poll(async () => (await tasksOf(made.id)).length, { timeout: 10_000, interval: 20 }).toBe(4);
    const tasks = await tasksOf(made.id);
    const byTitle = new Map(tasks.map((task) => [task.title, task]));
    const kickOff = byTitle.get('Kick-off')!;
    expect(kickOff).toMatchObject({
      key: 'NEW-1',
      status: 'open',
      priority: 'high',
      tags: ['meeting'],
      created_by: owner.id,
      subtasks: { total: 2, done: 0 },
    });
    expect(byTitle.get('Send the agenda')).toMatchObject({
      parent_task_id: kickOff.id,
      estimated_hours: 0.5,
    });
    expect(byTitle.get('Book a room')).toMatchObject({ parent_task_id: kickOff.id, created_by: owner.id });
    expect(byTitle.get('Retrospective')).toMatchObject({ description: 'At the end', parent_task_id: null });
    expect(tasks.map((task) => task.created_by)).not.toContain(member.id);
  });

  it('creates the tasks once when the creation event is delivered again', async () => {
    const saved = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'Again', task_templates: [{ title: 'Only once' }] },
    });
    const made = await createProject(test, owner, {
      name: 'Redelivered',
      template_id: saved.json().id,
      start_date: '2031-01-06',
    });
    await expect.poll(async () => (await tasksOf(made.id)).length, { timeout: 10_000, interval: 20 }).toBe(1);
    const bus = test.infra.bus;
    expect(bus).toBeInstanceOf(MemoryEventBus);
    await bus.publish(await createdEvent(made.id));
    await (bus as MemoryEventBus).drain();
    expect((await tasksOf(made.id)).map((task) => task.title)).toEqual(['Only once']);
  });

  it('keeps the event lean and creates no task for a template without tasks', async () => {
    const saved = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'Empty' },
    });
    expect(saved.json().template_data.task_templates).toEqual([]);
    const made = await createProject(test, owner, {
      name: 'Bare',
      template_id: saved.json().id,
      start_date: '2031-01-06',
    });
    expect((await createdEvent(made.id)).data).not.toHaveProperty('template_tasks');
    expect(await tasksOf(made.id)).toEqual([]);
  });

  it('refuses more than 100 task templates, or bad ones, naming the field', async () => {
    const tooMany = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'Huge', task_templates: Array.from({ length: 101 }, (_, i) => ({ title: `T${i}` })) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors).toEqual([expect.objectContaining({ field: 'task_templates' })]);
    const badSubtasks = await api(test, 'POST', `/projects/${source.id}/save-as-template`, {
      token: owner.token,
      body: { name: 'Bad', task_templates: [{ title: 'T', subtasks: [{ title: '' }] }] },
    });
    expect(badSubtasks.statusCode).toBe(400);
    expect(badSubtasks.json().errors).toEqual([
      expect.objectContaining({ field: 'task_templates[0].subtasks[0].title' }),
    ]);
  });
});
