import { injectTransport } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../src/contract/http.ts';
import { createTasksClient } from '../src/contract/index.ts';
import type { MyWork } from '../src/contract/my-work.http.ts';
import { dateOf } from '../src/domain/calendar.ts';
import {
  api,
  createProject,
  createTask,
  joinOrganization,
  signUp,
  startTasks,
  type TestUser,
} from './helpers.ts';

const TODAY = '2030-06-10';

describe('GET /my-work', () => {
  let test: TestApp;
  let me: TestUser;
  let colleague: TestUser;
  let mine: Project;

  const myWork = async (query = `today=${TODAY}`, user = me) => {
    const res = await api(test, 'GET', `/my-work?${query}`, { token: user.token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<MyWork>();
  };
  const titlesByGroup = (work: MyWork) =>
    Object.fromEntries(work.groups.map((g) => [g.key, g.tasks.map((t: Task) => t.title)]));

  beforeAll(async () => {
    test = await startTasks();
    me = await signUp(test);
    colleague = await signUp(test);
    mine = await createProject(test, me, { name: 'Mine', key: 'MINE' });
    // The colleague's organization makes me an admin, so I can be assigned in its projects.
    await joinOrganization(test, me, colleague.orgId, 'admin');
    const theirs = await createProject(test, colleague, { name: 'Theirs', key: 'THEIRS' });
    const assigned = (title: string, due: string | null, extra: Record<string, unknown> = {}) =>
      createTask(test, me, mine.id, { title, due_date: due, assigned_to: me.id, ...extra });
    await assigned('Overdue', '2030-06-01');
    await assigned('Today, low', TODAY, { priority: 'low' });
    await assigned('Today, urgent', TODAY, { priority: 'urgent' });
    await assigned('In a week', '2030-06-17');
    await assigned('Next month', '2030-07-01');
    await assigned('Someday', null);
    await assigned('Finished', '2030-06-02', { status: 'done' });
    await createTask(test, me, mine.id, { title: 'Not mine', due_date: TODAY });
    await createTask(test, colleague, theirs.id, {
      title: 'Elsewhere',
      due_date: '2030-06-12',
      assigned_to: me.id,
    });
  });
  afterAll(async () => test.close());

  it('groups my open tasks across projects by due date, each group by date then priority', async () => {
    const work = await myWork();
    expect(work.truncated).toBe(false);
    expect(titlesByGroup(work)).toEqual({
      overdue: ['Overdue'],
      today: ['Today, urgent', 'Today, low'],
      this_week: ['Elsewhere', 'In a week'],
      later: ['Next month'],
      no_date: ['Someday'],
    });
    const client = createTasksClient(injectTransport(test.app));
    expect(await client.myWork(me.token, { today: TODAY })).toEqual(work);
    const task = work.groups[0]!.tasks[0]!;
    expect(task).toMatchObject({ key: 'MINE-1', assigned_to: me.id, subtasks: { total: 0, done: 0 } });
  });

  it('includes done tasks when asked', async () => {
    const work = await myWork(`today=${TODAY}&include_done=true`);
    expect(titlesByGroup(work).overdue).toEqual(['Overdue', 'Finished']);
  });

  it("uses the server's UTC date when the client sends none", async () => {
    const today = dateOf(new Date());
    await createTask(test, me, mine.id, { title: 'Due now', due_date: today, assigned_to: me.id });
    const work = await myWork('');
    expect(work.groups.find((g) => g.key === 'today')!.tasks.map((t) => t.title)).toContain('Due now');
  });

  it('shows only what I can still see: tasks of an archived project drop out', async () => {
    const other = await myWork(`today=${TODAY}`, colleague);
    expect(other.groups.flatMap((g) => g.tasks)).toEqual([]);
    const archive = await api(test, 'POST', `/projects/${mine.id}/archive`, { token: me.token });
    expect(archive.statusCode, archive.body).toBe(200);
    await expect
      .poll(async () => titlesByGroup(await myWork()).overdue, { timeout: 10_000, interval: 20 })
      .toEqual([]);
    expect(titlesByGroup(await myWork()).this_week).toEqual(['Elsewhere']);
  });

  it('rejects a date that is not a calendar date and unknown parameters, naming them', async () => {
    const bad = await api(test, 'GET', '/my-work?today=2030-02-30', { token: me.token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'querystring.today' })]);
    const unknown = await api(test, 'GET', '/my-work?assignee=someone', { token: me.token });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('assignee');
    expect((await api(test, 'GET', '/my-work')).statusCode).toBe(401);
  });
});
