import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_NAMES } from './lib/scenarios.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function runQuickBenchmark(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Table rows (`| scenario | conns | req/s | p50 | p99 | errors | ratio |`) by scenario name. */
function tableRows(
  stdout: string,
): { scenario: string; rps: number; p50: number; p99: number; errors: number }[] {
  return stdout
    .split('\n')
    .filter((line) => /^\| .+ \| \d+ \| [\d.]+ \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return {
        scenario: cells[1]!,
        rps: Number(cells[3]),
        p50: Number(cells[4]),
        p99: Number(cells[5]),
        errors: Number(cells[6]),
      };
    });
}

// The harness itself must never rot: the quick mode (seconds, small data) runs with the tests.
// Its numbers are not judged; what is checked is that every phase ran and nothing went wrong.
describe('npm run bench -- --quick', () => {
  it('runs both databases end to end: every scenario row, no errors, no lost write or live update', async () => {
    const { code, stdout, stderr } = await runQuickBenchmark();
    expect(code, stderr.slice(-3000)).toBe(0);

    const rows = tableRows(stdout);
    for (const name of Object.values(SCENARIO_NAMES)) {
      // Once on PostgreSQL, once on the embedded database.
      expect(rows.filter((row) => row.scenario === name).length, name).toBe(2);
    }
    for (const prefix of ['node:http baseline', 'pg list query', 'scale: list', 'scale: search']) {
      expect(
        rows.some((row) => row.scenario.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
    expect(rows.filter((row) => row.errors !== 0)).toEqual([]);
    expect(rows.filter((row) => !(row.rps > 0))).toEqual([]);
    // Latencies are each answer's own time, so none rounds down to 0 ms.
    expect(rows.filter((row) => !(row.p50 > 0 && row.p50 <= row.p99))).toEqual([]);

    expect(stdout).not.toContain('LOST');
    // Created tasks and status changes on both databases, and the live-update writes.
    expect(stdout.match(/^- .*: \d+ sent, \d+ acknowledged.*, none lost$/gm)).toHaveLength(5);
    expect(stdout).toMatch(
      /Live updates: 20 clients, (\d+)\/\1 writes acknowledged, \d+ deliveries, 0 lost, 0 sockets closed early; after a warm-up \(not timed\) of (\d+)\/\2 writes acknowledged, [1-9]\d* deliveries, 0 lost;/,
    );
    // What PostgreSQL wrote during each of its scenarios: the writes wrote WAL, a read not necessarily.
    for (const name of [SCENARIO_NAMES.create, SCENARIO_NAMES.status]) {
      expect(stdout).toMatch(
        new RegExp(
          `^- PostgreSQL while "${name}" ran: [1-9][\\d.]* KB of WAL and [\\d.]+ full-page images a request; (no checkpoint|\\d+ checkpoints?) began$`,
          'm',
        ),
      );
    }
    // Where each scenario's CPU went: the server's, PostgreSQL's (here on this machine) and the load generator's.
    for (const name of [SCENARIO_NAMES.list, SCENARIO_NAMES.search, SCENARIO_NAMES.status]) {
      expect(stdout).toMatch(
        new RegExp(
          `^- CPU while "${name.replace(/[()+]/g, '\\$&')}" ran: the server [\\d.]+ ms \\(\\d+% of a core\\), PostgreSQL [\\d.]+ ms, the load generator [\\d.]+ ms a request; the machine's \\d+ cores \\d+% busy, \\d+% stolen by the host$`,
          'm',
        ),
      );
    }
    // The server's settings beside its version: the same code answers differently with another cache.
    expect(stdout).toMatch(/^Machine: .*; PostgreSQL \d.*, shared_buffers \d+\w+, max_wal_size \d+\w+$/m);
    expect(stdout).toMatch(/Memory \(server RSS\): peak \d+ MB/);
    expect(stdout).toContain('### Bars');
  }, 300_000);
});
