import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { linkIn, startMailbox, type Mailbox } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 120_000;

let mailbox: Mailbox;
let server: RunningServer;
let browser: BrowserSession;

function newAccount() {
  const id = randomBytes(4).toString('hex');
  return { email: `ada.${id}@example.test`, username: `ada_${id}`, password: `analytical-engine-${id}` };
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  // Enter submits the form, as for a keyboard user.
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('signing up, in and out in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    mailbox = await startMailbox();
    server = await startServer({ smtpPort: mailbox.port });
    browser = await launchBrowser({ baseURL: server.url });
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailbox?.close();
  });

  it(
    'signs up, verifies the email from its link, signs out and in, and edits the profile',
    async () => {
      const account = newAccount();
      const page = await browser.newPage();

      await page.goto('/');
      await page.waitForURL('**/sign-in');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.getByLabel('First name').fill('Ada');
      await page.getByLabel('Last name').fill('Lovelace');
      await page.getByLabel('Email').fill(account.email);
      await page.getByLabel('Username').fill(account.username);
      await page.getByLabel('Password').fill(account.password);
      await page.getByRole('button', { name: 'Create account' }).click();

      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      const verifyBanner = page.getByRole('status').filter({ hasText: 'Verify your email' });
      await verifyBanner.waitFor();
      await screenshot(page, 'home-unverified');

      const verification = await mailbox.waitFor(account.email);
      const verifyLink = linkIn(verification, '/verify-email').href;
      expect(verifyLink.startsWith(`${server.url}/verify-email?token=`)).toBe(true);
      await page.goto(verifyLink);
      await page.getByRole('heading', { name: 'Email verified' }).waitFor();
      await page.getByRole('link', { name: 'Continue to your workspace' }).click();
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
      expect(await verifyBanner.count()).toBe(0);
      await screenshot(page, 'home');

      const accountMenu = page.getByRole('button', { name: 'Ada Lovelace' });
      await accountMenu.click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');

      await signIn(page, account.username, account.password);
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
      await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
      expect(await page.getByText('Verified', { exact: true }).count()).toBe(1);
      await page.getByLabel('First name').fill('Augusta Ada');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Profile saved').waitFor();

      await page.reload();
      await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
      expect(await page.getByLabel('First name').inputValue()).toBe('Augusta Ada');
      await screenshot(page, 'profile');

      // Sign out from the keyboard: the account menu is a proper menu button.
      const renamedMenu = page.getByRole('button', { name: 'Augusta Ada Lovelace' });
      await renamedMenu.focus();
      await page.keyboard.press('ArrowUp');
      expect(await renamedMenu.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      expect(await renamedMenu.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('ArrowUp');
      await page.getByRole('menuitem', { name: 'Sign out' }).press('Enter');
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();

      expect(browser.errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'resets a forgotten password from the emailed link',
    async () => {
      const account = newAccount();
      const registered = await fetch(`${server.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      expect(registered.status).toBe(201);
      const page = await browser.newPage();

      await page.goto('/sign-in');
      await page.getByRole('link', { name: 'Forgot password?' }).click();
      await page.getByLabel('Email').fill(account.email);
      await page.getByRole('button', { name: 'Send reset link' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

      const resetMail = await mailbox.waitFor(account.email, (message) =>
        message.links.some((link) => link.includes('/reset-password')),
      );
      await page.goto(linkIn(resetMail, '/reset-password').href);
      const newPassword = `${account.password}-renewed`;
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('Confirm new password').fill(newPassword);
      await page.getByRole('button', { name: 'Set new password' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await page.getByText('Your password has been changed').waitFor();

      await signIn(page, account.email, account.password);
      await page.getByRole('alert').waitFor();
      expect(page.url()).toMatch(/\/sign-in$/);

      await signIn(page, account.email, newPassword);
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();

      expect(browser.errors).toEqual([]);
      await page.close();
    },
    TEST_TIMEOUT_MS,
  );
});
