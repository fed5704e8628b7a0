import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { expect, vi } from 'vitest';
import { createAuthService } from '@pm/auth/service';
import { linkIn, startMailbox, startTestApp, type Mailbox, type TestApp } from '@pm/kernel/testing';
import { createProjectsService } from '@pm/projects/service';
import { createTasksService } from '@pm/tasks/service';
import { createTimeTrackingService } from '@pm/time-tracking/service';
import { createUsersService } from '@pm/users/service';

/**
 * The people the authorization matrix asks as. O is the organization under test, P a project in it.
 * owner, orgAdmin: O's owner and an O admin. projectAdmin, projectMember, projectViewer: O members
 * holding that explicit role on P. guest: an O guest, not on P. guestOnP: an O guest who is an
 * explicit member of P. outsider: owner of another organization only. anonymous: no token.
 */
export const PERSONAS = [
  'owner',
  'orgAdmin',
  'projectAdmin',
  'projectMember',
  'projectViewer',
  'guest',
  'guestOnP',
  'outsider',
  'anonymous',
] as const;
export type Persona = (typeof PERSONAS)[number];
export type SignedIn = Exclude<Persona, 'anonymous'>;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
type OrgRole = 'admin' | 'member' | 'guest';

export interface Person {
  id: string;
  token: string;
  email: string;
}

interface Env {
  test: TestApp;
  mailbox: Mailbox;
}

export interface Fixture extends Env {
  people: Record<SignedIn, Person>;
  /** An O member (no project role): the person that user, team and member rows act on. */
  subject: Person;
  /** Owns the throwaway organizations that invite personas for `POST /invitations/accept`. */
  host: Person;
  org: string;
  project: string;
  team: string;
  template: string;
  /** A pending invitation of O to an address nobody signed up with. */
  strangerToken: string;
  close(): Promise<void>;
}

const PASSWORD = 'plum-orbit-cactus-42';

export function call(
  env: Env,
  method: Method,
  url: string,
  token?: string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return env.test.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** The `code` of a problem+json answer, for failure messages. */
export function problemCode(res: LightMyRequestResponse): string {
  try {
    return String((res.json<{ code?: string }>().code ?? '') || '');
  } catch {
    return '';
  }
}

/** Setup steps must succeed; the answer's body tells why when they do not. */
async function must(res: Promise<LightMyRequestResponse>, status: number, what: string): Promise<any> {
  const answer = await res;
  if (answer.statusCode !== status) {
    throw new Error(`setup: ${what} answered ${answer.statusCode}, not ${status}: ${answer.body}`);
  }
  return answer.body ? answer.json() : undefined;
}

/** Events travel asynchronously; vi.waitFor works in hooks too (expect.poll only inside tests). */
function eventually<T>(check: () => Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}

let counter = 0;
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label.toLowerCase()}${counter}-${randomBytes(3).toString('hex')}@example.com`;
}

async function register(env: Env, email: string): Promise<Person> {
  const username = email.split('@')[0]!;
  const account = { email, username, password: PASSWORD, first_name: username };
  const { id } = await must(call(env, 'POST', '/auth/register', undefined, account), 201, 'register');
  const login = await must(
    call(env, 'POST', '/auth/login', undefined, { email, password: PASSWORD }),
    200,
    'login',
  );
  return { id, token: login.access_token, email };
}

/** Someone who signs up uninvited and gets a personal organization; returns its id too. */
async function founder(env: Env, label: string): Promise<{ person: Person; org: string }> {
  const person = await register(env, uniqueEmail(label));
  const org = await eventually(async () => {
    const { items } = await must(call(env, 'GET', '/organizations', person.token), 200, 'organizations');
    expect(items).toHaveLength(1);
    return items[0].id as string;
  });
  return { person, org };
}

/** Invites `email` into `org`; returns the token of the link in the newest email to that address. */
async function invite(env: Env, inviter: Person, org: string, email: string, role: OrgRole) {
  const mails = () => env.mailbox.messages.filter((m) => m.to.includes(email) && /invited/i.test(m.subject));
  const before = mails().length;
  await must(
    call(env, 'POST', `/organizations/${org}/invitations`, inviter.token, { email, role }),
    201,
    `invite ${email}`,
  );
  const mail = await eventually(async () => {
    expect(mails().length).toBeGreaterThan(before);
    return mails().at(-1)!;
  });
  return linkIn(mail, '/invitations/accept').searchParams.get('token')!;
}

/** Invited first, then signed up (so no personal organization), accepted, and listed in O's directory. */
async function memberOf(env: Env, owner: Person, org: string, role: OrgRole, label: string): Promise<Person> {
  const email = uniqueEmail(label);
  const token = await invite(env, owner, org, email, role);
  const person = await register(env, email);
  await must(call(env, 'POST', '/invitations/accept', person.token, { token }), 200, 'accept');
  await eventually(async () =>
    expect((await call(env, 'GET', `/users/${person.id}`, owner.token)).statusCode).toBe(200),
  );
  return person;
}

/** Adds a project member once the projects read model knows them as a member of the organization. */
async function addToProject(env: Env, admin: Person, project: string, user: Person, role: string) {
  await eventually(async () =>
    must(
      call(env, 'POST', `/projects/${project}/members`, admin.token, { user_id: user.id, role }),
      201,
      'add to project',
    ),
  );
}

export async function startFixture(): Promise<Fixture> {
  const mailbox = await startMailbox();
  const test = await startTestApp({
    factories: {
      auth: createAuthService,
      users: createUsersService,
      projects: createProjectsService,
      tasks: createTasksService,
      'time-tracking': createTimeTrackingService,
    },
    env: {
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'http://app.test',
      AUTH_ACCOUNT_REQUESTS_PER_IP: '100000',
      AUTH_LOGIN_MAX_PER_IP: '100000',
      USERS_INVITATIONS_PER_HOUR: '100000',
    },
  });
  const env: Env = { test, mailbox };
  const { person: owner, org } = await founder(env, 'owner');
  const { person: outsider } = await founder(env, 'outsider');
  const { person: host } = await founder(env, 'host');
  const join = (role: OrgRole, label: string) => memberOf(env, owner, org, role, label);
  const people: Record<SignedIn, Person> = {
    owner,
    orgAdmin: await join('admin', 'orgAdmin'),
    projectAdmin: await join('member', 'projectAdmin'),
    projectMember: await join('member', 'projectMember'),
    projectViewer: await join('member', 'projectViewer'),
    guest: await join('guest', 'guest'),
    guestOnP: await join('guest', 'guestOnP'),
    outsider,
  };
  const subject = await join('member', 'subject');
  const body = { organization_id: org, name: 'Matrix project' };
  const project = await eventually(
    async () => (await must(call(env, 'POST', '/projects', owner.token, body), 201, 'create P')).id as string,
  );
  for (const [persona, role] of PROJECT_ROLES) {
    await addToProject(env, owner, project, people[persona], role);
  }
  const fixture: Fixture = {
    ...env,
    people,
    subject,
    host,
    org,
    project,
    team: '',
    template: '',
    strangerToken: await invite(env, owner, org, uniqueEmail('stranger'), 'member'),
    async close() {
      await test.close();
      await mailbox.close();
    },
  };
  fixture.team = await freshTeam(fixture);
  fixture.template = await freshTemplate(fixture);
  return fixture;
}

/** Explicit memberships on P, and on every throwaway project. */
const PROJECT_ROLES: [SignedIn, string][] = [
  ['projectAdmin', 'admin'],
  ['projectMember', 'member'],
  ['projectViewer', 'viewer'],
  ['guestOnP', 'member'],
];

// ---- throwaway resources: destructive rows get a fresh target in every cell ----

/** A new O member with no project or team. */
export function freshMember(fx: Fixture): Promise<Person> {
  return memberOf(fx, fx.people.owner, fx.org, 'member', 'target');
}

/** A project of O with the personas' memberships of P; optionally `subject` as member, or archived. */
export async function freshProject(fx: Fixture, opts: { subject?: boolean; archived?: boolean } = {}) {
  const owner = fx.people.owner;
  const body = { organization_id: fx.org, name: 'Throwaway project' };
  const { id } = await must(call(fx, 'POST', '/projects', owner.token, body), 201, 'create project');
  const members: [Person, string][] = PROJECT_ROLES.map(([persona, role]) => [fx.people[persona], role]);
  for (const [user, role] of opts.subject ? [...members, [fx.subject, 'member'] as const] : members) {
    await addToProject(fx, owner, id, user, role);
  }
  if (opts.archived) {
    await must(call(fx, 'POST', `/projects/${id}/archive`, owner.token), 200, 'archive');
  }
  return id as string;
}

export async function freshMilestone(fx: Fixture): Promise<{ id: string; version: number }> {
  const url = `/projects/${fx.project}/milestones`;
  return must(
    call(fx, 'POST', url, fx.people.owner.token, { title: 'Throwaway milestone' }),
    201,
    'milestone',
  );
}

/** A team of O led by its owner; optionally with `subject` as member and another lead. */
export async function freshTeam(fx: Fixture, opts: { subject?: boolean; lead?: Person } = {}) {
  const token = fx.people.owner.token;
  const body = { organization_id: fx.org, name: 'Matrix team' };
  const { id } = await must(call(fx, 'POST', '/teams', token, body), 201, 'create team');
  const members = [
    ...(opts.subject ? [{ user_id: fx.subject.id, role: 'member' }] : []),
    ...(opts.lead ? [{ user_id: opts.lead.id, role: 'lead' }] : []),
  ];
  for (const member of members) {
    await must(call(fx, 'POST', `/teams/${id}/members`, token, member), 201, 'team member');
  }
  return id as string;
}

/** A pending invitation of O. */
export async function freshInvitation(fx: Fixture): Promise<string> {
  const body = { email: uniqueEmail('invitee'), role: 'member' };
  const url = `/organizations/${fx.org}/invitations`;
  return (await must(call(fx, 'POST', url, fx.people.owner.token, body), 201, 'invitation')).id as string;
}

/** A template of O saved from P by O's owner. */
export async function freshTemplate(fx: Fixture): Promise<string> {
  const url = `/projects/${fx.project}/save-as-template`;
  const body = { name: 'Matrix template' };
  return (await must(call(fx, 'POST', url, fx.people.owner.token, body), 201, 'template')).id as string;
}

/** The token of a new invitation to `email`, from a new organization of `host`. */
export async function invitationTo(fx: Fixture, email: string): Promise<string> {
  const org = await must(call(fx, 'POST', '/organizations', fx.host.token, { name: 'Host org' }), 201, 'org');
  return invite(fx, fx.host, org.id as string, email, 'member');
}

/** The current `version` of what `url` returns to `token` (O's owner by default). */
export async function versionAt(fx: Fixture, url: string, token = fx.people.owner.token): Promise<number> {
  const body = await must(call(fx, 'GET', url, token), 200, `read ${url}`);
  return (url.startsWith('/users/') ? body.profile.version : body.version) as number;
}
