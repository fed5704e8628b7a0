import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from './support/api.ts';
import type { Visitor } from './support/browser-contexts.ts';
import { startTwoPersonSuite, type TwoPersonSuite, type Workspace } from './support/workspace.ts';

// The SPA must be built first: `npm run build:web` (the test command does it).
const SCREENSHOTS = resolve(import.meta.dirname, '../test-results');
const TEST_TIMEOUT_MS = 120_000;

interface TaskRow {
  id: string;
  key: string;
  title: string;
  priority: string;
  estimated_hours: number | null;
  subtasks: { total: number; done: number };
}
interface TemplateRow {
  id: string;
  name: string;
  project_id: string | null;
  template_data: {
    title: string;
    priority?: string;
    tags?: string[];
    estimated_hours?: number | null;
    subtasks?: { title: string; priority?: string; estimated_hours?: number | null }[];
  };
}

let suite: TwoPersonSuite;
let workspace: Workspace;
let api: ApiCall;
let ada: Visitor;
let grace: Visitor;

const card = (page: Page, key: string) => page.getByRole('button', { name: new RegExp(`^${key}: `) });
const drawer = (page: Page) => page.getByRole('dialog', { name: /^Task / });

async function templates(token: string): Promise<TemplateRow[]> {
  const page = await api<{ items: TemplateRow[] }>(
    'GET',
    `/task-templates?project_id=${workspace.projectId}`,
    token,
  );
  return page.items;
}

describe('task templates in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    suite = await startTwoPersonSuite({ name: 'Customer Success', key: 'CS' });
    ({ workspace, api, ada, grace } = suite);
    const token = workspace.owner.token;
    const parent = await api<TaskRow>(
      'POST',
      '/tasks',
      token,
      {
        project_id: workspace.projectId,
        title: 'Onboard a customer',
        description: 'Everything a new customer needs in week one.',
        priority: 'high',
        tags: ['onboarding'],
        estimated_hours: 6,
      },
      201,
    );
    for (const [title, priority, estimate] of [
      ['Send the welcome pack', 'medium', 1],
      ['Run the kickoff call', 'urgent', 2],
    ] as const) {
      await api(
        'POST',
        '/tasks',
        token,
        {
          project_id: workspace.projectId,
          title,
          priority,
          estimated_hours: estimate,
          parent_task_id: parent.id,
        },
        201,
      );
    }
  }, TEST_TIMEOUT_MS);

  afterAll(async () => suite?.close());

  it(
    'saves a task with its sub-tasks as an organization template from the drawer',
    async () => {
      const page = ada.page;
      await page.goto(`/projects/${workspace.projectId}/board?task=CS-1`);
      await drawer(page).getByRole('heading', { name: 'Onboard a customer' }).waitFor();
      await drawer(page).getByRole('button', { name: 'Save as template' }).click();

      const dialog = page.getByRole('dialog', { name: 'Save as template' });
      await dialog.getByText('Includes 2 sub-tasks').waitFor();
      const name = dialog.getByLabel('Template name');
      expect(await name.inputValue()).toBe('Onboard a customer');
      // An empty name is refused in the form, next to the field.
      await name.fill('  ');
      await dialog.getByRole('button', { name: 'Save template' }).click();
      await dialog.getByText('Name the template').waitFor();

      await name.fill('Customer onboarding');
      await dialog.getByLabel('Description').fill('Welcome pack and kickoff');
      expect(await dialog.getByRole('radio', { name: /This project/ }).isChecked()).toBe(true);
      // Keyboard: the radios move with the arrow keys.
      await dialog.getByRole('radio', { name: /This project/ }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await dialog.getByRole('radio', { name: /Whole organization/ }).isChecked()).toBe(true);
      await page.screenshot({ path: resolve(SCREENSHOTS, 'task-template-save.png') });
      await dialog.getByRole('button', { name: 'Save template' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Saved template Customer onboarding').waitFor();

      const [saved] = await templates(workspace.owner.token);
      expect(saved).toMatchObject({
        name: 'Customer onboarding',
        project_id: null,
        template_data: {
          title: 'Onboard a customer',
          priority: 'high',
          tags: ['onboarding'],
          estimated_hours: 6,
          subtasks: [
            { title: 'Send the welcome pack', priority: 'medium', estimated_hours: 1 },
            { title: 'Run the kickoff call', priority: 'urgent', estimated_hours: 2 },
          ],
        },
      });
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'creates a task and its two sub-tasks from the template in the new-task dialog',
    async () => {
      // Grace, a member who did not write the template, may use it.
      const page = grace.page;
      await page.goto(`/projects/${workspace.projectId}/board`);
      // The first board of a fresh tab loads the whole app: give a busy machine time.
      await card(page, 'CS-1').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'New task' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'New task' });
      await dialog.getByLabel('From template').selectOption({ label: 'Customer onboarding' });
      const summary = dialog.getByRole('region', { name: 'Template Customer onboarding' });
      await summary.getByText('2 sub-tasks:').waitFor();
      await summary.getByText('Run the kickoff call').waitFor();
      expect(await dialog.getByLabel('Tags').count()).toBe(0);

      await dialog.getByLabel(/^Title/).fill('Onboard Acme Corp');
      await dialog.getByLabel('Due date').fill('2030-01-15');
      const applied = page.waitForResponse(
        (res) => res.url().endsWith('/apply') && res.request().method() === 'POST',
      );
      await dialog.getByRole('button', { name: 'Create task' }).click();
      const response = await applied;
      expect(response.status()).toBe(201);
      const task = (await response.json()) as TaskRow & { due_date: string };
      await dialog.waitFor({ state: 'detached' });

      expect(task).toMatchObject({
        title: 'Onboard Acme Corp',
        priority: 'high',
        estimated_hours: 6,
        due_date: '2030-01-15',
        subtasks: { total: 2, done: 0 },
      });
      const created = card(page, task.key);
      await created.waitFor();
      await created.getByText('0/2').waitFor();
      await page.screenshot({ path: resolve(SCREENSHOTS, 'task-template-applied.png'), fullPage: true });

      const children = await api<{ items: TaskRow[] }>(
        'GET',
        `/tasks?parent_task_id=${task.id}&sort=rank`,
        workspace.teammate.token,
      );
      expect(children.items.map((c) => [c.title, c.priority, c.estimated_hours])).toEqual([
        ['Send the welcome pack', 'medium', 1],
        ['Run the kickoff call', 'urgent', 2],
      ]);
      for (const child of children.items) {
        await card(page, child.key).waitFor();
      }
      expect(grace.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'renames and deletes the template on the project settings page',
    async () => {
      const page = ada.page;
      await page.goto(`/projects/${workspace.projectId}/settings`);
      const list = page.getByRole('list', { name: 'Task templates' });
      await list.getByText('Customer onboarding').waitFor();
      await list.getByText('Whole organization · 2 sub-tasks').waitFor();

      await list.getByRole('button', { name: 'Edit Customer onboarding' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit Customer onboarding' });
      await edit.getByLabel('Name').fill('Client onboarding');
      await edit.getByRole('button', { name: 'Save' }).click();
      await edit.waitFor({ state: 'detached' });
      await list.getByText('Client onboarding').waitFor();

      await list.getByRole('button', { name: 'Delete Client onboarding' }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete task template?' });
      await confirm.getByRole('button', { name: 'Delete template' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page.getByRole('heading', { name: 'No task templates yet' }).waitFor();
      expect(await templates(workspace.owner.token)).toEqual([]);
      expect(ada.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'offers edit and delete only on templates the viewer may change (a project admin, not an org admin)',
    async () => {
      await api(
        'PUT',
        `/projects/${workspace.projectId}/members/${workspace.teammate.id}`,
        workspace.owner.token,
        { role: 'admin' },
      );
      const data = { title: 'Prepare the release', subtasks: [{ title: 'Write the notes' }] };
      await api(
        'POST',
        '/task-templates',
        workspace.owner.token,
        { organization_id: workspace.organizationId, name: 'Release checklist', template_data: data },
        201,
      );
      await api(
        'POST',
        '/task-templates',
        workspace.owner.token,
        {
          organization_id: workspace.organizationId,
          project_id: workspace.projectId,
          name: 'Bug triage',
          template_data: { title: 'Triage a bug' },
        },
        201,
      );

      const page = grace.page;
      await page.goto(`/projects/${workspace.projectId}/settings`);
      const list = page.getByRole('list', { name: 'Task templates' });
      const own = list.getByRole('listitem', { name: 'Bug triage' });
      const shared = list.getByRole('listitem', { name: 'Release checklist' });
      await own.getByText('This project · 0 sub-tasks').waitFor();
      await shared.getByText('Whole organization · 1 sub-task').waitFor();
      // A project admin changes any of the project's templates, but only org admins or the
      // author change an organization template.
      await own.getByRole('button', { name: 'Edit Bug triage' }).waitFor();
      expect(await shared.getByRole('button').count()).toBe(0);
      expect(grace.errors).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
