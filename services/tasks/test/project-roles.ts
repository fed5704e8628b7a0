import type { TestApp } from '@pm/kernel/testing';
import { expect, vi } from 'vitest';
import { api, joinOrganization, signUp, type TestUser } from './helpers.ts';

const eventually = <T>(check: () => Promise<T>) => vi.waitFor(check, { timeout: 10_000, interval: 20 });

/**
 * A new person of `owner`'s organization with `role` on the project: viewers are plain organization
 * members (ADR 0002); members and admins get an explicit membership through the projects API.
 * Returns once the tasks service's read models know it.
 */
export async function personWithRole(
  test: TestApp,
  owner: TestUser,
  projectId: string,
  role: 'admin' | 'member' | 'viewer',
): Promise<TestUser> {
  const person = await signUp(test);
  await joinOrganization(test, person, owner.orgId, 'member');
  if (role === 'viewer') {
    return person;
  }
  await eventually(async () => {
    const added = await api(test, 'POST', `/projects/${projectId}/members`, {
      token: owner.token,
      body: { user_id: person.id, role },
    });
    expect(added.statusCode, added.body).toBe(201);
  });
  await eventually(async () => {
    const row = await test.database.root
      .selectFrom('tasks.project_memberships')
      .select('role')
      .where('project_id', '=', projectId)
      .where('user_id', '=', person.id)
      .executeTakeFirst();
    expect(row?.role).toBe(role);
  });
  return person;
}
