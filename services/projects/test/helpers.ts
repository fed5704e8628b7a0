import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createAuthService } from '@pm/auth/service';
import type { EventEnvelope } from '@pm/kernel';
import { startTestApp, type TestApp, injectApi } from '@pm/kernel/testing';
import { expect, vi } from 'vitest';
import type { Project } from '../src/contract/http.ts';
import { createProjectsService } from '../src/service.ts';
import { OrgMemberAdded, OrgMemberRemoved, OrgMemberRoleChanged } from '../src/subscribers/users-events.ts';
import type { OrgRole } from '../src/domain/project-role.ts';

/** Auth (for real tokens) and projects on one app; the users service is played by publishing its events. */
export function startProjects(embedded = false): Promise<TestApp> {
  return startTestApp({
    factories: { auth: createAuthService, projects: createProjectsService },
    // Every test signs up several people from the same address.
    env: { AUTH_ACCOUNT_REQUESTS_PER_IP: '100000', AUTH_LOGIN_MAX_PER_IP: '100000' },
    embedded,
  });
}

export interface TestUser {
  id: string;
  token: string;
}

export function api(
  test: TestApp,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  options: { token?: string | undefined; body?: unknown } = {},
): Promise<LightMyRequestResponse> {
  return injectApi(test.app, method, url, options);
}

let counter = 0;

/** Registers and signs in a new person through the auth service. */
export async function signUp(test: TestApp): Promise<TestUser> {
  counter += 1;
  const name = `p${Date.now().toString(36)}${counter}`;
  const account = { email: `${name}@example.com`, username: name, password: 'plum-orbit-cactus-42' };
  const registered = await api(test, 'POST', '/auth/register', { body: account });
  expect(registered.statusCode).toBe(201);
  const login = await api(test, 'POST', '/auth/login', {
    body: { email: account.email, password: account.password },
  });
  expect(login.statusCode).toBe(200);
  return {
    id: registered.json<{ id: string }>().id,
    token: login.json<{ access_token: string }>().access_token,
  };
}

/** Several people, one after another (hashing passwords in parallel only slows each request down). */
export async function signUpMany(test: TestApp, count: number): Promise<TestUser[]> {
  const users: TestUser[] = [];
  for (let i = 0; i < count; i += 1) {
    users.push(await signUp(test));
  }
  return users;
}

/** The role the projects read model holds; null for a removed member, undefined when never seen. */
export async function readModelRole(
  test: TestApp,
  organizationId: string,
  userId: string,
): Promise<string | null | undefined> {
  const row = await test.database.root
    .selectFrom('projects.org_memberships')
    .select('role')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? (row.role as string | null) : undefined;
}

/** Publishes a users.member.* event as the users service would, and waits until it is applied. */
export async function publishMembership(
  test: TestApp,
  kind: 'added' | 'role_changed' | 'removed',
  organizationId: string,
  userId: string,
  role: OrgRole | null,
  occurredAt = new Date(),
): Promise<EventEnvelope> {
  const meta = { org_id: organizationId, occurred_at: occurredAt };
  const data = { organization_id: organizationId, user_id: userId };
  const event =
    kind === 'removed'
      ? OrgMemberRemoved.create(data, meta)
      : (kind === 'added' ? OrgMemberAdded : OrgMemberRoleChanged).create(
          { ...data, role: role ?? 'member' },
          meta,
        );
  await test.infra.bus.publish(event);
  // vi.waitFor rather than expect.poll: this also runs in beforeAll hooks.
  await vi.waitFor(async () => expect(await handled(test, event.id)).toBe(true), {
    timeout: 5000,
    interval: 10,
  });
  return event;
}

async function handled(test: TestApp, eventId: string): Promise<boolean> {
  const row = await test.database.root
    .selectFrom('projects.inbox')
    .select('event_id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A new organization (a random id: the users service is not running) with these members. */
export async function organizationWith(test: TestApp, members: [TestUser, OrgRole][]): Promise<string> {
  const organizationId = randomUUID();
  for (const [user, role] of members) {
    await publishMembership(test, 'added', organizationId, user.id, role);
  }
  return organizationId;
}

export async function createProject(
  test: TestApp,
  user: TestUser,
  organizationId: string,
  body: Record<string, unknown> = {},
): Promise<Project> {
  const res = await api(test, 'POST', '/projects', {
    token: user.token,
    body: { organization_id: organizationId, name: 'Website', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Project>();
}

/** Envelopes the projects service wrote to its outbox about one project. */
export async function eventsOf(test: TestApp, projectId: string): Promise<EventEnvelope[]> {
  const rows = await test.database.root
    .selectFrom('projects.outbox')
    .select('envelope')
    .where('envelope', '@>', JSON.stringify({ project_id: projectId }) as never)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.envelope as EventEnvelope);
}
