import type { LightMyRequestResponse } from 'fastify';
import { createAuthService } from '@pm/auth/service';
import type { EventEnvelope } from '@pm/kernel';
import { startTestApp, type TestApp, injectApi } from '@pm/kernel/testing';
import { createProjectsService } from '@pm/projects/service';
import type { Project } from '@pm/projects/contract';
import { createUsersService } from '@pm/users/service';
import { expect, vi } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { createTasksService } from '../src/service.ts';
import { OrgMemberAdded } from '../src/subscribers/users-events.ts';

/** Auth, users, projects and tasks on one app, as the all-in-one server runs them. */
export function startTasks(embedded = false): Promise<TestApp> {
  return startTestApp({
    factories: {
      auth: createAuthService,
      users: createUsersService,
      projects: createProjectsService,
      tasks: createTasksService,
    },
    // Every test signs up several people from the same address.
    env: { AUTH_ACCOUNT_REQUESTS_PER_IP: '100000', AUTH_LOGIN_MAX_PER_IP: '100000' },
    embedded,
  });
}

export interface TestUser {
  id: string;
  token: string;
  /** The personal organization the users service made at sign-up. */
  orgId: string;
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

/** Registers and signs in a new person; waits for their personal organization to appear. */
export async function signUp(test: TestApp): Promise<TestUser> {
  counter += 1;
  const name = `t${Date.now().toString(36)}${counter}`;
  const account = { email: `${name}@example.com`, username: name, password: 'plum-orbit-cactus-42' };
  const registered = await api(test, 'POST', '/auth/register', { body: account });
  expect(registered.statusCode, registered.body).toBe(201);
  const login = await api(test, 'POST', '/auth/login', {
    body: { email: account.email, password: account.password },
  });
  expect(login.statusCode).toBe(200);
  const token = login.json<{ access_token: string }>().access_token;
  let orgId = '';
  await vi.waitFor(
    async () => {
      const orgs = await api(test, 'GET', '/organizations', { token });
      orgId = orgs.json<{ items: { id: string }[] }>().items[0]?.id ?? '';
      expect(orgId).not.toBe('');
    },
    { timeout: 10_000, interval: 20 },
  );
  return { id: registered.json<{ id: string }>().id, token, orgId };
}

/** Adds `user` to an organization as the users service would announce it (no invitation round trip). */
export async function joinOrganization(
  test: TestApp,
  user: TestUser,
  orgId: string,
  role: 'admin' | 'member' | 'guest',
) {
  const event: EventEnvelope = OrgMemberAdded.create(
    { organization_id: orgId, user_id: user.id, role },
    { org_id: orgId },
  );
  await test.infra.bus.publish(event);
  await vi.waitFor(async () => expect(await handledByTasks(test, event.id)).toBe(true), {
    timeout: 10_000,
    interval: 20,
  });
}

async function handledByTasks(test: TestApp, eventId: string): Promise<boolean> {
  const row = await test.database.root
    .selectFrom('tasks.inbox')
    .select('event_id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Creates a project through the projects API and waits until the tasks service knows it. */
export async function createProject(
  test: TestApp,
  user: TestUser,
  body: Record<string, unknown> = {},
): Promise<Project> {
  // The projects service learns of the organization membership asynchronously too.
  let project: Project | undefined;
  await vi.waitFor(
    async () => {
      const res = await api(test, 'POST', '/projects', {
        token: user.token,
        body: { organization_id: user.orgId, name: 'Website', ...body },
      });
      expect(res.statusCode, res.body).toBe(201);
      project = res.json<Project>();
    },
    { timeout: 10_000, interval: 20 },
  );
  if (!project) {
    throw new Error('project was not created');
  }
  const projectId = project.id;
  // vi.waitFor rather than expect.poll: this also runs in beforeAll hooks.
  await vi.waitFor(
    async () => {
      const res = await api(test, 'GET', `/tasks?project_id=${projectId}`, { token: user.token });
      expect(res.statusCode).toBe(200);
    },
    { timeout: 10_000, interval: 20 },
  );
  return project;
}

export async function createTask(
  test: TestApp,
  user: TestUser,
  projectId: string,
  body: Record<string, unknown> = {},
): Promise<Task> {
  const res = await api(test, 'POST', `/projects/${projectId}/tasks`, {
    token: user.token,
    body: { title: 'A task', ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

/** Envelopes the tasks service wrote to its outbox about one task. */
/** The titles of every page of a list (`url` with its query), `limit` a page, following the cursors. */
export async function pagedTitles(test: TestApp, user: TestUser, url: string, limit = 1): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(test, 'GET', `${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
      token: user.token,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json<{ items: Task[]; next_cursor: string | null }>();
    seen.push(...page.items.map((task) => task.title));
    cursor = page.next_cursor;
  } while (cursor);
  return seen;
}

export async function eventsOf(test: TestApp, taskId: string): Promise<EventEnvelope[]> {
  const rows = await test.database.root
    .selectFrom('tasks.outbox')
    .select('envelope')
    .where('envelope', '@>', JSON.stringify({ data: { task_id: taskId } }) as never)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.envelope as EventEnvelope);
}
