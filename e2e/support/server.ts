import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningServer {
  /** e.g. http://127.0.0.1:43127, also the server's PUBLIC_URL. */
  url: string;
  port: number;
  dataDir: string;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** The child's output, marked so test runners do not mistake its stack traces for the test's own. */
function quoted(output: string): string {
  return output
    .split('\n')
    .map((line) => `  | ${line}`)
    .join('\n');
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const address = probe.address();
  await new Promise<void>((done) => probe.close(() => done()));
  if (address === null || typeof address === 'string') {
    throw new Error('Could not find a free TCP port');
  }
  return address.port;
}

/**
 * The all-in-one server (API and the built SPA) as a child process with its own data folder.
 * The web app must be built first (`npm run build:web`).
 */
export async function startServer(options: {
  smtpPort: number;
  env?: Record<string, string>;
  /** The script to run, relative to the repository root. */
  entry?: string;
}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'pm-e2e-data-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry ?? 'apps/server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATA_DIR: dataDir,
      SMTP_URL: `smtp://127.0.0.1:${options.smtpPort}`,
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${quoted(output)}`,
      );
    }
    const res = await fetch(`${url}/health`).catch(() => null);
    await res?.body?.cancel();
    if (res?.status === 200) {
      return { url, port, dataDir, output: () => output, stop };
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  await stop();
  throw new Error(
    `The server did not answer GET /health with 200 within ${START_TIMEOUT_MS} ms:\n${quoted(output)}`,
  );
}
