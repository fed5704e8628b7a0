import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const ROOT = new URL('../../..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A launcher script running as a child process, with everything it printed. */
export interface LauncherProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** SIGINT (a clean stop), then SIGKILL if it has not exited in time. */
  stop(): Promise<void>;
}

/** Runs `node --import tsx <script> [...args]` from the repository root, on top of this process's env. */
export function launch(script: string, env: Record<string, string>, args: string[] = []): LauncherProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Indents a child's output so its stack traces are not mistaken for the test's own. */
export function quoted(label: string, output: string): string {
  return `--- ${label} ---\n${output
    .split('\n')
    .map((line) => `  | ${line}`)
    .join('\n')}`;
}

/** Resolves once GET /health answers 200; fails with the child's output if it exits or stalls. */
export async function waitHealthy(port: number, started: LauncherProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new Error(`exited with ${started.child.exitCode} before it was healthy:\n${quoted('output', started.output())}`);
    }
    const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
    await res?.body?.cancel();
    if (res?.ok) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not healthy on port ${port} within ${timeoutMs} ms:\n${quoted('output', started.output())}`);
}
