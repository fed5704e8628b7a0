import type { LightMyRequestResponse } from 'fastify';
import { createAuthService } from '@pm/auth/service';
import type { EventEnvelope } from '@pm/kernel';
import { injectApi, startTestApp, type TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { createProjectsService } from '@pm/projects/service';
import type { Task } from '@pm/tasks/contract';
import { createTasksService } from '@pm/tasks/service';
import { MemberAdded } from '@pm/users/contract';
import { createUsersService } from '@pm/users/service';
import { expect, vi } from 'vitest';
import type { TimeEntry } from '../src/contract/http.ts';
import { createTimeTrackingService } from '../src/service.ts';

/** Auth, users, projects, tasks and time tracking on one app, as the all-in-one server runs them. */
/** `embedded`: on the in-memory PGlite of `npm start` instead of the machine's PostgreSQL. */
export function startTime(env: Record<string, string> = {}, embedded = false): Promise<TestApp> {
  return startTestApp({
    factories: {
      auth: createAuthService,
      users: createUsersService,
      projects: createProjectsService,
      tasks: createTasksService,
      'time-tracking': createTimeTrackingService,
    },
    env: { AUTH_ACCOUNT_REQUESTS_PER_IP: '100000', AUTH_LOGIN_MAX_PER_IP: '100000', ...env },
    embedded,
  });
}

export interface TestUser {
  id: string;
  token: string;
  /** The personal organization the users service made at sign-up. */
  orgId: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function api(
  test: TestApp,
  method: Method,
  url: string,
  options: { token?: string; body?: unknown } = {},
) {
  return injectApi(test.app, method, url, options);
}

/** Asserts the status (showing the body when it differs) and answers the JSON body. */
export async function expectStatus<T = any>(
  res: Promise<LightMyRequestResponse>,
  status: number,
): Promise<T> {
  const answer = await res;
  expect(answer.statusCode, answer.body).toBe(status);
  return (answer.body ? answer.json() : undefined) as T;
}

function eventually(check: () => Promise<void>): Promise<void> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}

/** Waits until a row of a schema's table (`schema.table`; time tracking's when unqualified) matches. */
async function known(test: TestApp, table: string, where: Record<string, unknown>): Promise<void> {
  await eventually(async () => {
    let query = test.database.root
      .selectFrom(table.includes('.') ? table : `time_tracking.${table}`)
      .selectAll();
    for (const [column, value] of Object.entries(where)) {
      query = query.where(column, value === null ? 'is' : '=', value);
    }
    expect(await query.executeTakeFirst()).toBeDefined();
  });
}

let counter = 0;

/** Registers and signs in a new person; waits until time tracking and projects know their personal organization. */
export async function signUp(test: TestApp): Promise<TestUser> {
  counter += 1;
  const name = `tt${Date.now().toString(36)}${counter}`;
  const account = { email: `${name}@example.com`, username: name, password: 'plum-orbit-cactus-42' };
  const { id } = await expectStatus(api(test, 'POST', '/auth/register', { body: account }), 201);
  const login = await expectStatus(
    api(test, 'POST', '/auth/login', { body: { email: account.email, password: account.password } }),
    200,
  );
  const token = login.access_token as string;
  let orgId = '';
  await eventually(async () => {
    const orgs = await api(test, 'GET', '/organizations', { token });
    orgId = orgs.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
    expect(orgId).not.toBe('');
  });
  await known(test, 'org_memberships', { organization_id: orgId, user_id: id, role: 'owner' });
  await known(test, 'organizations', { id: orgId });
  // Projects are created by the projects service, which learns the membership from the same event.
  await known(test, 'projects.org_memberships', { organization_id: orgId, user_id: id, role: 'owner' });
  return { id, token, orgId };
}

/** Adds `user` to an organization as the users service announces it. */
export async function joinOrganization(
  test: TestApp,
  user: TestUser,
  orgId: string,
  role: 'admin' | 'member' | 'guest',
) {
  const event: EventEnvelope = MemberAdded.create(
    { organization_id: orgId, user_id: user.id, role },
    { org_id: orgId },
  );
  await test.infra.bus.publish(event);
  await known(test, 'org_memberships', { organization_id: orgId, user_id: user.id, role });
}

export async function setTimeZone(test: TestApp, user: TestUser, timezone: string): Promise<void> {
  const me = await expectStatus(api(test, 'GET', `/users/${user.id}`, { token: user.token }), 200);
  const body = { version: me.profile.version, timezone };
  await expectStatus(api(test, 'PUT', `/users/${user.id}`, { token: user.token, body }), 200);
  await known(test, 'user_profiles', { user_id: user.id, timezone });
}

/** Changes organization settings and waits until time tracking follows them. */
export async function setOrgSettings(
  test: TestApp,
  owner: TestUser,
  settings: Record<string, unknown>,
): Promise<void> {
  const org = await expectStatus(
    api(test, 'GET', `/organizations/${owner.orgId}`, { token: owner.token }),
    200,
  );
  const body = { version: org.version, settings };
  await expectStatus(api(test, 'PUT', `/organizations/${owner.orgId}`, { token: owner.token, body }), 200);
  const [[column, value]] = Object.entries(settings) as [[string, unknown]];
  await known(test, 'organizations', { id: owner.orgId, [column]: value });
}

export async function createProject(
  test: TestApp,
  user: TestUser,
  body: Record<string, unknown> = {},
): Promise<Project> {
  const project = await expectStatus<Project>(
    api(test, 'POST', '/projects', {
      token: user.token,
      body: { organization_id: user.orgId, name: 'Website', ...body },
    }),
    201,
  );
  await known(test, 'projects', { id: project.id });
  return project;
}

export async function addProjectMember(
  test: TestApp,
  admin: TestUser,
  projectId: string,
  user: TestUser,
  role: string,
) {
  await eventually(async () => {
    const body = { user_id: user.id, role };
    await expectStatus(
      api(test, 'POST', `/projects/${projectId}/members`, { token: admin.token, body }),
      201,
    );
  });
  await known(test, 'project_memberships', { project_id: projectId, user_id: user.id, role });
}

export async function createTask(
  test: TestApp,
  user: TestUser,
  projectId: string,
  title = 'A task',
): Promise<Task> {
  let task: Task | undefined;
  await eventually(async () => {
    const res = await api(test, 'POST', '/tasks', {
      token: user.token,
      body: { project_id: projectId, title },
    });
    expect(res.statusCode, res.body).toBe(201);
    task = res.json<Task>();
  });
  await known(test, 'tasks', { id: task!.id });
  return task!;
}

/** Logs a finished entry and answers it. */
export async function logTime(
  test: TestApp,
  user: TestUser,
  body: Record<string, unknown> & { start_time: string; end_time: string },
): Promise<TimeEntry> {
  return expectStatus<TimeEntry>(api(test, 'POST', '/time-entries', { token: user.token, body }), 201);
}

/** Envelopes the time tracking service wrote to its outbox, of one type. */
export async function outboxOf(test: TestApp, type: string): Promise<EventEnvelope[]> {
  const rows = await test.database.root
    .selectFrom('time_tracking.outbox')
    .select('envelope')
    .where('type', '=', type)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.envelope as EventEnvelope);
}
