import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { measure, percentile, type LoadRow, type LoadShape } from './load.ts';
import { freePort, spawnTsx, stopChild } from './server.ts';

/** A bare node:http server (child process) answering `body`, measured like the scenarios. */
export async function measureHttpBaseline(body: string, shape: LoadShape): Promise<LoadRow> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-http-'));
  const bodyFile = join(folder, 'body.json');
  writeFileSync(bodyFile, body);
  const port = await freePort();
  const { child, output } = spawnTsx('bench/http-baseline-server.ts', [String(port), bodyFile], {});
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the node:http baseline did not start:\n${output()}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the node:http baseline exited:\n${output()}`)));
    });
    return await measure(
      `node:http baseline (${body.length} B)`,
      `http://127.0.0.1:${port}`,
      () => [{ method: 'GET', path: '/' }],
      shape,
    );
  } finally {
    await stopChild(child);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The list endpoint's query with its defaults (rank order, 25 a page + 1 to know whether a next
 * page exists): each task's JSON text as PostgreSQL keeps it (TASK_JSON in
 * services/tasks/src/data/task-fields.ts, written out here as it compiles) with the sort key, as
 * TaskListRepository.list selects it with only project_id. The endpoint's query also checks the
 * caller's access in the same statement; this baseline is the list alone.
 */
const LIST_QUERY = `
select t.id, ('{"id":"' || t.id || '","key":"' || p.key || '-' || t.number || '"' || t.json_tail) as json,
  t.rank as sort_key
from tasks.tasks t inner join tasks.projects p on p.id = t.project_id
where t.project_id = $1
order by t.rank asc, t.id asc
limit 26`;

/**
 * The same list query straight through `pg`, without HTTP: `connections` callers in a loop over a
 * Pool of 10 (the server's own pool size, packages/kernel/src/db/database.ts) for the same time,
 * prepared once a connection and planned once, as the server runs it (PreparingClient, PLAN_ONCE).
 */
export async function measurePgBaseline(url: string, projectId: string, shape: LoadShape): Promise<LoadRow> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    options: '-c plan_cache_mode=force_generic_plan',
  });
  const run = async (seconds: number) => {
    const latencies: number[] = [];
    let errors = 0;
    const until = performance.now() + seconds * 1000;
    const caller = async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          await pool.query({ name: 'bench-list', text: LIST_QUERY, values: [projectId] });
          latencies.push(performance.now() - started);
        } catch {
          errors += 1;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: shape.connections }, caller));
    return { latencies, errors, elapsed: (performance.now() - started) / 1000 };
  };
  try {
    await run(shape.warmupSec);
    const { latencies, errors, elapsed } = await run(shape.durationSec);
    latencies.sort((a, b) => a - b);
    return {
      scenario: 'pg list query (no HTTP)',
      rps: (latencies.length + errors) / elapsed,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors,
      requests: latencies.length + errors,
      connections: shape.connections,
    };
  } finally {
    await pool.end();
  }
}
