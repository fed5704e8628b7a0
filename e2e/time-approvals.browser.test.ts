import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type ApiCall } from './support/api.ts';
import type { Visitor } from './support/browser-contexts.ts';
import { startTwoPersonSuite, type TwoPersonSuite, type Workspace } from './support/workspace.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 120_000;

let suite: TwoPersonSuite;
let workspace: Workspace;
let api: ApiCall;
let ada: Visitor;

interface Entry {
  id: string;
  version: number;
}

/** The Monday `weeksAgo` weeks before this week's (UTC: the teammate has no time zone set). */
function mondayWeeksAgo(weeksAgo: number): string {
  const now = new Date();
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const monday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - sinceMonday - 7 * weeksAgo),
  );
  return monday.toISOString().slice(0, 10);
}

const at = (day: string, hour: number, minute = 0, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  date.setUTCHours(hour, minute);
  return date.toISOString();
};

function logTime(body: Record<string, unknown>): Promise<Entry> {
  return api<Entry>('POST', '/time-entries', workspace.teammate.token, body, 201);
}

async function savedText(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

async function downloadFrom(page: Page, button: string): Promise<Download> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return download;
}

describe('timesheet approvals and time reports in the browser', () => {
  const lastWeek = mondayWeeksAgo(1);
  const weekBefore = mondayWeeksAgo(2);
  let lockedEntry: Entry;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    suite = await startTwoPersonSuite({ name: 'Website Redesign', key: 'WEB' });
    ({ workspace, api, ada } = suite);
    // The time service learns of the project and its members from events.
    lockedEntry = await eventually(() =>
      logTime({
        project_id: workspace.projectId,
        start_time: at(lastWeek, 9),
        end_time: at(lastWeek, 12),
        description: 'Landing page layout',
        billable: true,
      }),
    );
    await logTime({
      project_id: workspace.projectId,
      start_time: at(lastWeek, 13, 0, 1),
      end_time: at(lastWeek, 14, 30, 1),
      description: 'Team sync',
      billable: false,
    });
    await logTime({
      project_id: workspace.projectId,
      start_time: at(weekBefore, 10, 0, 2),
      end_time: at(weekBefore, 12, 0, 2),
      description: 'Kick-off workshop',
      billable: true,
    });
    const submit = { organization_id: workspace.organizationId };
    await api('POST', '/timesheets', workspace.teammate.token, { ...submit, week: lastWeek }, 201);
    await api('POST', '/timesheets', workspace.teammate.token, { ...submit, week: weekBefore }, 201);
  }, TEST_TIMEOUT_MS);

  afterAll(async () => suite?.close());

  it(
    'the admin reviews a submitted week and approves it; its entries are locked until reopened',
    async () => {
      const page = ada.page;
      await page.goto('/time/approvals');
      const list = page.getByRole('table').first();
      await list.getByRole('button', { name: 'Grace Hopper' }).nth(1).waitFor();

      // Newest week first: last week's.
      await list.getByRole('button', { name: 'Grace Hopper' }).first().click();
      const review = page.getByRole('region', { name: 'Timesheet of Grace Hopper' });
      await review.getByText('4.5 h total, 3 h billable').waitFor();
      const byProject = review.getByRole('table', { name: 'Hours by project and day' });
      await byProject
        .getByRole('row', { name: /Website Redesign/ })
        .getByText('4:30')
        .waitFor();
      await review.getByRole('list', { name: 'Entries' }).getByText('Landing page layout').waitFor();
      await review.getByRole('list', { name: 'History' }).getByText('Submitted').waitFor();

      await review.getByRole('button', { name: 'Approve' }).click();
      await review.getByText('Approved', { exact: true }).first().waitFor();
      await page.getByText('Approved the week of Grace Hopper').waitFor();
      expect(await review.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'time-approvals.png'), fullPage: true });

      // The week is locked: the teammate's edit is refused, naming the lock.
      const refused = await fetch(`${suite.server.url}/api/v1/time-entries/${lockedEntry.id}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${workspace.teammate.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ version: lockedEntry.version, description: 'Changed after approval' }),
      });
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ code: 'TIME_WEEK_LOCKED' });

      // In her timesheet the week says it is locked, and an edit there is refused with the reason.
      const sheet = suite.grace.page;
      await sheet.goto(`/time?week=${lastWeek}`);
      await sheet.getByText('This week is approved and locked').waitFor();
      const mondayCell = sheet.getByRole('textbox', { name: new RegExp(` on \\w+ ${lastWeek}$`) });
      expect(await mondayCell.inputValue()).toBe('3:00');
      await mondayCell.fill('4');
      await mondayCell.press('Enter');
      await sheet.getByText('That change was refused').waitFor();
      await sheet.getByText(`The week of ${lastWeek} is approved and locked`).waitFor();
      expect(
        (
          await api<Entry & { duration_minutes: number }>(
            'GET',
            `/time-entries/${lockedEntry.id}`,
            workspace.teammate.token,
          )
        ).duration_minutes,
      ).toBe(180);

      // Reopened (with a reason kept in the history), the week takes edits again.
      await review.getByRole('button', { name: 'Reopen…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reopen timesheet' });
      await dialog.getByLabel('Reason').fill('Grace asked to fix a description');
      await dialog.getByRole('button', { name: 'Reopen' }).click();
      await dialog.waitFor({ state: 'detached' });
      await review.getByText('Reopened', { exact: true }).first().waitFor();
      await review.getByText('Grace asked to fix a description').waitFor();
      await api('PUT', `/time-entries/${lockedEntry.id}`, workspace.teammate.token, {
        version: lockedEntry.version,
        description: 'Landing page layout (fixed)',
      });
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the admin rejects a week with a reason the person sees',
    async () => {
      const page = ada.page;
      await page.goto('/time/approvals');
      const list = page.getByRole('table').first();
      await list.getByRole('button', { name: 'Grace Hopper' }).first().waitFor();
      expect(await list.getByRole('button', { name: 'Grace Hopper' }).count()).toBe(1);
      await list.getByRole('button', { name: 'Grace Hopper' }).click();
      const review = page.getByRole('region', { name: 'Timesheet of Grace Hopper' });
      await review.getByText('2 h total, 2 h billable').waitFor();

      await review.getByRole('button', { name: 'Reject…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Reject timesheet' });
      const reject = dialog.getByRole('button', { name: 'Reject' });
      expect(await reject.isDisabled()).toBe(true);
      await dialog.getByLabel('Reason').fill('Split the workshop into prep and session');
      await reject.click();
      await dialog.waitFor({ state: 'detached' });
      await review.getByText('Rejected', { exact: true }).first().waitFor();

      const week = await api<{ status: string; rejection_reason: string }>(
        'GET',
        `/timesheets?week=${weekBefore}&organization_id=${workspace.organizationId}`,
        workspace.teammate.token,
      );
      expect(week).toMatchObject({
        status: 'rejected',
        rejection_reason: 'Split the workshop into prep and session',
      });
      // Nothing waits any more.
      await page.getByRole('heading', { name: 'Nothing to approve' }).waitFor();
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the reports page charts the hours and downloads the entries and the grouped report as CSV',
    async () => {
      const page = ada.page;
      await page.goto('/time/reports');
      await page.getByText('6.5 h logged, 5 h billable').waitFor();
      for (const title of [
        'Hours per project per week',
        'Hours per person per week',
        'Billable and non-billable hours per week',
      ]) {
        const chart = page.getByRole('figure', { name: title });
        await chart.locator('.recharts-bar-rectangle').first().waitFor();
      }
      const table = page.getByRole('table', { name: 'Hours by project' });
      await table
        .getByRole('row', { name: /Website Redesign/ })
        .getByText('6.5 h')
        .waitFor();

      await page.screenshot({ path: resolve(SCREENSHOTS, 'time-reports.png'), fullPage: true });
      const entries = await savedText(await downloadFrom(page, 'Download entries (CSV)'));
      expect(entries.startsWith('\uFEFFdate,start,end,time_zone')).toBe(true);
      expect(entries).toContain('Landing page layout (fixed)');
      expect(entries).toContain('Kick-off workshop');

      // Grouped by person, billable only: the table and the file follow the filters.
      await page.getByLabel('Group by').selectOption({ label: 'Person' });
      await page.getByLabel('Billable', { exact: true }).selectOption({ label: 'Billable only' });
      const people = page.getByRole('table', { name: 'Hours by person' });
      await people
        .getByRole('row', { name: /Grace Hopper/ })
        .getByText('5 h')
        .first()
        .waitFor();
      const report = await savedText(await downloadFrom(page, 'Download report (CSV)'));
      const lines = report.replace('\uFEFF', '').trim().split('\r\n');
      expect(lines[0]).toBe('user,label,time_zones,minutes,hours,billable_hours');
      expect(lines).toContain(`${workspace.teammate.id},,UTC,300,5,5`);
      expect(lines.at(-1)).toBe('total,,UTC,300,5,5');
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the admin sets, changes and deletes an hourly rate; bad input is refused field by field',
    async () => {
      const page = ada.page;
      await page.goto('/time/rates');
      await page.getByRole('navigation', { name: 'Time' }).getByRole('link', { name: 'Rates' }).waitFor();
      await page.getByRole('heading', { name: 'No hourly rates yet' }).waitFor();
      await page.getByText('Approved timesheets freeze the rate in force').waitFor();

      const form = page.getByRole('form', { name: 'Add a rate' });
      await form.getByLabel('Person').selectOption({ label: 'Grace Hopper' });
      expect(await form.getByLabel('Currency').inputValue()).toBe('USD');
      const rateField = form.getByLabel('Rate', { exact: true });
      await rateField.fill('-1');
      await form.getByRole('button', { name: 'Add rate' }).click();
      await form.getByText("A rate can't be negative").waitFor();
      expect(await rateField.getAttribute('aria-invalid')).toBe('true');

      await rateField.fill('85');
      await form.getByLabel('Effective from').fill(weekBefore);
      await form.getByRole('button', { name: 'Add rate' }).click();
      await page.getByText('$85.00 / h set for Grace Hopper').waitFor();
      const table = page.getByRole('table', { name: 'Hourly rates' });
      const row = table.getByRole('row', { name: /Default for all projects/ });
      await row.getByText('$85.00 / h').waitFor();
      await row.getByText('In force').waitFor();

      // The same person, project and day again: the API's field error shows at the date.
      await form.getByLabel('Person').selectOption({ label: 'Grace Hopper' });
      await rateField.fill('99');
      await form.getByLabel('Effective from').fill(weekBefore);
      await form.getByRole('button', { name: 'Add rate' }).click();
      await form.getByText('Effective from already has a rate for this person and project').waitFor();

      await table.getByRole('button', { name: /^Edit Grace Hopper's default rate/ }).click();
      const edit = page.getByRole('form', { name: /^Edit Grace Hopper's default rate/ });
      const editRate = edit.getByLabel('Rate', { exact: true });
      expect(await editRate.inputValue()).toBe('85');
      await editRate.fill('90.5');
      await edit.getByRole('button', { name: 'Save rate' }).click();
      await edit.waitFor({ state: 'detached' });
      await row.getByText('$90.50 / h').waitFor();
      const saved = await api<{ items: { rate: number; currency: string; version: number }[] }>(
        'GET',
        `/hourly-rates?organization_id=${workspace.organizationId}`,
        workspace.owner.token,
      );
      expect(saved.items).toEqual([expect.objectContaining({ rate: 90.5, currency: 'USD', version: 2 })]);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'time-rates.png'), fullPage: true });

      await table.getByRole('button', { name: /^Delete Grace Hopper's default rate/ }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this rate?' });
      await confirm.getByRole('button', { name: 'Delete rate' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'No hourly rates yet' }).waitFor();
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the admin sets the time tracking rules of the organization and they are kept',
    async () => {
      const page = ada.page;
      await page.goto('/organization/settings');
      const limit = page.getByLabel('Timer limit (hours)');
      expect(await limit.inputValue()).toBe('');
      await limit.fill('200');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Enter whole hours from 1 to 168, or leave it empty').waitFor();

      await limit.fill('8');
      await page.getByRole('switch', { name: 'Allow overlapping time entries' }).check();
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByText('Organization saved').waitFor();

      await page.reload();
      await expect.poll(() => page.getByLabel('Timer limit (hours)').inputValue()).toBe('8');
      expect(await page.getByRole('switch', { name: 'Allow overlapping time entries' }).isChecked()).toBe(
        true,
      );
      const organization = await api<{ settings: Record<string, unknown> }>(
        'GET',
        `/organizations/${workspace.organizationId}`,
        workspace.owner.token,
      );
      expect(organization.settings).toMatchObject({
        week_start: 'monday',
        allow_overlapping_time_entries: true,
        timer_limit_hours: 8,
      });
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
