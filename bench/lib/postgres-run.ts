import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Mailbox } from '@pm/kernel/testing';
import type pg from 'pg';
import { seedAccounts, type World } from './accounts.ts';
import { Api } from './api.ts';
import { measureHttpBaseline, measurePgBaseline } from './baseline.ts';
import { readCpu } from './cpu-watch.ts';
import { createBenchDatabase, deleteRedisKeys, REDIS_URL, type PostgresServer } from './database.ts';
import { measure, type LoadRow } from './load.ts';
import { memoryReport, type MemoryReport } from './memory.ts';
import type { BenchOptions } from './options.ts';
import type { SectionResult } from './report.ts';
import { checkWrites, runScenarios, samplePools, scenarioInputs } from './scenario-run.ts';
import { searchTerms, seedTasks, type SeedTimings } from './seed-tasks.ts';
import { benchServerEnv, RAISED_LIMITS_NOTE, startServer, type ChildServer } from './server.ts';
import { readWal } from './wal-watch.ts';
import { measureLiveUpdates, type LiveResult } from './websocket.ts';

export interface PostgresRunResult {
  section: SectionResult;
  seed: SeedTimings & { accountsMs: number };
  live: LiveResult;
  memory: MemoryReport;
  scale: { list: [LoadRow, LoadRow]; search: [LoadRow, LoadRow] };
  postgresServer: PostgresServer;
}

/** List and search on the medium project against the large one, at low concurrency. */
async function measureScale(server: ChildServer, world: World, options: BenchOptions['postgres']) {
  const shape = {
    connections: options.scaleConnections,
    durationSec: options.scaleDurationSec,
    warmupSec: Math.min(1, options.warmupSec),
  };
  const terms = searchTerms(50);
  const run = async (role: 'medium' | 'large', kind: 'list' | 'search') => {
    const project = world.projects.find((p) => p.role === role)!;
    const token = await world.owner.session.freshToken((shape.durationSec + shape.warmupSec) * 1000);
    const base = `/api/v1/projects/${project.id}/tasks?limit=25`;
    const paths = kind === 'list' ? [base] : terms.map((t) => `${base}&q=${encodeURIComponent(t)}`);
    let next = 0;
    const row = await measure(
      `scale: ${kind}, ${project.tasks.toLocaleString('en')} tasks`,
      server.url,
      () => [
        {
          method: 'GET',
          headers: { authorization: `Bearer ${token}` },
          setupRequest: (r) => ({ ...r, path: paths[next++ % paths.length]! }),
        },
      ],
      shape,
    );
    const { result: _result, ...printable } = row;
    return printable;
  };
  return {
    list: [await run('medium', 'list'), await run('large', 'list')] as [LoadRow, LoadRow],
    search: [await run('medium', 'search'), await run('large', 'search')] as [LoadRow, LoadRow],
  };
}

async function withClients<T>(
  connect: () => Promise<pg.Client>,
  count: number,
  use: (clients: pg.Client[]) => Promise<T>,
): Promise<T> {
  const clients = await Promise.all(Array.from({ length: count }, connect));
  try {
    return await use(clients);
  } finally {
    await Promise.all(clients.map((client) => client.end()));
  }
}

/** The all-in-one server on the machine's PostgreSQL and Redis, in a database of its own. */
export async function runOnPostgres(
  options: BenchOptions,
  mailbox: Mailbox,
  runId: string,
  log: (line: string) => void,
): Promise<PostgresRunResult> {
  const shape = options.postgres;
  const database = await createBenchDatabase(runId);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const redisPrefix = `bench_${runId}:`;
  let server: ChildServer | undefined;
  try {
    log(`PostgreSQL run: database ${database.name}, Redis prefix ${redisPrefix}`);
    server = await startServer({
      ...benchServerEnv(mailbox.url, dataDir),
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: redisPrefix,
    });
    log('  server ready');
    const api = new Api(server.url);
    const accountsStarted = performance.now();
    const world = await seedAccounts(api, mailbox, shape, runId);
    const accountsMs = Math.round(performance.now() - accountsStarted);
    log(
      `  accounts, organization, ${world.projects.length} projects and members: ${(accountsMs / 1000).toFixed(1)} s`,
    );
    const { seed, pools } = await withClients(database.connect, 2, async (clients) => {
      const timings = await seedTasks(clients, world);
      return { seed: timings, pools: await samplePools(clients[0]!, world, { get: 10_000, status: 20_000 }) };
    });
    log(`  tasks seeded: ${((seed.tasksMs + seed.indexesMs + seed.relationsMs) / 1000).toFixed(1)} s`);
    const inputs = await scenarioInputs(api, world, pools, runId);
    const httpBaseline = await measureHttpBaseline(inputs.firstPage, shape);
    log(`  node:http baseline: ${Math.round(httpBaseline.rps)} req/s`);
    const pgBaseline = await measurePgBaseline(database.url, inputs.project.id, shape);
    const running = server;
    const { rows, rssSamples, notes } = await withClients(database.connect, 1, ([client]) =>
      runScenarios(running.url, world, inputs, {
        shape,
        mixedDurationSec: shape.memoryDurationSec,
        serverPid: running.pid,
        log,
        readWal: () => readWal(client!),
        readCpu: () => readCpu(running.pid),
      }),
    );
    const liveProject = world.projects.find((p) => p.role === 'live')!;
    const tokens = await Promise.all(world.users.map((user) => user.session.freshToken(120_000)));
    const live = await measureLiveUpdates(api, {
      tokens,
      writerToken: await world.owner.session.freshToken(120_000),
      projectId: liveProject.id,
      runId,
      shape,
      drainMs: options.quick ? 1000 : 3000,
    });
    log(`  live updates: p99 ${live.p99.toFixed(1)} ms, ${live.lost + live.warmup.lost} lost`);
    const scale = await measureScale(server, world, shape);
    const memory = await memoryReport(server.pid, rssSamples, 3000);
    const writes = await withClients(database.connect, 1, ([client]) =>
      checkWrites(client!, inputs.ledger, live),
    );
    const postgresServer = await database.server();
    return {
      section: {
        title: `PostgreSQL ${postgresServer.version} + Redis, ${shape.largeTasks.toLocaleString('en')}-task project`,
        httpBaseline,
        rows: [pgBaseline, ...rows, ...scale.list, ...scale.search],
        writes,
        notes: [RAISED_LIMITS_NOTE, ...notes],
      },
      seed: { ...seed, accountsMs },
      live,
      memory,
      scale,
      postgresServer,
    };
  } finally {
    await server?.stop();
    await deleteRedisKeys(redisPrefix).catch(() => 0);
    if (!options.keep) {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    } else {
      log(`  kept database ${database.name} and ${dataDir}`);
    }
  }
}
