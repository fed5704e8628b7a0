import { fork, type ChildProcess } from 'node:child_process';
import type { Api } from './api.ts';
import { liveTitle } from './live-titles.ts';
import { percentile } from './load.ts';
import type { LiveShape } from './options.ts';
import { ROOT, stopChild } from './server.ts';
import { anchorWallClock, wallClockNow } from './wall-clock.ts';

/** Writes answered 2xx (each should reach every client), receipts of them, and those missing. */
export interface LiveDeliveries {
  writes: number;
  acknowledged: number;
  deliveries: number;
  lost: number;
}

export interface LiveResult extends LiveDeliveries {
  clients: number;
  /** The writes before the measured ones, while sockets and code paths warm up: checked, not timed. */
  warmup: LiveDeliveries;
  /** Titles of every acknowledged write, the warm-up's too. */
  acknowledgedTitles: string[];
  /** From the write's response arriving to the client's receipt (0 when the event came first), ms. */
  p50: number;
  p99: number;
  max: number;
  closedEarly: number;
}

type ChildMessage =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'receipts'; receipts: [string, number[]][]; closedEarly: number };

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "${type}" from a WebSocket client process within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onMessage = (message: ChildMessage) => {
      if (message.type === 'failed') {
        clearTimeout(timer);
        child.off('message', onMessage);
        reject(new Error(`WebSocket client failed: ${message.message}`));
      } else if (message.type === type) {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as Extract<ChildMessage, { type: T }>);
      }
    };
    child.on('message', onMessage);
  });
}

/** Creates `count` tasks at `perSecond`, each with a unique title (`title`); resolves with each response's arrival time. */
async function paceWrites(
  api: Api,
  token: string,
  projectId: string,
  title: (k: number) => string,
  perSecond: number,
  count: number,
) {
  const answered = new Map<string, number>();
  // The receivers took the wall clock when they started (ws-clients.ts); the writes take it now.
  anchorWallClock();
  const started = wallClockNow();
  const writes: Promise<void>[] = [];
  for (let k = 0; k < count; k += 1) {
    const wait = started + (k * 1000) / perSecond - wallClockNow();
    if (wait > 0) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const written = title(k);
    writes.push(
      api
        .call('POST', `/projects/${projectId}/tasks`, { token, body: { title: written }, expect: [201] })
        .then(
          () => {
            answered.set(written, wallClockNow());
          },
          () => undefined,
        ),
    );
  }
  await Promise.all(writes);
  return answered;
}

/**
 * `clients` WebSocket clients (spread over child processes) subscribed to one project while tasks
 * are created in it at a fixed rate through the API; every client should receive every event.
 */
export async function measureLiveUpdates(
  api: Api,
  options: {
    tokens: string[];
    writerToken: string;
    projectId: string;
    runId: string;
    shape: LiveShape;
    drainMs: number;
  },
): Promise<LiveResult> {
  const { shape } = options;
  const prefix = `Live ${options.runId} `;
  const children = Array.from({ length: shape.wsProcesses }, () =>
    fork(`${ROOT}bench/ws-clients.ts`, [], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  try {
    const perChild = children.map(
      (_, i) =>
        Math.floor(shape.wsClients / children.length) + (i < shape.wsClients % children.length ? 1 : 0),
    );
    const ready = children.map((child) => nextMessage(child, 'ready', 60_000));
    children.forEach((child, i) =>
      child.send({
        type: 'start',
        url: api.baseUrl.replace(/^http/, 'ws'),
        tokens: options.tokens.slice(i),
        channel: `project:${options.projectId}`,
        count: perChild[i],
        titlePrefix: prefix,
      }),
    );
    await Promise.all(ready);
    const pace = (title: (k: number) => string, count: number) =>
      paceWrites(api, options.writerToken, options.projectId, title, shape.wsWritesPerSec, count);
    const warmupWrites = Math.round(shape.wsWritesPerSec * shape.wsWarmupSec);
    const warmedUp = await pace((k) => liveTitle(prefix, -1 - k), warmupWrites);
    const writes = Math.round(shape.wsWritesPerSec * shape.wsDurationSec);
    const answered = await pace((k) => liveTitle(prefix, k), writes);
    await new Promise((resolve) => setTimeout(resolve, options.drainMs));
    const collected = await Promise.all(
      children.map((child) => {
        const done = nextMessage(child, 'receipts', 30_000);
        child.send({ type: 'collect' });
        return done;
      }),
    );
    const delays: number[] = [];
    let warmupDeliveries = 0;
    for (const { receipts } of collected) {
      for (const [title, times] of receipts) {
        const answeredAt = answered.get(title);
        if (answeredAt !== undefined) {
          times.forEach((time) => delays.push(Math.max(0, time - answeredAt)));
        } else if (warmedUp.has(title)) {
          warmupDeliveries += times.length;
        }
      }
    }
    delays.sort((a, b) => a - b);
    return {
      clients: shape.wsClients,
      warmup: {
        writes: warmupWrites,
        acknowledged: warmedUp.size,
        deliveries: warmupDeliveries,
        lost: warmedUp.size * shape.wsClients - warmupDeliveries,
      },
      writes,
      acknowledged: answered.size,
      acknowledgedTitles: [...warmedUp.keys(), ...answered.keys()],
      deliveries: delays.length,
      lost: answered.size * shape.wsClients - delays.length,
      p50: percentile(delays, 50),
      p99: percentile(delays, 99),
      max: delays[delays.length - 1] ?? NaN,
      closedEarly: collected.reduce((sum, c) => sum + c.closedEarly, 0),
    };
  } finally {
    await Promise.all(children.map((child) => stopChild(child, 5000)));
  }
}
