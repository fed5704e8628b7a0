import type autocannon from 'autocannon';
import type { BenchProject } from './accounts.ts';
import type { RequestPlan } from './load.ts';
import type { SampledTask } from './seed-tasks.ts';

/**
 * Writes sent and acknowledged (2xx), to compare with the rows afterwards. Requests still in flight
 * when a run stops are sent but unanswered: they may or may not have been applied.
 */
export interface WriteLedger {
  createsSent: number;
  /** Titles of acknowledged creations (each title is unique to its request). */
  createdTitles: string[];
  statusChangesSent: number;
  /** Acknowledged status changes per task id. */
  statusChanges: Map<string, number>;
}

export function emptyLedger(): WriteLedger {
  return { createsSent: 0, createdTitles: [], statusChangesSent: 0, statusChanges: new Map() };
}

/**
 * Status changes rotating over many tasks and the workflow: each request moves its task to the
 * status after the one it was last sent to, so every applied change is a real change (one activity
 * row), also after an unanswered request (the next one skips ahead, still to a different status).
 * The pool must be much larger than the connections so one task is never changed twice at once.
 */
export class StatusRotation {
  private next = 0;
  private readonly current: number[];

  constructor(
    private readonly tasks: SampledTask[],
    private readonly statuses: string[],
    private readonly ledger: WriteLedger,
  ) {
    this.current = tasks.map((task) => task.status);
  }

  request(headers: Record<string, string>): autocannon.Request {
    return {
      method: 'PUT',
      headers,
      setupRequest: (request, context) => {
        const index = this.next++ % this.tasks.length;
        const target = (this.current[index]! + 1) % this.statuses.length;
        this.current[index] = target;
        this.ledger.statusChangesSent += 1;
        (context as { taskId?: string }).taskId = this.tasks[index]!.id;
        return {
          ...request,
          path: `/api/v1/tasks/${this.tasks[index]!.id}/status`,
          body: JSON.stringify({ status: this.statuses[target] }),
        };
      },
      onResponse: (status, _body, context) => {
        const taskId = (context as { taskId?: string }).taskId;
        if (status >= 200 && status < 300 && taskId) {
          this.ledger.statusChanges.set(taskId, (this.ledger.statusChanges.get(taskId) ?? 0) + 1);
        }
      },
    };
  }
}

/** What the scenarios rotate over, gathered after seeding. */
export interface ScenarioInputs {
  runId: string;
  project: BenchProject;
  getPool: SampledTask[];
  statuses: StatusRotation;
  cursors: string[];
  searchTerms: string[];
  /** status × assignee pairs of the filtered list. */
  filters: { status: string; assignee: string }[];
  signIns: { email: string; password: string }[];
  ledger: WriteLedger;
}

function rotating(paths: string[], headers: Record<string, string>): autocannon.Request {
  let next = 0;
  return {
    method: 'GET',
    headers,
    setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
  };
}

/** The rows every run prints, in order. */
export const SCENARIO_NAMES = {
  list: 'list (25 a page)',
  filtered: 'list by status+assignee',
  nextPage: 'next page (cursor)',
  search: 'full-text search',
  get: 'get one task',
  create: 'create task',
  status: 'change status',
  mixed: 'mixed 80% read/20% write',
  signIn: 'sign-in',
} as const;

export interface Scenario {
  name: string;
  /** Reads, writes or sign-in: the bars differ. */
  kind: 'read' | 'write' | 'search' | 'sign-in' | 'mixed';
  plan(token: string): RequestPlan;
}

function auth(token: string, json = false): Record<string, string> {
  return { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) };
}

/** The request mixes of the issue, on one project. */
export function scenarios(inputs: ScenarioInputs): Scenario[] {
  const base = `/api/v1/projects/${inputs.project.id}/tasks`;
  const listPaths = [`${base}?limit=25`];
  const filteredPaths = inputs.filters.map(
    (f) => `${base}?limit=25&status=${f.status}&assignee=${f.assignee}`,
  );
  const pagePaths = inputs.cursors.map((cursor) => `${base}?limit=25&cursor=${cursor}`);
  const searchPaths = inputs.searchTerms.map((term) => `${base}?limit=25&q=${encodeURIComponent(term)}`);
  const getPaths = inputs.getPool.map((task) => `/api/v1/tasks/${task.id}`);
  let created = 0;
  const create = (token: string): autocannon.Request => ({
    method: 'POST',
    path: base,
    headers: auth(token, true),
    setupRequest: (request, context) => {
      const title = `Bench create ${inputs.runId} ${++created}`;
      inputs.ledger.createsSent += 1;
      (context as { title?: string }).title = title;
      return {
        ...request,
        body: JSON.stringify({
          title,
          description: 'Created by the benchmark: measures task creation under load.',
          priority: 'medium',
          tags: ['bench'],
        }),
      };
    },
    onResponse: (status, _body, context) => {
      const title = (context as { title?: string }).title;
      if (status >= 200 && status < 300 && title) {
        inputs.ledger.createdTitles.push(title);
      }
    },
  });
  let signIn = 0;
  const login: autocannon.Request = {
    method: 'POST',
    path: '/api/v1/auth/login',
    headers: { 'content-type': 'application/json' },
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify(inputs.signIns[signIn++ % inputs.signIns.length]),
    }),
  };
  return [
    { name: SCENARIO_NAMES.list, kind: 'read', plan: (t) => () => [rotating(listPaths, auth(t))] },
    { name: SCENARIO_NAMES.filtered, kind: 'read', plan: (t) => () => [rotating(filteredPaths, auth(t))] },
    { name: SCENARIO_NAMES.nextPage, kind: 'read', plan: (t) => () => [rotating(pagePaths, auth(t))] },
    { name: SCENARIO_NAMES.search, kind: 'search', plan: (t) => () => [rotating(searchPaths, auth(t))] },
    { name: SCENARIO_NAMES.get, kind: 'read', plan: (t) => () => [rotating(getPaths, auth(t))] },
    { name: SCENARIO_NAMES.create, kind: 'write', plan: (t) => () => [create(t)] },
    {
      name: SCENARIO_NAMES.status,
      kind: 'write',
      plan: (t) => () => [inputs.statuses.request(auth(t, true))],
    },
    {
      name: SCENARIO_NAMES.mixed,
      kind: 'mixed',
      plan: (t) => () => [
        rotating(listPaths, auth(t)),
        rotating(getPaths, auth(t)),
        rotating(filteredPaths, auth(t)),
        rotating(pagePaths, auth(t)),
        inputs.statuses.request(auth(t, true)),
      ],
    },
    { name: SCENARIO_NAMES.signIn, kind: 'sign-in', plan: () => () => [login] },
  ];
}
