import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, launch as launchScript, waitHealthy, type LauncherProcess } from './launcher-process.ts';

const launch = (env: Record<string, string>): LauncherProcess => launchScript('apps/server/src/main.ts', env);

const post = (port: number, path: string, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the all-in-one server process', () => {
  const running: LauncherProcess[] = [];
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
