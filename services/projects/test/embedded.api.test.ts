import { describe, expect, it } from 'vitest';
import { api, createProject, organizationWith, signUp, startProjects } from './helpers.ts';

describe('projects on the embedded database', () => {
  it('creates, lists, plans, shares, archives and templates a project on PGlite', async () => {
    const test = await startProjects(true);
    try {
      const [admin, colleague] = [await signUp(test), await signUp(test)];
      const orgId = await organizationWith(test, [
        [admin, 'member'],
        [colleague, 'guest'],
      ]);
      const project = await createProject(test, admin, orgId, {
        name: 'Embedded',
        start_date: '2030-01-01',
        end_date: '2030-12-31',
      });
      expect(project).toMatchObject({ key: 'EMB', start_date: '2030-01-01', end_date: '2030-12-31' });
      const list = await api(test, 'GET', `/projects?organization_id=${orgId}&limit=1`, {
        token: admin.token,
      });
      expect(list.json()).toEqual({
        items: [expect.objectContaining({ id: project.id })],
        next_cursor: null,
      });

      const milestone = await api(test, 'POST', `/projects/${project.id}/milestones`, {
        token: admin.token,
        body: { title: 'Half way', due_date: '2030-07-01' },
      });
      expect(milestone.json().due_date).toBe('2030-07-01');
      const shared = await api(test, 'POST', `/projects/${project.id}/members`, {
        token: admin.token,
        body: { user_id: colleague.id, role: 'viewer' },
      });
      expect(shared.statusCode).toBe(201);
      expect(
        (await api(test, 'GET', `/projects/${project.id}`, { token: colleague.token })).json().my_role,
      ).toBe('viewer');

      const template = await api(test, 'POST', `/projects/${project.id}/save-as-template`, {
        token: admin.token,
        body: { name: 'Yearly' },
      });
      expect(template.json().template_data.milestones).toEqual([
        { title: 'Half way', description: null, due_in_days: 181 },
      ]);
      const archived = await api(test, 'POST', `/projects/${project.id}/archive`, { token: admin.token });
      expect(archived.json().status).toBe('archived');
      const analytics = await api(test, 'GET', `/projects/${project.id}/analytics`, { token: admin.token });
      expect(analytics.json()).toMatchObject({
        milestones: { total: 1 },
        members: { total: 2 },
        duration_days: 364,
      });
    } finally {
      await test.close();
    }
  });
});
