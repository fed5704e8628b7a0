import { injectTransport, ServiceCallError } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProjectsClient, ProjectCreated, type ProjectsClient } from '../src/contract/index.ts';
import { organizationWith, signUpMany, startProjects, type TestUser } from './helpers.ts';

describe('the typed client against the routes', () => {
  let test: TestApp;
  let client: ProjectsClient;
  let admin: TestUser;
  let colleague: TestUser;
  let orgId: string;

  beforeAll(async () => {
    test = await startProjects();
    client = createProjectsClient(injectTransport(test.app));
    [admin, colleague] = (await signUpMany(test, 2)) as [TestUser, TestUser];
    orgId = await organizationWith(test, [
      [admin, 'member'],
      [colleague, 'guest'],
    ]);
  });
  afterAll(async () => test.close());

  it('drives a project through its life', async () => {
    const project = await client.create(admin.token, {
      organization_id: orgId,
      name: 'Client',
      start_date: '2030-01-01',
    });
    expect(
      (await client.list(admin.token, { organization_id: orgId, limit: 10 })).items.map((p) => p.id),
    ).toEqual([project.id]);
    const updated = await client.update(admin.token, project.id, {
      version: project.version,
      description: 'via client',
    });
    expect(updated.description).toBe('via client');

    const milestone = await client.createMilestone(admin.token, project.id, {
      title: 'M1',
      due_date: '2030-02-01',
    });
    await client.updateMilestone(admin.token, project.id, milestone.id, { version: 1, status: 'completed' });
    expect(
      (await client.listMilestones(admin.token, project.id, { status: 'completed' })).items,
    ).toHaveLength(1);

    await client.addMember(admin.token, project.id, { user_id: colleague.id, role: 'viewer' });
    expect((await client.changeMemberRole(admin.token, project.id, colleague.id, 'member')).role).toBe(
      'member',
    );
    expect((await client.listMembers(admin.token, project.id, { role: 'member' })).items).toHaveLength(1);
    expect((await client.analytics(colleague.token, project.id)).milestones.by_status.completed).toBe(1);

    const template = await client.saveAsTemplate(admin.token, project.id, { name: 'From client' });
    expect(
      (await client.listTemplates(admin.token, { organization_id: orgId })).items.map((t) => t.id),
    ).toEqual([template.id]);
    expect((await client.getTemplate(admin.token, template.id)).template_data.milestones).toHaveLength(1);
    await client.deleteTemplate(admin.token, template.id);

    expect((await client.archive(admin.token, project.id)).status).toBe('archived');
    expect((await client.restore(admin.token, project.id)).status).toBe('active');
    await client.removeMember(admin.token, project.id, colleague.id);
    await client.deleteMilestone(admin.token, project.id, milestone.id);
    await client.remove(admin.token, project.id);
    const gone = await client.get(admin.token, project.id).catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(ServiceCallError);
    expect((gone as ServiceCallError).status).toBe(404);
  });

  it('emits events whose data matches the published schemas', async () => {
    const project = await client.create(admin.token, { organization_id: orgId, name: 'Evented' });
    const rows = await test.database.root
      .selectFrom('projects.outbox')
      .select('envelope')
      .where('type', '=', ProjectCreated.type)
      .execute();
    const envelopes = rows.map((row) => row.envelope);
    const mine = envelopes.find((envelope) => envelope.project_id === project.id);
    expect(ProjectCreated.is(mine)).toBe(true);
  });
});
