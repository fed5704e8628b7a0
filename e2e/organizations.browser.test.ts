import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startMailbox, type Mailbox } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchMultiUserBrowser, type MultiUserBrowser, type Visitor } from './support/browser-contexts.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 180_000;

let mailbox: Mailbox;
let server: RunningServer;
let browser: MultiUserBrowser;

interface Person {
  firstName: string;
  lastName: string;
  email: string;
  username: string;
  password: string;
}

function person(firstName: string, lastName: string): Person {
  const id = randomBytes(4).toString('hex');
  const handle = firstName.toLowerCase();
  return {
    firstName,
    lastName,
    email: `${handle}.${id}@example.test`,
    username: `${handle}_${id}`,
    password: `correct-horse-${id}-battery`,
  };
}

/** Fills the sign-up form the visitor is on (the email may already be filled in from a link). */
async function fillSignUp(page: Page, who: Person): Promise<void> {
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('First name').fill(who.firstName);
  await page.getByLabel('Last name').fill(who.lastName);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
}

/** Signs up from the home page and waits for the personal organization the users service creates. */
async function signUpWithOwnOrganization(page: Page, who: Person): Promise<void> {
  await page.goto('/sign-up');
  await fillSignUp(page, who);
  await page.waitForURL((url) => url.pathname === '/');
  // Created from the auth.user.registered event a moment after sign-up; the sidebar shows it when it exists.
  await page.getByRole('button', { name: `${who.firstName}'s workspace` }).waitFor({ timeout: 30_000 });
}

async function openFromSidebar(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: label, exact: true })
    .click();
}

/** A full-page picture for review, without the toasts the steps before it left behind. */
async function screenshot(page: Page, name: string): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss notification' });
  while ((await dismiss.count()) > 0) {
    // A toast may also leave on its own between the count and the click.
    await dismiss
      .first()
      .click({ timeout: 1000 })
      .catch(() => undefined);
  }
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function createProject(
  page: Page,
  fields: { name: string; description?: string; start?: string; end?: string; template?: string },
) {
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  if (fields.template) {
    await dialog.getByRole('radio', { name: fields.template }).check();
  }
  await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  if (fields.description) {
    await dialog.getByLabel('Description').fill(fields.description);
  }
  if (fields.start) {
    await dialog.getByLabel('Start date').fill(fields.start);
  }
  if (fields.end) {
    await dialog.getByLabel('End date').fill(fields.end);
  }
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await page.getByRole('heading', { name: fields.name, level: 1 }).waitFor();
}

async function addMilestone(page: Page, title: string, due: string): Promise<void> {
  await page.getByRole('button', { name: 'Add milestone' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New milestone' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Due date').fill(due);
  await dialog.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByRole('list', { name: 'Milestones' }).getByText(title).waitFor();
}

describe('organizations, invitations and project access in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    mailbox = await startMailbox();
    server = await startServer({ smtpPort: mailbox.port });
    browser = await launchMultiUserBrowser({ baseURL: server.url });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailbox?.close();
  });

  it(
    'an owner invites a teammate, who accepts from the email, joins a project as member and cannot open its settings; another organization cannot see it',
    async () => {
      const ada = person('Ada', 'Lovelace');
      const grace = person('Grace', 'Hopper');
      const linus = person('Linus', 'Torvalds');
      const owner: Visitor = await browser.newVisitor();
      const teammate: Visitor = await browser.newVisitor();
      const outsider: Visitor = await browser.newVisitor();

      // The owner signs up, gets a personal organization, and starts a project with milestones.
      await signUpWithOwnOrganization(owner.page, ada);
      await openFromSidebar(owner.page, 'Projects');
      await owner.page.getByRole('heading', { name: 'No projects yet' }).waitFor();
      await createProject(owner.page, {
        name: 'Website Redesign',
        description:
          'A calmer, faster marketing site with the new brand, shipped before the spring campaign.',
        start: '2030-03-02',
        end: '2030-06-26',
      });
      const projectPath = new URL(owner.page.url()).pathname;
      expect(projectPath).toMatch(/^\/projects\/[0-9a-f-]{36}$/);
      await addMilestone(owner.page, 'Content audit', '2030-03-20');
      await addMilestone(owner.page, 'Beta launch', '2030-05-15');
      await owner.page.getByRole('checkbox', { name: 'Content audit completed' }).click();
      await owner.page.getByText('Completed Content audit').waitFor();
      await owner.page.getByText('1 of 2 completed').waitFor();

      // Saved as a template, it starts a second project with the same milestones.
      await owner.page
        .getByRole('navigation', { name: 'Project' })
        .getByRole('link', { name: 'Settings' })
        .click();
      await owner.page.getByLabel('Template name').fill('Launch plan');
      await owner.page.getByRole('button', { name: 'Save as template' }).click();
      await owner.page.getByText('Saved template Launch plan').waitFor();
      await openFromSidebar(owner.page, 'Projects');
      await createProject(owner.page, { name: 'Mobile App', template: 'Launch plan', start: '2030-07-01' });
      await owner.page.getByRole('list', { name: 'Milestones' }).getByText('Beta launch').waitFor();
      await openFromSidebar(owner.page, 'Projects');
      await owner.page.getByRole('link', { name: 'Mobile App' }).waitFor();
      await owner.page.getByRole('link', { name: 'Website Redesign' }).waitFor();
      await screenshot(owner.page, 'projects-list');

      // The owner invites the teammate by email.
      await openFromSidebar(owner.page, 'Members');
      await owner.page.getByRole('form', { name: 'Invite people' }).getByLabel('Email').fill(grace.email);
      await owner.page.getByRole('button', { name: 'Send invitation' }).click();
      await owner.page.getByText(`Invitation sent to ${grace.email}`).waitFor();
      await owner.page.getByRole('list', { name: 'Invitations' }).getByText(grace.email).waitFor();

      // The teammate opens the emailed link, signs up through it, comes back and accepts.
      const invitation = await mailbox.waitFor(grace.email, (m) =>
        m.links.some((link) => link.includes('/invitations/accept')),
      );
      const acceptLink = invitation.links.find((link) => new URL(link).pathname === '/invitations/accept')!;
      expect(acceptLink.startsWith(`${server.url}/invitations/accept?token=`)).toBe(true);
      await teammate.page.goto(acceptLink);
      await teammate.page.getByRole('heading', { name: "Join Ada's workspace" }).waitFor();
      await teammate.page.getByRole('link', { name: 'Sign up to join' }).click();
      expect(await teammate.page.getByLabel('Email').inputValue()).toBe(grace.email);
      await fillSignUp(teammate.page, grace);
      await teammate.page.waitForURL((url) => url.pathname === '/invitations/accept');
      await teammate.page.getByRole('button', { name: 'Accept invitation' }).click();
      await teammate.page.waitForURL((url) => url.pathname === '/projects');
      await teammate.page.getByRole('button', { name: "Ada's workspace" }).waitFor();

      // The owner adds the teammate to the project as a member.
      await owner.page.goto(`${projectPath}/members`);
      const addForm = owner.page.getByRole('form', { name: 'Add project member' });
      await addForm.getByLabel('Person').selectOption({ label: `Grace Hopper (${grace.email})` });
      await addForm.getByLabel('Role').selectOption('member');
      await addForm.getByRole('button', { name: 'Add member' }).click();
      await owner.page.getByText('Added Grace Hopper as member').waitFor();
      await owner.page.getByRole('combobox', { name: 'Project role of Grace Hopper' }).waitFor();
      await screenshot(owner.page, 'project-members');

      // The teammate sees the project with their role, but its settings are closed to them.
      await teammate.page.reload();
      const row = teammate.page.getByRole('row').filter({ hasText: 'Website Redesign' });
      await row.getByText('Member', { exact: true }).waitFor();
      await row.getByRole('link', { name: 'Website Redesign' }).click();
      await teammate.page.getByRole('heading', { name: 'Website Redesign', level: 1 }).waitFor();
      const tabs = teammate.page.getByRole('navigation', { name: 'Project' });
      expect(await tabs.getByRole('link', { name: 'Settings' }).count()).toBe(0);
      await teammate.page.getByText('Beta launch').waitFor();
      await teammate.page.goto(`${projectPath}/settings`);
      await teammate.page.getByRole('heading', { name: "You don't have access" }).waitFor();
      expect(await teammate.page.getByRole('form', { name: 'General settings' }).count()).toBe(0);

      // Someone from another organization gets "not found", and does not see it in their list.
      await signUpWithOwnOrganization(outsider.page, linus);
      await outsider.page.goto(projectPath);
      await outsider.page.getByRole('heading', { name: 'Project not found' }).waitFor();
      await openFromSidebar(outsider.page, 'Projects');
      await outsider.page.getByRole('heading', { name: 'No projects yet' }).waitFor();

      await owner.page.goto(projectPath);
      await owner.page.getByText('1 of 2 completed').waitFor();
      await screenshot(owner.page, 'project-overview');

      expect(owner.errors).toEqual([]);
      expect(teammate.errors).toEqual([]);
      expect(outsider.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
