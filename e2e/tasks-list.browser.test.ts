import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startMailbox, type Mailbox } from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, eventually, type Account, type ApiCall } from './support/api.ts';
import { launchBrowser, type BrowserSession } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { seedWorkspace, signInThroughUi } from './support/workspace.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 120_000;

let mailbox: Mailbox;
let server: RunningServer;
let browser: BrowserSession;
let page: Page;

interface SeededTask {
  id: string;
  key: string;
  title: string;
  priority: string;
}

let api: ApiCall;

/** UTC calendar days: the browser runs in UTC too, so "today" agrees. */
function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const filterBar = () => page.getByRole('search', { name: 'Filter tasks' });
const rows = () => page.getByRole('table', { name: 'Tasks' }).locator('tbody tr');

async function visibleTitles(): Promise<string[]> {
  return (await rows().locator('.task-title-link').allInnerTexts()).sort();
}

async function expectTitles(expected: string[]): Promise<void> {
  await expect.poll(visibleTitles, { timeout: 10_000 }).toEqual([...expected].sort());
}

let ada: Account;
let grace: Account;
let projectId: string;
const tasks: Record<string, SeededTask> = {};

async function seed(): Promise<void> {
  const workspace = await seedWorkspace(
    api,
    mailbox,
    { name: 'Checkout', key: 'CHK' },
    { owner: { first: 'Ada', last: 'Tester' }, teammate: { first: 'Grace', last: 'Hopper' } },
  );
  ada = workspace.owner;
  grace = workspace.teammate;
  projectId = workspace.projectId;

  const specs = [
    {
      name: 'rounding',
      title: 'Fix checkout rounding',
      description: 'Totals drift by a cent when a flamingo coupon applies.',
      status: 'in_progress',
      assigned_to: grace.id,
      priority: 'high',
    },
    {
      name: 'receipts',
      title: 'Email receipts',
      description: 'Send a receipt after payment.',
      status: 'in_progress',
      assigned_to: ada.id,
      priority: 'medium',
      due_date: day(0),
    },
    {
      name: 'tax',
      title: 'Show tax breakdown',
      description: null,
      status: 'todo',
      assigned_to: grace.id,
      priority: 'low',
    },
    {
      name: 'cart',
      title: 'Persist the cart',
      description: 'Keep items across sessions.',
      status: 'todo',
      assigned_to: null,
      priority: 'none',
    },
    {
      name: 'late',
      title: 'Renew the payment certificate',
      description: null,
      status: 'todo',
      assigned_to: ada.id,
      priority: 'urgent',
      due_date: day(-2),
    },
  ];
  for (const { name, ...spec } of specs) {
    // The first one waits until the tasks service has heard of the project and its members.
    tasks[name] = await eventually(() =>
      api<SeededTask>('POST', '/tasks', ada.token, { project_id: projectId, ...spec }, 201),
    );
  }
}

async function openList(query = ''): Promise<void> {
  await page.goto(`/projects/${projectId}/list${query}`);
  await page.getByRole('table', { name: 'Tasks' }).waitFor();
}

describe('the task list, saved views, my work and the command palette in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    mailbox = await startMailbox();
    server = await startServer({
      smtpPort: mailbox.port,
      env: { AUTH_ACCOUNT_REQUESTS_PER_IP: '1000', AUTH_LOGIN_MAX_PER_IP: '1000' },
    });
    browser = await launchBrowser({ baseURL: server.url });
    api = apiCaller(server.url);
    await seed();
    page = await browser.newPage();
    await signInThroughUi(page, ada);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mailbox?.close();
  });

  it(
    'filters by status and assignee, keeps the filters in the URL, and changes a status in place',
    async () => {
      await openList();
      await expectTitles(Object.values(tasks).map((t) => t.title));

      await filterBar().getByRole('combobox', { name: 'Status' }).selectOption({ label: 'In progress' });
      await expectTitles([tasks.rounding!.title, tasks.receipts!.title]);
      await filterBar().getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Grace Hopper' });
      await expectTitles([tasks.rounding!.title]);
      const url = new URL(page.url());
      expect(url.searchParams.get('status')).toBe('in_progress');
      expect(url.searchParams.get('assignee')).toBe(grace.id);

      // A reload keeps them; "Unassigned" finds nothing in progress.
      await page.reload();
      await expectTitles([tasks.rounding!.title]);
      await filterBar().getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Unassigned' });
      await page.getByRole('heading', { name: 'No tasks match these filters' }).waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).last().click();
      await expectTitles(Object.values(tasks).map((t) => t.title));
      expect(new URL(page.url()).search).toBe('');

      // The status changes in place, from the row.
      await page
        .getByRole('combobox', { name: `Status of ${tasks.cart!.key}` })
        .selectOption({ label: 'In review' });
      await expect
        .poll(
          async () => (await api<{ status: string }>('GET', `/tasks/${tasks.cart!.key}`, ada.token)).status,
        )
        .toBe('in_review');
      expect(browser.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'finds a task by a word of its description',
    async () => {
      await openList();
      await filterBar().getByRole('searchbox', { name: 'Search tasks' }).fill('flamingo');
      await expectTitles([tasks.rounding!.title]);
      expect(new URL(page.url()).searchParams.get('q')).toBe('flamingo');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'selects a range with shift-click and x, then changes their priority in bulk',
    async () => {
      await openList();
      await expectTitles(Object.values(tasks).map((t) => t.title));
      const keys = await rows().locator('.task-cell-key').allInnerTexts();
      expect(keys).toHaveLength(5);
      await page.getByRole('checkbox', { name: `Select ${keys[0]}` }).click();
      await page.getByRole('checkbox', { name: `Select ${keys[2]}` }).click({ modifiers: ['Shift'] });
      await page.getByText('3 tasks selected').waitFor();
      // j moves the cursor to the next row after the last clicked one; x adds it to the selection.
      await page.keyboard.press('j');
      await page.keyboard.press('x');
      await page.getByText('4 tasks selected').waitFor();
      await page.keyboard.press('x');
      await page.getByText('3 tasks selected').waitFor();

      await page.getByRole('combobox', { name: 'Set priority' }).selectOption({ label: 'Urgent' });
      await page.getByText('Priority changed on 3 tasks').waitFor();
      const chosen = Object.values(tasks).filter((t) => keys.slice(0, 3).includes(t.key));
      for (const task of chosen) {
        const saved = await api<{ priority: string }>('GET', `/tasks/${task.key}`, ada.token);
        expect(saved.priority).toBe('urgent');
      }
      const untouched = Object.values(tasks).find((t) => t.key === keys[3])!;
      expect((await api<{ priority: string }>('GET', `/tasks/${untouched.key}`, ada.token)).priority).toBe(
        untouched.priority,
      );
      await page.screenshot({ path: resolve(SCREENSHOTS, 'task-list-bulk.png'), fullPage: true });

      // Enter opens the task under the cursor in the drawer; Esc closes it.
      await page.getByRole('button', { name: 'Clear selection' }).click();
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: `Task ${keys[3]}` }).waitFor();
      // Esc is heard once the drawer has taken focus (its key listener comes with it): on a busy
      // machine the panel was drawn a moment before, and an Esc pressed then was lost.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null))
        .toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => new URL(page.url()).searchParams.get('task')).toBeNull();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'saves the filters as a view and opens it again after a reload',
    async () => {
      const urgent = await api<{ items: SeededTask[] }>(
        'GET',
        `/tasks?project_id=${projectId}&priority=urgent`,
        ada.token,
      );
      const urgentTitles = urgent.items.map((t) => t.title);
      expect(urgentTitles).toContain(tasks.late!.title);
      expect(urgentTitles.length).toBeLessThan(Object.keys(tasks).length);
      await openList('?priority=urgent');
      await expectTitles(urgentTitles);

      await page.getByRole('button', { name: 'All tasks' }).click();
      await page.getByRole('menuitem', { name: 'Save as new view…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      await dialog.getByLabel('View name').fill('Urgent work');
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await page.getByText('Saved view Urgent work').waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toMatch(/^[0-9a-f-]{36}$/);

      await openList();
      await expectTitles(Object.values(tasks).map((t) => t.title));
      await page.getByRole('button', { name: 'All tasks' }).click();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'task-views-menu.png') });
      await page.getByRole('menuitem', { name: 'Urgent work' }).click();
      await expectTitles(urgentTitles);
      expect(new URL(page.url()).searchParams.get('priority')).toBe('urgent');
      await page.getByRole('button', { name: /Urgent work/ }).waitFor();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'shows an empty project, then loads more rows as the list scrolls and renders only those near the screen once there are hundreds',
    async () => {
      const org = (await api<{ organization_id: string }>('GET', `/projects/${projectId}`, ada.token))
        .organization_id;
      const big = await api<{ id: string }>(
        'POST',
        '/projects',
        ada.token,
        { organization_id: org, name: 'Backlog', key: 'BIG' },
        201,
      );
      const total = 230;
      // A project without tasks says so (not "nothing matches").
      await eventually(() => api('GET', `/tasks?project_id=${big.id}`, ada.token));
      await page.goto(`/projects/${big.id}/list`);
      await page.getByRole('heading', { name: 'No tasks yet' }).waitFor();
      await page.getByRole('button', { name: 'Create task' }).waitFor();
      await api('POST', '/tasks', ada.token, { project_id: big.id, title: 'Backlog item 1' }, 201);
      for (let start = 2; start <= total; start += 10) {
        const batch = Array.from({ length: Math.min(10, total - start + 1) }, (_, i) => start + i);
        await Promise.all(
          batch.map((n) =>
            api('POST', '/tasks', ada.token, { project_id: big.id, title: `Backlog item ${n}` }, 201),
          ),
        );
      }

      await page.goto(`/projects/${big.id}/list?sort=created_at`);
      const taskRows = page.getByRole('table', { name: 'Tasks' }).locator('tbody tr[data-task-id]');
      await expect.poll(() => taskRows.count()).toBe(50);
      await page.getByText('50+ tasks').waitFor();
      // Scrolling to the end loads the next page each time, until there is none.
      await expect
        .poll(
          async () => {
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
            return page.getByText(`${total} tasks`, { exact: true }).count();
          },
          { timeout: 30_000, interval: 300 },
        )
        .toBe(1);
      expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
      // Hundreds of rows: only those near the viewport are in the page; the oldest task is at the end
      // (scrolled to again: on a loaded machine the last page can arrive after the last scroll).
      await expect
        .poll(
          async () => {
            await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
            return page.getByRole('link', { name: 'Backlog item 1', exact: true }).isVisible();
          },
          { timeout: 30_000, interval: 300 },
        )
        .toBe(true);
      expect(await taskRows.count()).toBeLessThan(100);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('link', { name: `Backlog item ${total}`, exact: true }).waitFor();
      expect(await page.getByRole('link', { name: 'Backlog item 1', exact: true }).count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lists my tasks on My work by due date',
    async () => {
      await page.goto('/');
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'My work', exact: true })
        .click();
      await page.getByRole('heading', { name: 'My work', level: 1 }).waitFor();
      const today = page.getByRole('region', { name: /^Today/ });
      await today.getByRole('link', { name: new RegExp(tasks.receipts!.title) }).waitFor();
      const overdue = page.getByRole('region', { name: /^Overdue/ });
      await overdue.getByRole('link', { name: new RegExp(tasks.late!.title) }).waitFor();
      // Grace's tasks are not Ada's work.
      expect(await page.getByText(tasks.rounding!.title).count()).toBe(0);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'my-work.png'), fullPage: true });

      await today.getByRole('link', { name: new RegExp(tasks.receipts!.title) }).click();
      await page.waitForURL((url) => url.pathname === `/tasks/${tasks.receipts!.key}`);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'opens a task found by text search from the command palette',
    async () => {
      await openList();
      await page.keyboard.press('Control+k');
      const palette = page.getByRole('dialog', { name: 'Command palette' });
      await palette.waitFor();
      await palette.getByRole('combobox').fill('certificate');
      const result = palette.getByRole('option', { name: new RegExp(tasks.late!.title) });
      await result.waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'command-palette.png') });
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: `Task ${tasks.late!.key}` }).waitFor();
      await page.getByRole('article', { name: `${tasks.late!.key}: ${tasks.late!.title}` }).waitFor();
      expect(await palette.count()).toBe(0);

      // It also jumps to pages.
      await page.keyboard.press('Control+k');
      await palette.getByRole('combobox').fill('my work');
      await palette.getByRole('option', { name: 'My work' }).click();
      await page.waitForURL((url) => url.pathname === '/my-work');
      expect(browser.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
