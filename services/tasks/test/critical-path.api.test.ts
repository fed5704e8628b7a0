import { injectTransport } from '@pm/kernel';
import type { TestApp } from '@pm/kernel/testing';
import type { Project } from '@pm/projects/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CriticalPath } from '../src/contract/critical-path.http.ts';
import type { Task } from '../src/contract/http.ts';
import { createTasksClient } from '../src/contract/index.ts';
import { api, createProject, createTask, signUp, startTasks, type TestUser } from './helpers.ts';

// A Monday.
const TODAY = '2030-06-10';

describe('critical path of a project and of a milestone', () => {
  let test: TestApp;
  let owner: TestUser;
  let project: Project;
  let milestoneId: string;
  const tasks: Record<string, Task> = {};

  const link = async (task: Task, blocker: Task, type = 'finish_to_start') => {
    const res = await api(test, 'POST', `/tasks/${task.id}/dependencies`, {
      token: owner.token,
      body: { depends_on_task_id: blocker.id, dependency_type: type },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const plan = async (url: string, token = owner.token) => {
    const res = await api(test, 'GET', url, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<CriticalPath>();
  };

  beforeAll(async () => {
    test = await startTasks();
    owner = await signUp(test);
    project = await createProject(test, owner, { name: 'Launch', key: 'LCH' });
    const milestone = await api(test, 'POST', `/projects/${project.id}/milestones`, {
      token: owner.token,
      body: { title: 'Beta' },
    });
    expect(milestone.statusCode, milestone.body).toBe(201);
    milestoneId = milestone.json<{ id: string }>().id;
    const specs: [string, Record<string, unknown>][] = [
      ['Design', { estimated_hours: 16 }],
      ['Build', { estimated_hours: 24 }],
      ['Docs', {}],
      ['Research', { estimated_hours: 40, status: 'done' }],
    ];
    for (const [title, spec] of specs) {
      tasks[title] = await createTask(test, owner, project.id, { title, ...spec });
    }
    // The milestone is known to the tasks service once its event arrives.
    await vi.waitFor(
      async () => {
        tasks['Beta release'] = await createTask(test, owner, project.id, {
          title: 'Beta release',
          estimated_hours: 8,
          milestone_id: milestoneId,
        });
      },
      { timeout: 10_000, interval: 50 },
    );
    await link(tasks['Build']!, tasks['Design']!);
    await link(tasks['Design']!, tasks['Research']!);
    await link(tasks['Beta release']!, tasks['Design']!);
  });
  afterAll(async () => test.close());

  it('plans the open tasks over working days and names the critical chain, the same on both routes', async () => {
    const result = await plan(`/projects/${project.id}/critical-path?today=${TODAY}`);
    expect(result).toMatchObject({
      project_id: project.id,
      milestone_id: null,
      earliest_finish: '2030-06-14',
      duration_days: 5,
      path: [
        { task_id: tasks['Design']!.id, key: tasks['Design']!.key, title: 'Design' },
        { task_id: tasks['Build']!.id, key: tasks['Build']!.key, title: 'Build' },
      ],
    });
    const byTitle = Object.fromEntries(result.tasks.map((t) => [t.title, t]));
    expect(Object.keys(byTitle).sort()).toEqual(['Beta release', 'Build', 'Design', 'Docs']);
    expect(byTitle['Build']).toMatchObject({
      duration_days: 3,
      earliest_start: '2030-06-12',
      earliest_finish: '2030-06-14',
      critical: true,
      slack_days: 0,
    });
    expect(byTitle['Beta release']).toMatchObject({
      earliest_start: '2030-06-12',
      slack_days: 2,
      critical: false,
    });
    expect(byTitle['Docs']).toMatchObject({ duration_days: 1, latest_start: '2030-06-14', slack_days: 4 });
    expect(result.assumptions).toContainEqual(expect.stringContaining('1 done task counts as finished'));
    expect(await plan(`/tasks/critical-path?project_id=${project.id}&today=${TODAY}`)).toEqual(result);
    const client = createTasksClient(injectTransport(test.app));
    expect(await client.criticalPath(owner.token, { project_id: project.id, today: TODAY })).toEqual(result);
  });

  it("plans one milestone, taking its tasks' outside predecessors as fixed constraints", async () => {
    const result = await plan(
      `/tasks/critical-path?project_id=${project.id}&milestone_id=${milestoneId}&today=${TODAY}`,
    );
    expect(result.milestone_id).toBe(milestoneId);
    expect(result.tasks.map((t) => t.title)).toEqual(['Beta release']);
    // Design (2 days, outside the milestone) comes first: the release starts on Wednesday.
    expect(result).toMatchObject({ earliest_finish: '2030-06-12', duration_days: 3 });
    expect(result.path.map((p) => p.title)).toEqual(['Beta release']);
    expect(result.assumptions).toContainEqual(expect.stringContaining(tasks['Design']!.key));
  });

  it('starts from the next working day when asked on a weekend, and from today by default', async () => {
    const saturday = await plan(`/projects/${project.id}/critical-path?today=2030-06-08`);
    expect(saturday.earliest_finish).toBe('2030-06-14');
    const now = await plan(`/projects/${project.id}/critical-path`);
    expect(now.duration_days).toBe(5);
  });

  it('answers 404 outside the project and 400 to bad scopes, naming the field', async () => {
    const stranger = await signUp(test);
    const hidden = await api(test, 'GET', `/projects/${project.id}/critical-path`, { token: stranger.token });
    expect(hidden.statusCode).toBe(404);
    const elsewhere = await createProject(test, owner, { name: 'Elsewhere' });
    const foreignMilestone = await api(
      test,
      'GET',
      `/projects/${elsewhere.id}/critical-path?milestone_id=${milestoneId}`,
      {
        token: owner.token,
      },
    );
    expect(foreignMilestone.statusCode).toBe(400);
    expect(foreignMilestone.json().errors).toEqual([expect.objectContaining({ field: 'milestone_id' })]);
    const noProject = await api(test, 'GET', '/tasks/critical-path', { token: owner.token });
    expect(noProject.statusCode).toBe(400);
    expect(noProject.json().errors).toEqual([expect.objectContaining({ field: 'querystring.project_id' })]);
  });
});
