import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, createTask, eventsOf, signUp, startTasks, type TestUser } from './helpers.ts';

describe('tasks CRUD on PostgreSQL', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Website', key: 'WEB' });
  });
  afterAll(async () => test.close());

  it('creates a task with the next key, the first todo status and an event', async () => {
    const first = await createTask(test, owner, project.id, {
      title: 'Design header',
      tags: ['ui'],
      estimated_hours: 2.5,
    });
    const second = await createTask(test, owner, project.id, {
      title: 'Build header',
      due_date: '2030-05-01',
    });
    expect(first).toMatchObject({
      key: 'WEB-1',
      number: 1,
      organization_id: owner.orgId,
      project_id: project.id,
      status: 'backlog',
      status_category: 'todo',
      priority: 'medium',
      assigned_to: null,
      created_by: owner.id,
      tags: ['ui'],
      estimated_hours: 2.5,
      version: 1,
      is_blocked: false,
    });
    expect(second).toMatchObject({ key: 'WEB-2', due_date: '2030-05-01' });
    expect(second.rank > first.rank).toBe(true);
    const events = await eventsOf(test, first.id);
    expect(events).toEqual([
      expect.objectContaining({
        type: 'tasks.task.created',
        org_id: owner.orgId,
        project_id: project.id,
        actor_id: owner.id,
      }),
    ]);
  });

  it('finds a task by UUID or by key', async () => {
    const task = await createTask(test, owner, project.id, { title: 'By key' });
    const byId = await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token });
    const byKey = await api(test, 'GET', `/tasks/${task.key}`, { token: owner.token });
    expect(byId.json()).toEqual(task);
    expect(byKey.json()).toEqual(task);
    expect((await api(test, 'GET', '/tasks/WEB-9999', { token: owner.token })).statusCode).toBe(404);
  });

  it('updates with the current version, and answers 409 with the current state to a stale one', async () => {
    const task = await createTask(test, owner, project.id, { title: 'Versioned' });
    const updated = await api(test, 'PUT', `/tasks/${task.id}`, {
      token: owner.token,
      body: { version: 1, title: 'Versioned v2', priority: 'urgent', description: '# Heading' },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      title: 'Versioned v2',
      priority: 'urgent',
      description: '# Heading',
      version: 2,
    });
    const stale = await api(test, 'PUT', `/tasks/${task.id}`, {
      token: owner.token,
      body: { version: 1, title: 'Lost' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'TASKS_VERSION_CONFLICT',
      current: { title: 'Versioned v2', version: 2 },
    });
    const activity = await api(test, 'GET', `/tasks/${task.id}/activity`, { token: owner.token });
    expect(
      activity
        .json<{ items: { field: string }[] }>()
        .items.map((a) => a.field)
        .sort(),
    ).toEqual(['created', 'description', 'priority', 'title'].sort());
    expect(activity.json().items).toContainEqual(
      expect.objectContaining({ field: 'title', from: 'Versioned', to: 'Versioned v2', actor_id: owner.id }),
    );
  });

  it('applies changes racing on one task each once: the last write wins, a stale version gets 409', async () => {
    const task = await createTask(test, owner, project.id, { title: 'Race' });
    // Every status but the first, at once, without a version: each applies once, in some order.
    const statuses = ['todo', 'in_progress', 'in_review', 'done'];
    const answers = await Promise.all(
      statuses.map((status) =>
        api(test, 'PUT', `/tasks/${task.id}/status`, { token: owner.token, body: { status } }),
      ),
    );
    expect(answers.map((answer) => answer.statusCode)).toEqual(statuses.map(() => 200));
    const final = (await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).json<Task>();
    expect(final.version).toBe(1 + statuses.length);
    const versions = answers.map((answer) => answer.json<Task>().version).sort((a, b) => a - b);
    expect(versions).toEqual([2, 3, 4, 5]);
    const last = answers.find((answer) => answer.json<Task>().version === final.version)!.json<Task>();
    expect(last.status).toBe(final.status);
    // Each change recorded once, from the status it found to its own: one chain from the first
    // status to the last (the rows' times are the requests' arrivals, not the order they applied).
    const changes = (await api(test, 'GET', `/tasks/${task.id}/activity`, { token: owner.token }))
      .json<{ items: { field: string; from: string; to: string }[] }>()
      .items.filter((entry) => entry.field === 'status');
    expect(changes).toHaveLength(statuses.length);
    const next = new Map(changes.map((change) => [change.from, change.to]));
    let status = 'backlog';
    for (let step = 0; step < statuses.length; step += 1) {
      expect(next.has(status), `a change from ${status}`).toBe(true);
      status = next.get(status)!;
    }
    expect(status).toBe(final.status);
    const events = (await eventsOf(test, task.id)).filter(
      (event) => event.type === 'tasks.task.status_changed',
    );
    expect(events).toHaveLength(statuses.length);

    const stale = await Promise.all(
      ['A', 'B', 'C', 'D'].map((suffix) =>
        api(test, 'PUT', `/tasks/${task.id}`, {
          token: owner.token,
          body: { version: final.version, title: `Race ${suffix}` },
        }),
      ),
    );
    expect(stale.map((answer) => answer.statusCode).sort()).toEqual([200, 409, 409, 409]);
    const titleEvents = (await eventsOf(test, task.id)).filter(
      (event) => event.type === 'tasks.task.updated',
    );
    expect(titleEvents).toHaveLength(1);
  });

  it('writes a burst of creations and of changes (sharing statements) each to its own task, once', async () => {
    const burst = await createProject(test, owner, { name: 'Burst', key: 'BURST' });
    const tasks = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        createTask(test, owner, burst.id, { title: `Burst ${i}`, ...(i % 2 ? { priority: 'high' } : {}) }),
      ),
    );
    tasks.forEach((task, i) => {
      expect(task).toMatchObject({ title: `Burst ${i}`, priority: i % 2 ? 'high' : 'medium', version: 1 });
      expect(task.key).toBe(`BURST-${task.number}`);
    });
    expect(tasks.map((task) => task.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(new Set(tasks.map((task) => task.rank)).size).toBe(12);
    for (const task of tasks) {
      const events = await eventsOf(test, task.id);
      expect(events.map((event) => event.type)).toEqual(['tasks.task.created']);
    }
    const statuses = ['todo', 'in_progress', 'in_review', 'done'];
    const answers = await Promise.all(
      tasks.map((task, i) =>
        api(test, 'PUT', `/tasks/${task.id}/status`, {
          token: owner.token,
          body: { status: statuses[i % statuses.length] },
        }),
      ),
    );
    answers.forEach((answer, i) => {
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json<Task>()).toMatchObject({
        id: tasks[i]!.id,
        key: tasks[i]!.key,
        title: `Burst ${i}`,
        status: statuses[i % statuses.length],
        version: 2,
      });
    });
    for (const [i, task] of tasks.entries()) {
      const activity = (await api(test, 'GET', `/tasks/${task.id}/activity`, { token: owner.token }))
        .json<{ items: { field: string; to: string }[] }>()
        .items.filter((entry) => entry.field === 'status');
      expect(activity.map((entry) => entry.to)).toEqual([statuses[i % statuses.length]]);
      const events = await eventsOf(test, task.id);
      expect(events.map((event) => event.type)).toEqual(['tasks.task.created', 'tasks.task.status_changed']);
    }

    // Title changes based on a version each: the stale ones answer 409 and write nothing.
    const edits = await Promise.all(
      tasks.map((task, i) =>
        api(test, 'PUT', `/tasks/${task.id}`, {
          token: owner.token,
          body: { version: i % 3 === 0 ? 1 : 2, title: `Renamed ${i}` },
        }),
      ),
    );
    edits.forEach((edit, i) => {
      const stale = i % 3 === 0;
      expect(edit.statusCode, edit.body).toBe(stale ? 409 : 200);
      const task = stale ? edit.json<{ current: Task }>().current : edit.json<Task>();
      expect(task).toMatchObject({ id: tasks[i]!.id, version: stale ? 2 : 3 });
    });
    const titles = await Promise.all(
      tasks.map(async (task) =>
        (await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).json<Task>(),
      ),
    );
    expect(titles.map((task) => task.title)).toEqual(
      tasks.map((_, i) => (i % 3 === 0 ? `Burst ${i}` : `Renamed ${i}`)),
    );
  });

  it('moves a task through the workflow and refuses a status outside it, naming the field', async () => {
    const task = await createTask(test, owner, project.id);
    const moved = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: owner.token,
      body: { status: 'done' },
    });
    expect(moved.json()).toMatchObject({ status: 'done', status_category: 'done', version: 2 });
    const bad = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: owner.token,
      body: { status: 'shipped' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'status' })]);
    const types = (await eventsOf(test, task.id)).map((e) => e.type);
    expect(types).toEqual(['tasks.task.created', 'tasks.task.status_changed']);
  });

  it("follows the project's own workflow, learned from the projects service's events", async () => {
    const statuses = [
      { key: 'idea', name: 'Idea', category: 'todo' },
      { key: 'doing', name: 'Doing', category: 'in_progress' },
      { key: 'shipped', name: 'Shipped', category: 'done' },
    ];
    const custom = await createProject(test, owner, {
      name: 'Custom flow',
      settings: { workflow: { statuses } },
    });
    const task = await createTask(test, owner, custom.id);
    expect(task).toMatchObject({ status: 'idea', status_category: 'todo' });
    const shipped = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: owner.token,
      body: { status: 'shipped' },
    });
    expect(shipped.json()).toMatchObject({ status: 'shipped', status_category: 'done' });
    const old = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: owner.token,
      body: { status: 'done' },
    });
    expect(old.statusCode).toBe(400);
  });

  it('assigns project members only', async () => {
    const task = await createTask(test, owner, project.id);
    const stranger = await signUp(test);
    const refused = await api(test, 'PUT', `/tasks/${task.id}/assign`, {
      token: owner.token,
      body: { assigned_to: stranger.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'assigned_to' })]);
    const assigned = await api(test, 'PUT', `/tasks/${task.id}/assign`, {
      token: owner.token,
      body: { assigned_to: owner.id },
    });
    expect(assigned.json()).toMatchObject({ assigned_to: owner.id });
    expect((await eventsOf(test, task.id)).map((e) => e.type)).toContain('tasks.task.assigned');
  });

  it('keeps sub-tasks in the project and refuses a parent cycle', async () => {
    const parent = await createTask(test, owner, project.id, { title: 'Epic' });
    const child = await createTask(test, owner, project.id, { title: 'Story', parent_task_id: parent.id });
    expect(child.parent_task_id).toBe(parent.id);
    const cycle = await api(test, 'PUT', `/tasks/${parent.id}`, {
      token: owner.token,
      body: { version: 1, parent_task_id: child.id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().errors).toEqual([expect.objectContaining({ field: 'parent_task_id' })]);
  });

  it('takes milestones of the project only (projects.milestone.* read model) and filters by them', async () => {
    const milestone = await api(test, 'POST', `/projects/${project.id}/milestones`, {
      token: owner.token,
      body: { title: 'Beta' },
    });
    expect(milestone.statusCode, milestone.body).toBe(201);
    const milestoneId = milestone.json<{ id: string }>().id;
    const create = () =>
      api(test, 'POST', `/projects/${project.id}/tasks`, {
        token: owner.token,
        body: { title: 'For beta', milestone_id: milestoneId },
      });
    await expect.poll(async () => (await create()).statusCode, { timeout: 10_000, interval: 20 }).toBe(201);
    const listed = await api(test, 'GET', `/tasks?milestone_id=${milestoneId}`, { token: owner.token });
    expect(listed.json().items.map((t: Task) => t.title)).toEqual(['For beta']);
    const bogus = await api(test, 'POST', `/projects/${project.id}/tasks`, {
      token: owner.token,
      body: { title: 'Nowhere', milestone_id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().errors).toEqual([expect.objectContaining({ field: 'milestone_id' })]);
  });

  it('rejects unknown fields and bad values, naming the field', async () => {
    const unknown = await api(test, 'POST', `/projects/${project.id}/tasks`, {
      token: owner.token,
      body: { title: 'x', colour: 'red' },
    });
    expect(unknown.statusCode).toBe(400);
    const bad = await api(test, 'POST', '/tasks', {
      token: owner.token,
      body: { project_id: project.id, title: '', priority: 'asap' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toMatch(/title|priority/);
  });

  it('deletes a task with an event; then it is gone', async () => {
    const task: Task = await createTask(test, owner, project.id);
    expect((await api(test, 'DELETE', `/tasks/${task.key}`, { token: owner.token })).statusCode).toBe(204);
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).statusCode).toBe(404);
    expect((await eventsOf(test, task.id)).map((e) => e.type)).toEqual([
      'tasks.task.created',
      'tasks.task.deleted',
    ]);
  });
});
