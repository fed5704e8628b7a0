import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

// Both databases: the roll-up and the blocked count are kept by triggers.
describe.each([
  ['PostgreSQL', false],
  ['PGlite', true],
])('sub-task roll-up and the blocked filter on %s', (_name, embedded) => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;

  const get = async (url: string) => {
    const res = await api(test, 'GET', url, { token: owner.token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const listed = async (url: string) => (await get(url)).items as Task[];

  beforeAll(async () => {
    test = await startTasks(embedded);
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Roll-up', key: 'ROL' });
  });
  afterAll(async () => test.close());

  it('counts direct sub-tasks and the done ones on every answer that carries a task', async () => {
    const epic = await createTask(test, owner, project.id, { title: 'Epic' });
    expect(epic.subtasks).toEqual({ total: 0, done: 0 });
    const story = await createTask(test, owner, project.id, { title: 'Story', parent_task_id: epic.id });
    const doneStory = await createTask(test, owner, project.id, {
      title: 'Done story',
      parent_task_id: epic.id,
      status: 'done',
    });
    // A grandchild counts for its own parent only.
    await createTask(test, owner, project.id, {
      title: 'Sub-story',
      parent_task_id: story.id,
      status: 'done',
    });

    expect((await get(`/tasks/${epic.key}`)).subtasks).toEqual({ total: 2, done: 1 });
    const inList = (items: Task[]) => items.find((t) => t.id === epic.id)?.subtasks;
    expect(inList(await listed(`/projects/${project.id}/tasks`))).toEqual({ total: 2, done: 1 });
    expect(inList(await listed(`/tasks?project_id=${project.id}&sort=priority`))).toEqual({
      total: 2,
      done: 1,
    });
    expect((await get(`/tasks/${story.id}`)).subtasks).toEqual({ total: 1, done: 1 });

    const finished = await api(test, 'PUT', `/tasks/${story.id}/status`, {
      token: owner.token,
      body: { status: 'done' },
    });
    expect(finished.json().subtasks).toEqual({ total: 1, done: 1 });
    expect((await get(`/tasks/${epic.id}`)).subtasks).toEqual({ total: 2, done: 2 });

    const bulk = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [story.id], changes: { status: 'todo' } },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json().items[0].subtasks).toEqual({ total: 1, done: 1 });
    expect((await get(`/tasks/${epic.id}`)).subtasks).toEqual({ total: 2, done: 1 });

    // Moving a sub-task to another parent moves it in both counts.
    const other = await createTask(test, owner, project.id, { title: 'Other epic' });
    const moved = await api(test, 'PUT', `/tasks/${story.id}`, {
      token: owner.token,
      body: { version: bulk.json().items[0].version, parent_task_id: other.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await get(`/tasks/${other.id}`)).subtasks).toEqual({ total: 1, done: 0 });
    expect((await get(`/tasks/${epic.id}`)).subtasks).toEqual({ total: 1, done: 1 });

    // Leaving its parent, or being deleted, takes a sub-task out of the counts.
    const freed = await api(test, 'PUT', `/tasks/${story.id}`, {
      token: owner.token,
      body: { version: moved.json().version, parent_task_id: null },
    });
    expect(freed.statusCode, freed.body).toBe(200);
    expect((await get(`/tasks/${other.id}`)).subtasks).toEqual({ total: 0, done: 0 });
    const deleted = await api(test, 'DELETE', `/tasks/${doneStory.id}`, { token: owner.token });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await get(`/tasks/${epic.id}`)).subtasks).toEqual({ total: 0, done: 0 });
    // A deleted parent leaves its sub-tasks on their own.
    const parentDeleted = await api(test, 'DELETE', `/tasks/${story.id}`, { token: owner.token });
    expect(parentDeleted.statusCode, parentDeleted.body).toBe(204);
    expect((await listed(`/projects/${project.id}/tasks?q=Sub-story`))[0]).toMatchObject({
      parent_task_id: null,
      subtasks: { total: 0, done: 0 },
    });
  });

  it('filters blocked and unblocked tasks on both lists, as is_blocked says', async () => {
    const blocker = await createTask(test, owner, project.id, { title: 'Blocker' });
    const waiting = await createTask(test, owner, project.id, { title: 'Waiting' });
    const startsWith = await createTask(test, owner, project.id, { title: 'Starts with it' });
    const link = (from: Task, type: string) =>
      api(test, 'POST', `/tasks/${from.id}/dependencies`, {
        token: owner.token,
        body: { depends_on_task_id: blocker.id, dependency_type: type },
      });
    expect((await link(waiting, 'finish_to_start')).statusCode).toBe(201);
    // Only finish_to_start blocks.
    expect((await link(startsWith, 'start_to_start')).statusCode).toBe(201);

    for (const base of [`/projects/${project.id}/tasks?`, `/tasks?project_id=${project.id}&`, '/tasks?']) {
      const blocked = await listed(`${base}blocked=true`);
      expect(blocked.map((t) => t.title)).toEqual(['Waiting']);
      expect(blocked[0]!.is_blocked).toBe(true);
      const free = await listed(`${base}blocked=false&limit=100`);
      expect(free.map((t) => t.title)).toEqual(expect.arrayContaining(['Blocker', 'Starts with it']));
      expect(free.every((t) => !t.is_blocked)).toBe(true);
    }

    await api(test, 'PUT', `/tasks/${blocker.id}/status`, { token: owner.token, body: { status: 'done' } });
    expect(await listed(`/projects/${project.id}/tasks?blocked=true`)).toEqual([]);
    expect((await get(`/tasks/${waiting.id}`)).is_blocked).toBe(false);
  });

  it('keeps the blocked state through every change that moves it', async () => {
    const blockedTitles = async () =>
      (await listed(`/projects/${project.id}/tasks?blocked=true`)).map((t) => t.title);
    const [first, second, dependent] = [
      await createTask(test, owner, project.id, { title: 'First blocker', status: 'done' }),
      await createTask(test, owner, project.id, { title: 'Second blocker' }),
      await createTask(test, owner, project.id, { title: 'Dependent' }),
    ];
    const link = async (blocker: Task) => {
      const res = await api(test, 'POST', `/tasks/${dependent.id}/dependencies`, {
        token: owner.token,
        body: { depends_on_task_id: blocker.id },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ id: string }>().id;
    };
    const firstLink = await link(first);
    expect(await blockedTitles()).toEqual([]); // a done blocker blocks nothing
    await link(second);
    expect(await blockedTitles()).toEqual(['Dependent']);
    // Reopening the first blocker: two open blockers; finishing the second leaves one.
    const bulk = await api(test, 'POST', '/tasks/bulk', {
      token: owner.token,
      body: { task_ids: [first.id], changes: { status: 'in_progress' } },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    await api(test, 'PUT', `/tasks/${second.id}/status`, { token: owner.token, body: { status: 'done' } });
    expect(await blockedTitles()).toEqual(['Dependent']);
    const unlinked = await api(test, 'DELETE', `/tasks/${dependent.id}/dependencies/${firstLink}`, {
      token: owner.token,
    });
    expect(unlinked.statusCode).toBe(204);
    expect(await blockedTitles()).toEqual([]);
    // A deleted open blocker frees its dependent.
    await api(test, 'PUT', `/tasks/${second.id}/status`, { token: owner.token, body: { status: 'todo' } });
    expect(await blockedTitles()).toEqual(['Dependent']);
    expect((await api(test, 'DELETE', `/tasks/${second.id}`, { token: owner.token })).statusCode).toBe(204);
    expect(await blockedTitles()).toEqual([]);
    expect((await get(`/tasks/${dependent.id}`)).is_blocked).toBe(false);
  });

  it('keeps counts right when a task and its parent, blocker or dependent change at once', async () => {
    // Changes that come together share one statement (task-update-batch.ts): the triggers of one
    // row change other rows of the same statement.
    const parent = await createTask(test, owner, project.id, { title: 'Batch parent' });
    const children = await Promise.all(
      ['A', 'B'].map((name) =>
        createTask(test, owner, project.id, { title: `Batch child ${name}`, parent_task_id: parent.id }),
      ),
    );
    const blocker = await createTask(test, owner, project.id, { title: 'Batch blocker' });
    const linked = await api(test, 'POST', `/tasks/${parent.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: blocker.id },
    });
    expect(linked.statusCode, linked.body).toBe(201);
    for (let round = 0; round < 3; round += 1) {
      const status = round % 2 === 0 ? 'done' : 'todo';
      const answers = await Promise.all(
        [parent, ...children, blocker].map((task) =>
          api(test, 'PUT', `/tasks/${task.id}/status`, { token: owner.token, body: { status } }),
        ),
      );
      answers.forEach((answer) => expect(answer.statusCode, answer.body).toBe(200));
      const stored = (await get(`/tasks/${parent.id}`)) as Task;
      expect(stored).toMatchObject({
        status,
        subtasks: { total: 2, done: status === 'done' ? 2 : 0 },
        is_blocked: status !== 'done',
      });
    }
  });

  it('rejects a blocked filter that is not a boolean, naming it', async () => {
    const res = await api(test, 'GET', `/projects/${project.id}/tasks?blocked=maybe`, { token: owner.token });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'querystring.blocked' })]);
  });
});
