import { describe, expect, it } from 'vitest';
import { api, createProject, createTask, signUp, startTasks } from './helpers.ts';

describe('tasks on the embedded database', () => {
  it('creates, searches, updates, links and deletes tasks on PGlite', async () => {
    const test = await startTasks(true);
    try {
      const owner = await signUp(test);
      const project = await createProject(test, owner, { name: 'Embedded', key: 'EMB' });
      const first = await createTask(test, owner, project.id, {
        title: 'Plan the launch',
        tags: ['launch'],
        due_date: '2030-01-02',
      });
      const second = await createTask(test, owner, project.id, { title: 'Ship it' });
      expect([first.key, second.key]).toEqual(['EMB-1', 'EMB-2']);
      const found = await api(test, 'GET', '/tasks?q=launch', { token: owner.token });
      expect(found.json().items.map((t: { id: string }) => t.id)).toEqual([first.id]);
      const linked = await api(test, 'POST', `/tasks/${second.id}/dependencies`, {
        token: owner.token,
        body: { depends_on_task_id: first.id },
      });
      expect(linked.statusCode, linked.body).toBe(201);
      const updated = await api(test, 'PUT', `/tasks/EMB-2`, {
        token: owner.token,
        body: { version: 1, priority: 'high' },
      });
      expect(updated.json()).toMatchObject({ priority: 'high', version: 2, is_blocked: true });
      const page = await api(test, 'GET', `/projects/${project.id}/tasks?sort=due_date&limit=1`, {
        token: owner.token,
      });
      expect(page.json().items[0].id).toBe(first.id);
      expect(page.json().next_cursor).not.toBeNull();
      expect((await api(test, 'DELETE', `/tasks/${first.id}`, { token: owner.token })).statusCode).toBe(204);
    } finally {
      await test.close();
    }
  });
});
