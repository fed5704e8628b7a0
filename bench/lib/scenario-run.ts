import type { World } from './accounts.ts';
import type { Api } from './api.ts';
import { measure, type LoadRow, type LoadShape } from './load.ts';
import { sampleRssDuring } from './memory.ts';
import {
  emptyLedger,
  scenarios,
  StatusRotation,
  type ScenarioInputs,
  type WriteLedger,
} from './scenarios.ts';
import { sampleTasks, searchTerms, type SampledTask, type SqlExecutor } from './seed-tasks.ts';
import type { WriteCheck } from './report.ts';
import { cpuText, type CpuReading } from './cpu-watch.ts';
import { walText, type WalReading } from './wal-watch.ts';

/**
 * Tasks of the large project the load rotates over, read from the database after seeding. The
 * offsets keep the two pools apart and off the numbers that carry sub-tasks (n % 50 = 2) and
 * dependencies (n % 100 = 0), so neither pool is all of one kind.
 */
export interface TaskPools {
  get: SampledTask[];
  status: SampledTask[];
}

export async function samplePools(
  db: SqlExecutor,
  world: World,
  sizes: { get: number; status: number },
): Promise<TaskPools> {
  const large = world.projects.find((p) => p.role === 'large')!;
  return {
    get: await sampleTasks(db, large, sizes.get, 7),
    status: await sampleTasks(db, large, sizes.status, 13),
  };
}

/** Cursors of pages 2, 3, … of the default list, walked through the API as a client would. */
async function pageCursors(
  api: Api,
  token: string,
  projectId: string,
  pages: number,
): Promise<{ cursors: string[]; firstPage: string }> {
  const cursors: string[] = [];
  let firstPage = '';
  let cursor: string | null = null;
  for (let page = 0; page < pages; page += 1) {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const res = await api.call<{ items: unknown[]; next_cursor: string | null }>(
      'GET',
      `/projects/${projectId}/tasks?limit=25${query}`,
      { token },
    );
    firstPage ||= JSON.stringify(res.body);
    if (!res.body.next_cursor) {
      break;
    }
    cursor = res.body.next_cursor;
    cursors.push(cursor);
  }
  return { cursors, firstPage };
}

export async function scenarioInputs(
  api: Api,
  world: World,
  pools: TaskPools,
  runId: string,
): Promise<ScenarioInputs & { firstPage: string }> {
  const project = world.projects.find((p) => p.role === 'large')!;
  const ledger = emptyLedger();
  const { cursors, firstPage } = await pageCursors(api, world.owner.session.token, project.id, 21);
  const statusKeys = project.statuses.map((s) => s.key);
  const assignees = project.memberIds.slice(0, 20);
  return {
    runId,
    project,
    getPool: pools.get,
    statuses: new StatusRotation(pools.status, statusKeys, ledger),
    cursors,
    searchTerms: searchTerms(50),
    filters: assignees.flatMap((assignee) => statusKeys.map((status) => ({ status, assignee }))),
    signIns: world.users.map(({ email, password }) => ({ email, password })),
    ledger,
    firstPage,
  };
}

export interface ScenarioRunOptions {
  shape: LoadShape & { signInConnections: number };
  /** The mixed scenario runs this long, sampling the server's memory (the memory run). */
  mixedDurationSec: number;
  serverPid: number;
  log(line: string): void;
  /** Reads PostgreSQL's WAL and checkpoints around each measured run (walText), where there is one. */
  readWal?: () => Promise<WalReading>;
  /** Reads the CPU the processes used around each measured run (cpuText), where it can. */
  readCpu?: () => CpuReading | undefined;
}

/** Every scenario of the table, in order; the mixed one doubles as the long memory run. */
export async function runScenarios(
  url: string,
  world: World,
  inputs: ScenarioInputs,
  options: ScenarioRunOptions,
): Promise<{ rows: LoadRow[]; rssSamples: number[]; notes: string[] }> {
  const { readWal, readCpu } = options;
  const rows: LoadRow[] = [];
  const notes: string[] = [];
  let rssSamples: number[] = [];
  for (const scenario of scenarios(inputs)) {
    const shape =
      scenario.kind === 'sign-in'
        ? { ...options.shape, connections: options.shape.signInConnections }
        : scenario.kind === 'mixed'
          ? { ...options.shape, durationSec: options.mixedDurationSec }
          : options.shape;
    const token = await world.owner.session.freshToken((shape.durationSec + shape.warmupSec) * 1000);
    let walBefore: WalReading | undefined;
    let cpuBefore: CpuReading | undefined;
    const run = measure(scenario.name, url, scenario.plan(token), shape, {}, async () => {
      walBefore = await readWal?.();
      cpuBefore = readCpu?.();
    });
    const row =
      scenario.kind === 'mixed'
        ? await sampleRssDuring(options.serverPid, run).then(
            ({ value, samples }) => ((rssSamples = samples), value),
          )
        : await run;
    const cpuAfter = readCpu?.();
    const { result: _result, ...printable } = row;
    rows.push(printable);
    if (readWal && walBefore) {
      notes.push(walText(row.scenario, row.requests, walBefore, await readWal()));
    }
    if (cpuBefore && cpuAfter) {
      notes.push(cpuText(row.scenario, row.requests, cpuBefore, cpuAfter));
    }
    options.log(`  ${row.scenario}: ${Math.round(row.rps)} req/s, p99 ${row.p99} ms, ${row.errors} errors`);
  }
  return { rows, rssSamples, notes };
}

/** Each acknowledged write looked up afterwards: a created title with no row, or fewer status activity rows than acknowledged changes of a task, is a lost write. */
export async function checkWrites(
  db: SqlExecutor,
  ledger: WriteLedger,
  live?: { writes: number; warmup: { writes: number }; acknowledgedTitles: string[] },
): Promise<WriteCheck[]> {
  const found = async (titles: string[]) =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from tasks.tasks where title = any($1::text[])`,
        [titles],
      )
    ).rows[0]!.n;
  const ids = [...ledger.statusChanges.keys()];
  const { rows } = await db.query<{ task_id: string; n: number }>(
    `select task_id, count(*)::int as n from tasks.task_activity where field = 'status' and task_id = any($1::uuid[]) group by task_id`,
    [ids],
  );
  const perTask = new Map(rows.map((row) => [row.task_id, row.n]));
  const acknowledgedChanges = [...ledger.statusChanges.values()].reduce((sum, n) => sum + n, 0);
  const lostChanges = [...ledger.statusChanges].reduce(
    (sum, [id, n]) => sum + Math.max(0, n - (perTask.get(id) ?? 0)),
    0,
  );
  const checks: WriteCheck[] = [
    {
      what: 'created tasks',
      sent: ledger.createsSent,
      acknowledged: ledger.createdTitles.length,
      lost: ledger.createdTitles.length - (await found(ledger.createdTitles)),
    },
    {
      what: 'status changes',
      sent: ledger.statusChangesSent,
      acknowledged: acknowledgedChanges,
      lost: lostChanges,
    },
  ];
  if (live) {
    checks.push({
      what: 'live-update writes',
      sent: live.warmup.writes + live.writes,
      acknowledged: live.acknowledgedTitles.length,
      lost: live.acknowledgedTitles.length - (await found(live.acknowledgedTitles)),
    });
  }
  return checks;
}
