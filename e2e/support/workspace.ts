import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { startMailbox, type Mailbox } from '@pm/kernel/testing';
import { apiCaller, eventually, registerAccount, type Account, type ApiCall } from './api.ts';
import { launchMultiUserBrowser, type MultiUserBrowser, type Visitor } from './browser-contexts.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Workspace {
  owner: Account;
  /** A member of the owner's organization and of the project. */
  teammate: Account;
  organizationId: string;
  projectId: string;
}

interface Name {
  first: string;
  last: string;
}

/**
 * An owner with a personal organization, a teammate who joined it through an emailed invitation,
 * and a project (with `project` fields) both are members of, ready for tasks.
 */
export async function seedWorkspace(
  api: ApiCall,
  mailbox: Mailbox,
  project: Record<string, unknown>,
  people: { owner: Name; teammate: Name },
): Promise<Workspace> {
  const owner = await registerAccount(api, people.owner);
  const organizationId = await eventually(async () => {
    const { items } = await api<{ items: { id: string }[] }>('GET', '/organizations', owner.token);
    expect(items).toHaveLength(1);
    return items[0]!.id;
  });
  const email = `${people.teammate.first.toLowerCase()}.${randomBytes(4).toString('hex')}@example.test`;
  await api(
    'POST',
    `/organizations/${organizationId}/invitations`,
    owner.token,
    { email, role: 'member' },
    201,
  );
  const invitation = await mailbox.waitFor(email);
  const acceptLink = invitation.links.find((link) => new URL(link).pathname === '/invitations/accept')!;
  const teammate = await registerAccount(api, people.teammate, email);
  await api('POST', '/invitations/accept', teammate.token, {
    token: new URL(acceptLink).searchParams.get('token'),
  });
  const created = await api<{ id: string }>(
    'POST',
    '/projects',
    owner.token,
    { organization_id: organizationId, ...project },
    201,
  );
  // The projects service learns of the new organization member from an event.
  await eventually(() =>
    api(
      'POST',
      `/projects/${created.id}/members`,
      owner.token,
      { user_id: teammate.id, role: 'member' },
      201,
    ),
  );
  return { owner, teammate, organizationId, projectId: created.id };
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signInThroughUi(page: Page, account: Account): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email or username').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.waitForURL((url) => url.pathname === '/');
}

/** A running app with two people signed in, each in a browser context of their own. */
export interface TwoPersonSuite {
  server: RunningServer;
  mailbox: Mailbox;
  browser: MultiUserBrowser;
  api: ApiCall;
  workspace: Workspace;
  /** The owner, signed in. */
  ada: Visitor;
  /** The teammate, signed in. */
  grace: Visitor;
  close(): Promise<void>;
}

/**
 * The all-in-one server with a loopback mailbox, Ada's workspace with Grace invited into it and
 * into a project made of `project`, and both signed in through the UI in their own contexts.
 */
export async function startTwoPersonSuite(project: Record<string, unknown>): Promise<TwoPersonSuite> {
  const mailbox = await startMailbox();
  const server = await startServer({
    smtpPort: mailbox.port,
    env: { AUTH_ACCOUNT_REQUESTS_PER_IP: '1000', AUTH_LOGIN_MAX_PER_IP: '1000' },
  });
  const browser = await launchMultiUserBrowser({ baseURL: server.url });
  const close = async () => {
    await browser.close();
    await server.stop();
    await mailbox.close();
  };
  try {
    const api = apiCaller(server.url);
    const workspace = await seedWorkspace(api, mailbox, project, {
      owner: { first: 'Ada', last: 'Lovelace' },
      teammate: { first: 'Grace', last: 'Hopper' },
    });
    const ada = await browser.newVisitor();
    const grace = await browser.newVisitor();
    await signInThroughUi(ada.page, workspace.owner);
    await signInThroughUi(grace.page, workspace.teammate);
    return { server, mailbox, browser, api, workspace, ada, grace, close };
  } catch (error) {
    await close();
    throw error;
  }
}
