import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visitor } from './support/browser-contexts.ts';
import { startTwoPersonSuite, type TwoPersonSuite, type Workspace } from './support/workspace.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 120_000;
const STALE_EDIT_MESSAGE = 'Someone else changed this task — their version is shown; re-apply your edit.';

/** The project's own workflow: the board's columns must come from it, not from a default. */
const WORKFLOW = {
  statuses: [
    { key: 'ideas', name: 'Ideas', category: 'todo' },
    { key: 'building', name: 'Building', category: 'in_progress' },
    { key: 'review', name: 'Review', category: 'in_progress' },
    { key: 'shipped', name: 'Shipped', category: 'done' },
  ],
};

let suite: TwoPersonSuite;
let workspace: Workspace;
let ada: Visitor;
let grace: Visitor;

const column = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const card = (scope: Page | Locator, key: string) =>
  scope.getByRole('button', { name: new RegExp(`^${key}: `) });
const drawer = (page: Page) => page.getByRole('dialog', { name: /^Task / });

async function openBoard(page: Page, query = ''): Promise<void> {
  await page.goto(`/projects/${workspace.projectId}/board${query}`);
  await page.getByRole('search', { name: 'Filter tasks' }).waitFor();
}

async function createTask(page: Page, fields: { title: string; priority?: string; tags?: string }) {
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByLabel('Title').fill(fields.title);
  if (fields.priority) {
    await dialog.getByLabel('Priority').selectOption({ label: fields.priority });
  }
  if (fields.tags) {
    await dialog.getByLabel('Tags').fill(fields.tags);
  }
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Drags with the mouse the way a person does: press, move in steps, let go over the target. */
async function dragTo(page: Page, source: Locator, target: Locator, at: 'top' | 'inside' = 'inside') {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2 + 4, { steps: 4 });
  const y = at === 'top' ? to.y + 4 : to.y + Math.min(40, to.height / 2);
  await page.mouse.move(to.x + to.width / 2, y, { steps: 16 });
  await page.mouse.up();
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the task board and the task drawer in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    suite = await startTwoPersonSuite({
      name: 'Website Redesign',
      key: 'WEB',
      settings: { workflow: WORKFLOW },
    });
    ({ workspace, ada, grace } = suite);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => suite?.close());

  it(
    'creates tasks from the button, the c key and a column, in the columns of the project workflow',
    async () => {
      const page = ada.page;
      await openBoard(page);
      await page.getByRole('heading', { name: 'No tasks yet' }).waitFor();

      await page.getByRole('button', { name: 'New task' }).first().click();
      await createTask(page, { title: 'Design the landing page', priority: 'High', tags: 'design, web' });
      const first = card(column(page, 'Ideas'), 'WEB-1');
      await first.waitFor();
      await first.getByText('design', { exact: true }).waitFor();
      await first.getByRole('img', { name: 'Priority: High' }).waitFor();
      expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(
        expect.arrayContaining(['Ideas', 'Building', 'Review', 'Shipped']),
      );

      // `c` opens the dialog (not while typing in the search box).
      const search = page.getByRole('searchbox', { name: 'Search tasks' });
      await search.click();
      await page.keyboard.press('c');
      expect(await search.inputValue()).toBe('c');
      expect(await page.getByRole('dialog', { name: 'New task' }).count()).toBe(0);
      await search.fill('');
      await page.getByRole('heading', { name: 'Ideas' }).click();
      await page.keyboard.press('c');
      await createTask(page, { title: 'Write the launch copy' });
      await card(column(page, 'Ideas'), 'WEB-2').waitFor();

      await page.getByRole('button', { name: 'New task in Building' }).click();
      await createTask(page, { title: 'Set up analytics' });
      await card(column(page, 'Building'), 'WEB-3').waitFor();

      // On a fresh board j/k walk the cards from the first, Enter opens the selected one, Esc closes it.
      await openBoard(page);
      await card(page, 'WEB-3').waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-task-key')))
        .toBe('WEB-2');
      await page.keyboard.press('k');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('task') === 'WEB-1');
      await drawer(page).getByRole('heading', { name: 'Design the landing page' }).waitFor();
      await page.keyboard.press('Escape');
      await drawer(page).waitFor({ state: 'detached' });

      // `?create=1` opens the dialog too (the command palette links there).
      await openBoard(page, '?create=1');
      await page.getByRole('dialog', { name: 'New task' }).getByRole('button', { name: 'Cancel' }).click();
      expect(new URL(page.url()).searchParams.get('create')).toBeNull();
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'moves a card across columns by dragging; it stays after a reload and a teammate sees it move live',
    async () => {
      await openBoard(grace.page);
      await card(column(grace.page, 'Ideas'), 'WEB-1').waitFor();

      const page = ada.page;
      await openBoard(page);
      const saved = page.waitForResponse(
        (res) => res.url().endsWith('/position') && res.request().method() === 'PUT',
      );
      await dragTo(page, card(page, 'WEB-1'), column(page, 'Review'));
      expect((await saved).status()).toBe(200);
      await card(column(page, 'Review'), 'WEB-1').waitFor();

      await page.reload();
      await card(column(page, 'Review'), 'WEB-1').waitFor();
      expect(await card(column(page, 'Ideas'), 'WEB-1').count()).toBe(0);

      // Grace never reloaded: the hub told her board.
      await card(column(grace.page, 'Review'), 'WEB-1').waitFor({ timeout: 15_000 });
      expect(await card(column(grace.page, 'Ideas'), 'WEB-1').count()).toBe(0);

      // Dropped on the top of WEB-1, WEB-3 goes above it (another column, and a place in it).
      const reordered = page.waitForResponse(
        (res) => res.url().endsWith('/position') && res.request().method() === 'PUT',
      );
      await dragTo(page, card(page, 'WEB-3'), card(column(page, 'Review'), 'WEB-1'), 'top');
      expect((await reordered).status()).toBe(200);
      await page.reload();
      await card(column(page, 'Review'), 'WEB-3').waitFor();
      const order = await column(page, 'Review')
        .getByRole('button')
        .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-key')));
      expect(order).toEqual(['WEB-3', 'WEB-1']);
      // The keyboard moves cards too: Space picks WEB-2 up, → goes a column right, Space drops it.
      const keyboardMove = page.waitForResponse(
        (res) => res.url().endsWith('/position') && res.request().method() === 'PUT',
      );
      await card(page, 'WEB-2').focus();
      await page.keyboard.press('Space');
      // Wait until the card is picked up before moving it (the sensor activates asynchronously).
      await expect.poll(() => card(page, 'WEB-2').getAttribute('aria-pressed')).toBe('true');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      expect((await keyboardMove).status()).toBe(200);
      await card(column(page, 'Building'), 'WEB-2').waitFor();
      await card(column(grace.page, 'Building'), 'WEB-2').waitFor({ timeout: 15_000 });
      await screenshot(page, 'tasks-board');
      expect(ada.errors).toEqual([]);
      expect(grace.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'adds a dependency from the drawer, shows the blocked state, refuses a cycle, and unblocks when done',
    async () => {
      const page = ada.page;
      await openBoard(page);
      await card(page, 'WEB-2').click();
      await page.waitForURL((url) => url.searchParams.get('task') === 'WEB-2');
      const panel = drawer(page);
      await panel.getByRole('heading', { name: 'Write the launch copy' }).waitFor();

      await panel.getByRole('button', { name: 'Add dependency' }).click();
      await panel.getByRole('combobox', { name: 'Find the task this one depends on' }).fill('landing');
      await panel.getByRole('option', { name: /WEB-1/ }).click();
      await page.getByText('WEB-2 now depends on WEB-1').waitFor();
      await panel.getByText('This task waits for a task that is not done yet.').waitFor();
      await card(page, 'WEB-2').getByText('Blocked').waitFor();

      // Esc closes the drawer; quick filters live in the URL; swimlanes split the board.
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Blocked', exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('blocked')).toBe('true');
      await expect
        .poll(() =>
          page
            .locator('[data-task-key]')
            .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-task-key'))),
        )
        .toEqual(['WEB-2']);
      await page.getByRole('button', { name: 'Blocked', exact: true }).click();
      await card(page, 'WEB-1').waitFor();
      await page.getByRole('combobox', { name: 'Swimlanes' }).selectOption({ label: 'By assignee' });
      await page.getByRole('region', { name: 'Unassigned' }).waitFor();
      expect(new URL(page.url()).searchParams.get('lanes')).toBe('assignee');
      await page.getByRole('combobox', { name: 'Swimlanes' }).selectOption({ label: 'No swimlanes' });
      await card(page, 'WEB-2').click();
      await panel.getByRole('heading', { name: 'Write the launch copy' }).waitFor();

      // WEB-1 depending on WEB-2 would close a loop: refused, naming it.
      await panel.getByRole('link', { name: 'WEB-1' }).click();
      await page.waitForURL((url) => url.searchParams.get('task') === 'WEB-1');
      await panel.getByRole('heading', { name: 'Design the landing page' }).waitFor();
      await panel.getByRole('button', { name: 'Add dependency' }).click();
      await panel.getByRole('combobox', { name: 'Find the task this one depends on' }).fill('WEB-2');
      await panel.getByRole('option', { name: /WEB-2/ }).click();
      const cycle = panel.getByRole('alert').filter({ hasText: 'would make a cycle' });
      await cycle.waitFor();
      expect(await cycle.innerText()).toMatch(/WEB-1 → WEB-2 → WEB-1|WEB-2 → WEB-1 → WEB-2/);

      // Shipping WEB-1 unblocks WEB-2.
      await panel.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Shipped' });
      await card(column(page, 'Shipped'), 'WEB-1').waitFor();
      await expect.poll(() => card(page, 'WEB-2').getByText('Blocked').count(), { timeout: 10_000 }).toBe(0);
      await panel.getByText(/changed status from Review to Shipped/).waitFor();

      await panel.getByRole('button', { name: 'Close task' }).click();
      await panel.waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('task')).toBeNull();
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'refuses a stale edit from a second tab with a clear message and shows the current version',
    async () => {
      const first = ada.page;
      await openBoard(first, '?task=WEB-3');
      const panel = drawer(first);
      await panel.getByRole('button', { name: /^Title: Set up analytics/ }).click();
      await panel.getByRole('textbox', { name: 'Title' }).fill('Set up privacy-friendly analytics');

      // Meanwhile, in a second tab, the same task gets another title.
      const second = await ada.context.newPage();
      await second.goto('/tasks/WEB-3');
      await second.getByRole('button', { name: /^Title: Set up analytics/ }).click();
      await second.getByRole('textbox', { name: 'Title' }).fill('Set up analytics with Plausible');
      await second.getByRole('textbox', { name: 'Title' }).press('Enter');
      await second.getByRole('heading', { name: 'Set up analytics with Plausible' }).waitFor();

      // The first tab's edit was based on the old version: refused, and the new title shows.
      const refused = first.waitForResponse(
        (res) =>
          /\/api\/v1\/tasks\/[^/]+$/.test(new URL(res.url()).pathname) && res.request().method() === 'PUT',
      );
      await panel.getByRole('textbox', { name: 'Title' }).press('Enter');
      expect((await refused).status()).toBe(409);
      await panel.getByText(STALE_EDIT_MESSAGE).waitFor();
      await panel.getByRole('heading', { name: 'Set up analytics with Plausible' }).waitFor();
      await screenshot(first, 'task-drawer-conflict');

      // Re-applied on the current version, it saves.
      await panel.getByRole('button', { name: /^Title: Set up analytics with Plausible/ }).click();
      await panel.getByRole('textbox', { name: 'Title' }).fill('Set up privacy-friendly analytics');
      await panel.getByRole('textbox', { name: 'Title' }).press('Enter');
      await panel.getByRole('heading', { name: 'Set up privacy-friendly analytics' }).waitFor();
      await second
        .getByRole('heading', { name: 'Set up privacy-friendly analytics' })
        .waitFor({ timeout: 15_000 });
      await second.close();
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
