import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function launch(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitHealthy(port: number, started: Started): Promise<void> {
  for (let i = 0; i < 120; i += 1) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not start: ${started.output()}`);
}

const post = (port: number, path: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the all-in-one server process', () => {
  const running: Started[] = [];
  afterAll(() => running.forEach((s) => s.child.kill('SIGKILL')));

  it('stops cleanly on Ctrl-C and finds every record after a restart; one process owns a data folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pm-data-'));
    const port = await freePort();
    const first = launch({ PORT: String(port), DATA_DIR: dataDir });
    running.push(first);
    await waitHealthy(port, first);
    const account = { email: 'keep@example.com', username: 'keeper', password: 'velvet-harbor-31' };
    expect((await post(port, '/auth/register', account)).status).toBe(201);

    const intruder = launch({ PORT: String(await freePort()), DATA_DIR: dataDir });
    running.push(intruder);
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/in use by process \d+/);

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = launch({ PORT: String(port), DATA_DIR: dataDir });
    running.push(second);
    await waitHealthy(port, second);
    const login = await post(port, '/auth/login', { email: account.email, password: account.password });
    expect(login.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('refuses to start on bad configuration with one line naming the variable', async () => {
    const started = launch({ PORT: 'eighty', DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-data-')) });
    running.push(started);
    expect(await started.exited).toBe(1);
    const lines = started.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT .*"eighty"/);
  }, 60_000);
});
