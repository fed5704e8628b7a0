import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Mailbox } from '@pm/kernel/testing';
import { seedAccounts } from './accounts.ts';
import { Api } from './api.ts';
import { measureHttpBaseline } from './baseline.ts';
import type { BenchOptions } from './options.ts';
import type { SectionResult } from './report.ts';
import { checkWrites, runScenarios, samplePools, scenarioInputs } from './scenario-run.ts';
import { seedTasks, type SqlExecutor } from './seed-tasks.ts';
import { benchServerEnv, RAISED_LIMITS_NOTE, startServer, type ChildServer } from './server.ts';

/** The embedded database is the server's alone while it runs: the bench opens it between runs. */
async function withEmbeddedDatabase<T>(dataDir: string, use: (db: SqlExecutor) => Promise<T>): Promise<T> {
  const pglite = new PGlite(join(dataDir, 'db'));
  await pglite.waitReady;
  try {
    return await use(pglite);
  } finally {
    await pglite.close();
  }
}

/** The default install: no DATABASE_URL, no REDIS_URL (PGlite, in-memory cache), at lower load. */
export async function runEmbedded(
  options: BenchOptions,
  mailbox: Mailbox,
  runId: string,
  log: (line: string) => void,
): Promise<SectionResult> {
  const shape = options.embedded;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-embedded-'));
  const env = benchServerEnv(mailbox.url, dataDir);
  let server: ChildServer | undefined;
  try {
    log(`Embedded run (PGlite) in ${dataDir}`);
    server = await startServer(env);
    log('  server ready');
    const world = await seedAccounts(new Api(server.url), mailbox, shape, `${runId}e`);
    await server.stop();
    server = undefined;
    const pools = await withEmbeddedDatabase(dataDir, async (db) => {
      const timings = await seedTasks([db], world);
      log(
        `  ${shape.largeTasks.toLocaleString('en')} tasks seeded: ${((timings.tasksMs + timings.relationsMs + timings.vacuumMs) / 1000).toFixed(1)} s`,
      );
      return samplePools(db, world, { get: 2_000, status: 4_000 });
    });
    server = await startServer(env);
    log('  server ready again on the seeded data');
    const api = new Api(server.url);
    const inputs = await scenarioInputs(api, world, pools, `${runId}e`);
    const httpBaseline = await measureHttpBaseline(inputs.firstPage, shape);
    const { rows } = await runScenarios(server.url, world, inputs, {
      shape,
      mixedDurationSec: shape.durationSec,
      serverPid: server.pid,
      log,
    });
    await server.stop();
    server = undefined;
    const writes = await withEmbeddedDatabase(dataDir, (db) => checkWrites(db, inputs.ledger));
    return {
      title: `Embedded default (PGlite, in-process cache), ${shape.largeTasks.toLocaleString('en')}-task project`,
      httpBaseline,
      rows,
      writes,
      notes: [RAISED_LIMITS_NOTE],
    };
  } finally {
    await server?.stop();
    if (!options.keep) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
