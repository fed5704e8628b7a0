import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from here so `tsx`, the build and the workspaces resolve. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ChildServer {
  url: string;
  pid: number;
  /** The last lines the child printed, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on now, so each child gets its own. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Only what a Node process needs from the parent's environment: the bench sets everything else. */
function baseEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, TMPDIR, LANG } = process.env;
  return { PATH, HOME, TMPDIR, LANG };
}

/** Starts `node --import tsx <script>` from the root, keeping the tail of its output. */
export function spawnTsx(
  script: string,
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  return spawnNode(['--import', 'tsx', script, ...args], env);
}

/** Starts `node <args>` from the root, keeping the tail of its output. */
function spawnNode(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => tail };
}

/** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function waitReady(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with ${child.exitCode} before it was ready:\n${output()}`);
    }
    const ready = await fetch(`${url}/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${output()}`);
}

let built = false;

/** `npm run build:server`, once per bench run: the server runs as compiled JavaScript, as in production. */
function buildServer(): void {
  if (built) {
    return;
  }
  const run = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`building the server failed:\n${run.stderr}`);
  }
  built = true;
}

/** The all-in-one server as production runs it (built, as `npm run serve` starts it), in a child process; resolves once /ready answers 200. */
export async function startServer(env: Record<string, string>): Promise<ChildServer> {
  buildServer();
  const port = await freePort();
  const { child, output } = spawnNode(['--enable-source-maps', 'dist/server/main.js'], {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, output, 180_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url, pid: child.pid!, output, stop: () => stopChild(child) };
}

export interface ProcessMemory {
  rssBytes: number;
  /** VmHWM: the peak resident set since the process started. */
  peakRssBytes: number;
}

/** Resident memory of a process from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
}

/**
 * Settings shared by both runs. Limits meant for people are raised so they do not cap a load
 * generator on one address: the gateway's per-user rate limit (the report says so), sign-in and
 * registration attempts per IP, and invitation emails per hour (200 people join in seconds).
 */
export function benchServerEnv(mailboxUrl: string, dataDir: string): Record<string, string> {
  return {
    DATA_DIR: dataDir,
    SMTP_URL: mailboxUrl,
    PUBLIC_URL: 'http://bench.localhost',
    GATEWAY_RATE_LIMIT_PER_MINUTE: String(RAISED_RATE_LIMIT),
    AUTH_LOGIN_MAX_PER_IP: '100000000',
    AUTH_ACCOUNT_REQUESTS_PER_IP: '100000000',
    USERS_INVITATIONS_PER_HOUR: '100000',
  };
}

export const RAISED_RATE_LIMIT = 100_000_000;

export const RAISED_LIMITS_NOTE =
  `limits raised for one load-generating address: GATEWAY_RATE_LIMIT_PER_MINUTE=${RAISED_RATE_LIMIT}, ` +
  'AUTH_LOGIN_MAX_PER_IP and AUTH_ACCOUNT_REQUESTS_PER_IP=100000000, USERS_INVITATIONS_PER_HOUR=100000';
