import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type ApiCall } from './support/api.ts';
import type { Visitor } from './support/browser-contexts.ts';
import { startTwoPersonSuite, type TwoPersonSuite, type Workspace } from './support/workspace.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 180_000;

interface Entry {
  id: string;
  version: number;
  start_time: string;
  entry_date: string;
  duration_minutes: number | null;
  task_id: string | null;
}

let suite: TwoPersonSuite;
let workspace: Workspace;
let api: ApiCall;
let grace: Visitor;
let task: { id: string; key: string };
/** What the timer logged (the first test), counted in the task's actual hours (the second). */
let timerMinutes = 90;
/**
 * Weeks back from this one that hold the timer's entry: 1 when the test runs in the first 90
 * minutes of a week (UTC, the people's time zone), as its start is moved 90 minutes back.
 */
let timerWeeksBack = 0;

const drawer = (page: Page) => page.getByRole('dialog', { name: /^Task / });
const timer = (page: Page) => page.getByRole('region', { name: 'Timer' });
/** The cell of a row (`WEB-1`) on a day, whatever the weekday is called. */
const cell = (page: Page, row: string, day: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${row} on \\w+ ${day}$`) });

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of a day's week (YYYY-MM-DD). */
function mondayOf(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** Clicks "Previous week" `weeks` times, each waiting for the week's title to change. */
async function goBack(page: Page, weeks: number): Promise<void> {
  const title = page.getByRole('heading', { level: 2 });
  for (let week = 0; week < weeks; week += 1) {
    const shown = await title.innerText();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await page.waitForURL((url) => url.searchParams.has('week'));
    await expect.poll(() => title.innerText()).not.toBe(shown);
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe('the timer and the weekly timesheet in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    suite = await startTwoPersonSuite({ name: 'Website Redesign', key: 'WEB' });
    ({ workspace, api, grace } = suite);
    task = await api<{ id: string; key: string }>(
      'POST',
      '/tasks',
      workspace.owner.token,
      { project_id: workspace.projectId, title: 'Build the pricing page', estimated_hours: 8 },
      201,
    );
    // The time service learns of the task and of Grace's membership from events: wait until it
    // lets her log time on the task (a timer stopped within its minute leaves nothing behind).
    const token = workspace.teammate.token;
    await eventually(() => api('POST', '/time-entries/timer/start', token, { task_id: task.id }, 201));
    const { entry } = await api<{ entry: Entry | null }>('POST', '/time-entries/timer/stop', token);
    if (entry) {
      await api('DELETE', `/time-entries/${entry.id}`, token, undefined, 204);
    }
  }, TEST_TIMEOUT_MS);

  afterAll(async () => suite?.close());

  it(
    'starts a timer from the task drawer, stops it in the app frame timer and shows it in the week',
    async () => {
      const page = grace.page;
      await page.goto(`/projects/${workspace.projectId}/board?task=${task.key}`);
      await drawer(page).getByRole('heading', { name: 'Build the pricing page' }).waitFor();
      await drawer(page).getByText('0 h of 8 h').waitFor();
      await drawer(page).getByRole('button', { name: 'Start timer' }).click();

      // The app frame's timer shows what runs, with a clock that counts.
      await timer(page).getByText(task.key).waitFor();
      await timer(page).getByText('Build the pricing page').waitFor();
      const clock = timer(page).getByLabel('Time running');
      const first = await clock.innerText();
      await expect.poll(() => clock.innerText(), { timeout: 5_000 }).not.toBe(first);
      await drawer(page).getByRole('button', { name: 'Stop timer' }).waitFor();

      // The API keeps whole minutes: move the timer's start 90 minutes back to get a real duration.
      const token = workspace.teammate.token;
      const { entry: running } = await api<{ entry: Entry }>('GET', '/time-entries/timer', token);
      expect(running.task_id).toBe(task.id);
      const start = new Date(Date.now() - 90 * 60_000);
      start.setUTCSeconds(0, 0);
      await api('PUT', `/time-entries/${running.id}`, token, {
        version: running.version,
        start_time: start.toISOString(),
      });

      // The drawer covers the page: close it, then work with the app frame's timer.
      await drawer(page).getByRole('button', { name: 'Close task' }).click();
      await drawer(page).waitFor({ state: 'detached' });
      await timer(page).getByLabel('Timer description').fill('Pricing table layout');
      await timer(page).getByLabel('Timer description').press('Enter');
      // Saved on top of the start changed behind the widget's back (no stale-version refusal).
      await eventually(async () => {
        const { entry } = await api<{ entry: Entry & { description: string | null } }>(
          'GET',
          '/time-entries/timer',
          token,
        );
        expect(entry.description).toBe('Pricing table layout');
      });
      await timer(page).getByRole('button', { name: 'Stop' }).click();
      await timer(page).getByRole('button', { name: 'Start timer' }).waitFor();
      const { items } = await api<{ items: Entry[] }>('GET', `/time-entries?task_id=${task.id}`, token);
      expect(items).toHaveLength(1);
      // 90 minutes, or 91 when the stop fell in the next minute.
      const logged = items[0]!.duration_minutes!;
      expect([90, 91]).toContain(logged);
      timerMinutes = logged;
      const shown = `1:${String(logged - 60).padStart(2, '0')}`;

      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Time' }).click();
      await page.getByRole('heading', { name: 'Timesheet' }).waitFor();
      const today = new Date().toISOString().slice(0, 10);
      timerWeeksBack = mondayOf(items[0]!.entry_date) < mondayOf(today) ? 1 : 0;
      await goBack(page, timerWeeksBack);
      await expect.poll(() => cell(page, task.key, items[0]!.entry_date).inputValue()).toBe(shown);
      await page.getByText(`Total ${shown}`, { exact: true }).waitFor();
      await screenshot(page, 'timesheet-this-week');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'fills the previous week in the grid, submits it, and the task shows its actual hours',
    async () => {
      const page = grace.page;
      await page.goto('/time');
      await page.getByRole('heading', { level: 2 }).waitFor();
      // The week before the timer's, so its rows start empty.
      await goBack(page, timerWeeksBack + 1);
      await page.getByRole('region', { name: 'Week' }).and(page.locator(':not([aria-busy])')).waitFor();

      // Add the task as a row, found by searching its title.
      await page.getByRole('button', { name: 'Add task' }).click();
      await page.getByRole('combobox', { name: 'Task to add' }).fill('pricing');
      await page.getByRole('option', { name: /Build the pricing page/ }).click();

      const { week_start_date: monday } = await api<{ week_start_date: string }>(
        'GET',
        `/timesheets?week=${new URL(page.url()).searchParams.get('week')}`,
        workspace.teammate.token,
      );
      const typed = ['2', '1:30', '2.5', '1h 30m', '0:45'];
      for (const [index, text] of typed.entries()) {
        const field = cell(page, task.key, addDays(monday, index));
        await field.fill(text);
        await field.press('Enter');
        await expect.poll(() => field.inputValue()).toBe(['2:00', '1:30', '2:30', '1:30', '0:45'][index]);
      }
      // 8:15 in all; an unreadable duration is refused in place.
      await page
        .getByRole('row', { name: /^Total/ })
        .getByText('8:15')
        .waitFor();
      const saturday = cell(page, task.key, addDays(monday, 5));
      await saturday.fill('lots');
      await saturday.press('Enter');
      await expect.poll(() => saturday.getAttribute('aria-invalid')).toBe('true');
      await saturday.press('Escape');

      await page.getByRole('button', { name: 'Submit week' }).click();
      await page.getByText('Submitted for approval').waitFor();
      await page.getByText('Submitted', { exact: true }).waitFor();
      await screenshot(page, 'timesheet-submitted');

      const sheet = await api<{ status: string; total_hours: number }>(
        'GET',
        `/timesheets?week=${monday}`,
        workspace.teammate.token,
      );
      expect(sheet).toMatchObject({ status: 'submitted', total_hours: 8.25 });

      // The task's actual hours: the timer's time + 8.25 h last week, against 8 h estimated.
      const actual = Number(((timerMinutes + 495) / 60).toFixed(2));
      await page
        .getByRole('link', { name: /Build the pricing page/ })
        .first()
        .click();
      // The drawer opens over the same week.
      await page.waitForURL(
        (url) => url.searchParams.get('task') === task.key && url.searchParams.has('week'),
      );
      await drawer(page).getByText(`${actual} h of 8 h`).waitFor({ timeout: 20_000 });
      await drawer(page).getByText('over estimate').waitFor();
      await screenshot(page, 'timesheet-task-actual');

      // The project's task list shows the same hours against the estimate, marked as over it.
      await page.goto(`/projects/${workspace.projectId}/list`);
      const row = page.getByRole('table', { name: 'Tasks' }).getByRole('row', { name: new RegExp(task.key) });
      const logged = row.getByTitle(`${actual} hours logged of 8 estimated (over the estimate)`);
      await logged.waitFor({ timeout: 20_000 });
      expect(await logged.locator('.hours-over').innerText()).toBe(String(actual));
      expect(await logged.innerText()).toContain(`${actual} / 8 h`);
      await screenshot(page, 'task-list-actual-hours');
    },
    TEST_TIMEOUT_MS,
  );
});
