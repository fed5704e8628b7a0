import { randomUUID } from 'node:crypto';
import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskActivity } from '../src/contract/http.ts';
import type { TaskAttachment } from '../src/contract/http-attachments.ts';
import { api, createProject, createTask, eventsOf, signUp, startTasks, type TestUser } from './helpers.ts';
import { personWithRole } from './project-roles.ts';

describe('task attachments', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let member: TestUser;
  let viewer: TestUser;

  const attach = (user: TestUser, task: Task, body: Record<string, unknown>) =>
    api(test, 'POST', `/tasks/${task.key}/attachments`, { token: user.token, body });

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Files', key: 'FIL' });
    member = await personWithRole(test, owner, project.id, 'member');
    viewer = await personWithRole(test, owner, project.id, 'viewer');
  });
  afterAll(async () => test.close());

  it('attaches, lists and removes a file, with activity rows and events', async () => {
    const task = await createTask(test, owner, project.id, { title: 'Design' });
    const fileId = randomUUID();
    const added = await attach(member, task, {
      file_id: fileId,
      file_name: 'mockup.png',
      size_bytes: 48_213,
      content_type: 'image/png',
    });
    expect(added.statusCode, added.body).toBe(201);
    const attachment = added.json<TaskAttachment>();
    expect(attachment).toMatchObject({
      task_id: task.id,
      file_id: fileId,
      file_name: 'mockup.png',
      size_bytes: 48_213,
      content_type: 'image/png',
      uploaded_by: member.id,
    });
    const bare = await attach(member, task, { file_id: randomUUID() });
    expect(bare.json()).toMatchObject({ file_name: null, size_bytes: null, content_type: null });

    const list = await api(test, 'GET', `/tasks/${task.id}/attachments`, { token: viewer.token });
    expect(list.json().items.map((a: TaskAttachment) => a.id)).toEqual([attachment.id, bare.json().id]);

    const removed = await api(test, 'DELETE', `/tasks/${task.id}/attachments/${attachment.id}`, {
      token: member.token,
    });
    expect(removed.statusCode).toBe(204);
    const after = await api(test, 'GET', `/tasks/${task.id}/attachments`, { token: owner.token });
    expect(after.json().items.map((a: TaskAttachment) => a.id)).toEqual([bare.json().id]);

    const activity = await api(test, 'GET', `/tasks/${task.id}/activity`, { token: owner.token });
    const rows = activity
      .json<{ items: TaskActivity[] }>()
      .items.filter((row) => row.field.startsWith('attachment'));
    expect(rows.map((row) => [row.field, row.from, row.to, row.actor_id])).toEqual([
      ['attachment_added', null, 'mockup.png', member.id],
      ['attachment_added', null, bare.json().file_id, member.id],
      ['attachment_removed', 'mockup.png', null, member.id],
    ]);
    const events = (await eventsOf(test, task.id)).filter((e) => e.type.startsWith('tasks.attachment.'));
    expect(events.map((e) => [e.type, (e.data as { attachment_id: string }).attachment_id])).toEqual([
      ['tasks.attachment.added', attachment.id],
      ['tasks.attachment.added', bare.json().id],
      ['tasks.attachment.removed', attachment.id],
    ]);
    expect(events[0]).toMatchObject({ org_id: owner.orgId, project_id: project.id, actor_id: member.id });
  });

  it('answers 409 naming file_id to the same file twice, and 400 to bad input', async () => {
    const task = await createTask(test, owner, project.id);
    const fileId = randomUUID();
    expect((await attach(owner, task, { file_id: fileId })).statusCode).toBe(201);
    const twice = await attach(owner, task, { file_id: fileId, file_name: 'again.txt' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'TASKS_ATTACHMENT_EXISTS' });
    expect(twice.json().errors).toEqual([expect.objectContaining({ field: 'file_id' })]);

    for (const [body, field] of [
      [{ file_id: 'not-a-uuid' }, 'file_id'],
      [{ file_id: randomUUID(), size_bytes: -1 }, 'size_bytes'],
      [{ file_id: randomUUID(), content_type: 'png' }, 'content_type'],
      [{ file_id: randomUUID(), file_name: '' }, 'file_name'],
      [{ file_id: randomUUID(), url: 'http://x' }, 'url'],
    ] as const) {
      const res = await attach(owner, task, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    const badId = await api(test, 'DELETE', `/tasks/${task.id}/attachments/nope`, { token: owner.token });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([expect.objectContaining({ field: 'params.attachment_id' })]);
  });

  it('lets viewers read only, and only the uploader or a project admin remove', async () => {
    const task = await createTask(test, owner, project.id);
    const byViewer = await attach(viewer, task, { file_id: randomUUID() });
    expect(byViewer.statusCode).toBe(403);
    const mine = (await attach(owner, task, { file_id: randomUUID() })).json<TaskAttachment>();
    const theirs = (await attach(member, task, { file_id: randomUUID() })).json<TaskAttachment>();
    const other = await personWithRole(test, owner, project.id, 'member');
    const url = (a: TaskAttachment) => `/tasks/${task.id}/attachments/${a.id}`;
    expect((await api(test, 'DELETE', url(mine), { token: member.token })).statusCode).toBe(403);
    expect((await api(test, 'DELETE', url(theirs), { token: other.token })).statusCode).toBe(403);
    expect((await api(test, 'DELETE', url(theirs), { token: viewer.token })).statusCode).toBe(403);
    expect((await api(test, 'DELETE', url(theirs), { token: owner.token })).statusCode).toBe(204);
    expect((await api(test, 'DELETE', url(theirs), { token: owner.token })).statusCode).toBe(404);
  });

  it('hides attachments of other organizations (404) and refuses changes in archived projects (409)', async () => {
    const task = await createTask(test, owner, project.id);
    const attachment = (await attach(owner, task, { file_id: randomUUID() })).json<TaskAttachment>();
    const stranger = await signUp(test);
    for (const [method, url] of [
      ['GET', `/tasks/${task.id}/attachments`],
      ['POST', `/tasks/${task.id}/attachments`],
      ['DELETE', `/tasks/${task.id}/attachments/${attachment.id}`],
    ] as const) {
      const body = method === 'POST' ? { file_id: randomUUID() } : undefined;
      expect((await api(test, method, url, { token: stranger.token, body })).statusCode, url).toBe(404);
    }
    const old = await createProject(test, owner, { name: 'Old files' });
    const oldTask = await createTask(test, owner, old.id);
    expect((await api(test, 'POST', `/projects/${old.id}/archive`, { token: owner.token })).statusCode).toBe(
      200,
    );
    await expect
      .poll(async () => (await attach(owner, oldTask, { file_id: randomUUID() })).statusCode, {
        timeout: 10_000,
        interval: 20,
      })
      .toBe(409);
    expect(
      (await api(test, 'GET', `/tasks/${oldTask.id}/attachments`, { token: owner.token })).statusCode,
    ).toBe(200);
  });
});
