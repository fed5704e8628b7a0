import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import {
  api,
  createProject,
  createTask,
  joinOrganization,
  signUp,
  startTasks,
  type TestUser,
} from './helpers.ts';

describe('who may do what with tasks (ADR 0002, from the read models)', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let task: Task;

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Access' });
    task = await createTask(test, owner, project.id, { title: 'Guarded' });
  });
  afterAll(async () => test.close());

  it('lets an organization member read as a viewer but not write', async () => {
    const viewer = await signUp(test);
    await joinOrganization(test, viewer, owner.orgId, 'member');
    expect((await api(test, 'GET', `/tasks/${task.key}`, { token: viewer.token })).statusCode).toBe(200);
    const list = await api(test, 'GET', `/projects/${project.id}/tasks`, { token: viewer.token });
    expect(list.json().items.map((t: Task) => t.id)).toContain(task.id);
    const create = await api(test, 'POST', `/projects/${project.id}/tasks`, {
      token: viewer.token,
      body: { title: 'No' },
    });
    expect(create.statusCode).toBe(403);
    const status = await api(test, 'PUT', `/tasks/${task.id}/status`, {
      token: viewer.token,
      body: { status: 'todo' },
    });
    expect(status.statusCode).toBe(403);
  });

  it('follows project memberships from projects.member.* events: a project member writes and is assignable', async () => {
    const colleague = await signUp(test);
    await joinOrganization(test, colleague, owner.orgId, 'guest');
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: colleague.token })).statusCode).toBe(404);
    const added = await api(test, 'POST', `/projects/${project.id}/members`, {
      token: owner.token,
      body: { user_id: colleague.id, role: 'member' },
    });
    expect(added.statusCode, added.body).toBe(201);
    await expect
      .poll(
        async () =>
          (
            await api(test, 'POST', `/projects/${project.id}/tasks`, {
              token: colleague.token,
              body: { title: 'Mine' },
            })
          ).statusCode,
        {
          timeout: 10_000,
          interval: 20,
        },
      )
      .toBe(201);
    const assigned = await api(test, 'PUT', `/tasks/${task.id}/assign`, {
      token: owner.token,
      body: { assigned_to: colleague.id },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);

    const removed = await api(test, 'DELETE', `/projects/${project.id}/members/${colleague.id}`, {
      token: owner.token,
    });
    expect(removed.statusCode, removed.body).toBe(204);
    await expect
      .poll(
        async () => (await api(test, 'GET', `/tasks/${task.id}`, { token: colleague.token })).statusCode,
        { timeout: 10_000, interval: 20 },
      )
      .toBe(404);
  });

  it('makes an organization admin a project admin', async () => {
    const admin = await signUp(test);
    await joinOrganization(test, admin, owner.orgId, 'admin');
    const created = await api(test, 'POST', '/tasks', {
      token: admin.token,
      body: { project_id: project.id, title: 'By admin' },
    });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('answers 404 to people outside the organization, and leaves their lists empty', async () => {
    const outsider = await signUp(test);
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: outsider.token })).statusCode).toBe(404);
    expect((await api(test, 'GET', `/tasks/${task.key}`, { token: outsider.token })).statusCode).toBe(404);
    expect(
      (
        await api(test, 'PUT', `/tasks/${task.id}`, {
          token: outsider.token,
          body: { version: 1, title: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await api(test, 'GET', `/projects/${project.id}/tasks`, { token: outsider.token })).statusCode,
    ).toBe(404);
    const all = await api(test, 'GET', '/tasks', { token: outsider.token });
    expect(all.json()).toEqual({ items: [], next_cursor: null });
    expect((await api(test, 'GET', '/tasks')).statusCode).toBe(401);
  });

  it('answers each caller by their own roles when their changes are looked up together', async () => {
    // Reads of a task and its caller's roles that come while one runs share the next statement
    // (TaskRepository.findWithAccess): a writer, a reader and an outsider, all at once.
    const reader = await signUp(test);
    await joinOrganization(test, reader, owner.orgId, 'member');
    const outsider = await signUp(test);
    const shared = await createProject(test, owner, { name: 'Shared lookups' });
    const tasks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createTask(test, owner, shared.id, { title: `Lookup ${i}` })),
    );
    const callers = [owner, reader, outsider];
    const answers = await Promise.all(
      tasks.flatMap((task) =>
        callers.map((caller) =>
          api(test, 'PUT', `/tasks/${task.id}/status`, { token: caller.token, body: { status: 'done' } }),
        ),
      ),
    );
    const codes = answers.map((answer) => answer.statusCode);
    expect(codes).toEqual(tasks.flatMap(() => [200, 403, 404]));
    answers
      .filter((_, i) => i % 3 === 0)
      .forEach((answer, i) => {
        expect(answer.json()).toMatchObject({ id: tasks[i]!.id, status: 'done' });
      });
  });

  it('answers each caller by their own roles when their reads and creations are looked up together', async () => {
    // A task read with its caller's roles (TaskRepository.findJsonWithAccess) and a project with
    // its caller's roles (AccessRepository.projectAccess) share statements with the lookups that
    // come meanwhile (lookup-batch.ts): an owner, a reader and an outsider, all at once.
    const reader = await signUp(test);
    await joinOrganization(test, reader, owner.orgId, 'member');
    const outsider = await signUp(test);
    const shared = await createProject(test, owner, { name: 'Shared reads' });
    const tasks = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createTask(test, owner, shared.id, { title: `Read ${i}` })),
    );
    const callers = [owner, reader, outsider];
    const reads = await Promise.all(
      tasks.flatMap((task) =>
        callers.map((caller) => api(test, 'GET', `/tasks/${task.id}`, { token: caller.token })),
      ),
    );
    expect(reads.map((read) => read.statusCode)).toEqual(tasks.flatMap(() => [200, 200, 404]));
    reads.forEach((read, i) => {
      if (read.statusCode === 200) {
        expect(read.json()).toMatchObject({ id: tasks[Math.floor(i / 3)]!.id });
      }
    });
    const creations = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api(test, 'POST', `/projects/${shared.id}/tasks`, {
          token: callers[i % 3]!.token,
          body: { title: `Created together ${i}` },
        }),
      ),
    );
    expect(creations.map((creation) => creation.statusCode)).toEqual([201, 403, 404, 201, 403, 404]);
    expect(creations[0]!.json()).toMatchObject({ title: 'Created together 0', project_id: shared.id });
    // Lists of one shape share statements too (list-batches.ts): each caller their own page.
    const other = await createProject(test, owner, { name: 'Other reads' });
    const alone = await createTask(test, owner, other.id, { title: 'Alone' });
    const lists = await Promise.all(
      [...callers, owner, reader].map((caller, i) =>
        api(test, 'GET', `/projects/${i === 3 ? other.id : shared.id}/tasks?limit=${i === 4 ? 3 : 25}`, {
          token: caller.token,
        }),
      ),
    );
    expect(lists.map((list) => list.statusCode)).toEqual([200, 200, 404, 200, 200]);
    const titles = (i: number) => lists[i]!.json().items.map((item: Task) => item.title);
    expect(titles(0)).toHaveLength(10);
    expect(titles(1)).toEqual(titles(0));
    expect(titles(3)).toEqual([alone.title]);
    expect(titles(4)).toEqual(titles(0).slice(0, 3));
    const cursor = lists[4]!.json().next_cursor as string;
    const pages = await Promise.all(
      [cursor, cursor].map((after, i) =>
        api(test, 'GET', `/projects/${shared.id}/tasks?limit=${i + 3}&cursor=${after}`, {
          token: owner.token,
        }),
      ),
    );
    expect(pages.map((page) => page.json().items.map((item: Task) => item.title))).toEqual([
      titles(0).slice(3, 6),
      titles(0).slice(3, 7),
    ]);
  });

  it('refuses changes once the project is archived (projects.project.archived)', async () => {
    const archived = await api(test, 'POST', `/projects/${project.id}/archive`, { token: owner.token });
    expect(archived.statusCode, archived.body).toBe(200);
    await expect
      .poll(
        async () =>
          (
            await api(test, 'PUT', `/tasks/${task.id}/status`, {
              token: owner.token,
              body: { status: 'done' },
            })
          ).statusCode,
        {
          timeout: 10_000,
          interval: 20,
        },
      )
      .toBe(409);
    expect((await api(test, 'GET', `/tasks/${task.id}`, { token: owner.token })).statusCode).toBe(200);
  });
});
