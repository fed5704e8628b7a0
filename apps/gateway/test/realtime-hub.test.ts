import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import {
  createLogger,
  MemoryEventBus,
  MemoryPubSub,
  Metrics,
  type EventEnvelope,
  type PubSub,
} from '@pm/kernel';
import { describe, expect, it, vi } from 'vitest';
import ws from 'ws';
import {
  channelsOf,
  frameBatch,
  parseChannel,
  REALTIME_QUEUE,
  RealtimeHub,
  realtimeMetrics,
  type FrameBatch,
  type HubClient,
} from '../src/index.ts';

const PROJECT = '0b3f6a3e-8c1d-4a52-9a37-2f1a4c5d6e7f';
const USER = '7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d';
const TASK = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
const OTHER_TASK = '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e';

function envelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    id: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b',
    type: 'tasks.task.updated',
    schema_version: 1,
    occurred_at: new Date().toISOString(),
    actor_id: null,
    org_id: null,
    project_id: PROJECT,
    data: { assigned_to: USER },
    ...overrides,
  };
}

/** A pub-sub that counts live subscriptions per channel. */
function countingPubSub(): PubSub & { live: Map<string, number> } {
  const inner = new MemoryPubSub();
  const live = new Map<string, number>();
  return {
    live,
    publish: (channel, message) => inner.publish(channel, message),
    async subscribe(channel, handler) {
      live.set(channel, (live.get(channel) ?? 0) + 1);
      const off = await inner.subscribe(channel, handler);
      return async () => {
        live.set(channel, (live.get(channel) ?? 1) - 1);
        await off();
      };
    },
    close: () => inner.close(),
  };
}

/** Records each push (one write of one or more frames) and its frames as text. */
function recorder(): HubClient & { frames: string[]; writes: number } {
  const client = {
    frames: [] as string[],
    writes: 0,
    push: (batch: FrameBatch) => {
      client.writes += 1;
      client.frames.push(...batch.messages.map((message) => message.toString('utf8')));
      return true;
    },
  };
  return client;
}

describe('the realtime hub', () => {
  it('routes an event to its project and to the users it names', () => {
    expect(channelsOf(envelope({ actor_id: USER.toUpperCase() }))).toEqual([
      `project:${PROJECT}`,
      `user:${USER}`,
    ]);
    expect(channelsOf(envelope({ project_id: null, data: { project_id: PROJECT } }))).toEqual([
      `project:${PROJECT}`,
    ]);
    expect(parseChannel(`task:${TASK.toUpperCase()}`)).toEqual({
      kind: 'task',
      id: TASK,
      name: `task:${TASK}`,
    });
    expect(parseChannel(`tasks:${TASK}`)).toBeUndefined();
    expect(parseChannel(`task:${TASK}:extra`)).toBeUndefined();
    expect(parseChannel('project:not-a-uuid')).toBeUndefined();
    expect(parseChannel(`PROJECT:${PROJECT.toUpperCase()}`)?.name).toBe(`project:${PROJECT}`);
  });

  it('routes a task event to its project, to the task and to the tasks it links', () => {
    const created = envelope({
      type: 'tasks.task.created',
      data: { task_id: TASK.toUpperCase(), project_id: PROJECT, assigned_to: null },
    });
    expect(channelsOf(created)).toEqual([`project:${PROJECT}`, `task:${TASK}`]);
    const linked = envelope({
      type: 'tasks.dependency.added',
      data: { task_id: TASK, depends_on_task_id: OTHER_TASK },
    });
    expect(channelsOf(linked)).toEqual([`project:${PROJECT}`, `task:${TASK}`, `task:${OTHER_TASK}`]);
    const subtask = envelope({ data: { task_id: OTHER_TASK, parent_task_id: TASK, assigned_to: 'WEB-1' } });
    expect(channelsOf(subtask)).toEqual([`project:${PROJECT}`, `task:${OTHER_TASK}`, `task:${TASK}`]);
  });

  it('takes events from the shared queue with a message TTL and an expiry', async () => {
    const bus = new MemoryEventBus();
    const asked: unknown[] = [];
    const subscribe = bus.subscribe.bind(bus);
    bus.subscribe = (consumer, patterns, handler, queue) => {
      asked.push({ consumer, patterns, queue });
      return subscribe(consumer, patterns, handler, queue);
    };
    const hub = new RealtimeHub({
      bus,
      pubsub: new MemoryPubSub(),
      logger: createLogger('test', 'silent'),
      metrics: realtimeMetrics(new Metrics()),
    });
    await hub.start();
    expect(asked).toEqual([{ consumer: 'gateway-realtime', patterns: ['#'], queue: REALTIME_QUEUE }]);
    expect(REALTIME_QUEUE.messageTtlMs).toBeLessThanOrEqual(5 * 60_000);
    expect(REALTIME_QUEUE.unusedQueueExpiresMs).toBeGreaterThan(REALTIME_QUEUE.messageTtlMs ?? 0);
    await hub.close();
  });

  it('holds one pub-sub subscription per channel while any local client needs it', async () => {
    const pubsub = countingPubSub();
    const bus = new MemoryEventBus();
    const metrics = new Metrics();
    const hub = new RealtimeHub({
      bus,
      pubsub,
      logger: createLogger('test', 'silent'),
      metrics: realtimeMetrics(metrics),
    });
    await hub.start();
    const [one, two] = [recorder(), recorder()];
    await hub.join(one, `project:${PROJECT}`);
    await hub.join(two, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(1);

    await bus.publish(envelope());
    await bus.drain();
    await vi.waitFor(() => expect(one.frames).toHaveLength(1));
    expect(JSON.parse(two.frames[0] ?? '{}')).toMatchObject({
      type: 'event',
      channel: `project:${PROJECT}`,
      event: { type: 'tasks.task.updated' },
    });

    await hub.leave(one, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(1);
    await hub.leave(two, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(0);
    expect(hub.channelCount).toBe(0);
    expect(await metrics.registry.getSingleMetricAsString('realtime_events_forwarded_total')).toMatch(/ 2$/m);
    await hub.close();
  });

  it('writes what it republishes to its own sockets at once and once, and what others republish from the pub-sub', async () => {
    // A pub-sub that takes 300 ms to pass a message on.
    const inner = new MemoryPubSub();
    const slow: PubSub = {
      publish: (channel, message) => {
        setTimeout(() => void inner.publish(channel, message), 300);
        return Promise.resolve();
      },
      subscribe: (channel, handler) => inner.subscribe(channel, handler),
      close: () => inner.close(),
    };
    const hubOf = () =>
      new RealtimeHub({
        bus: new MemoryEventBus(),
        pubsub: slow,
        logger: createLogger('test', 'silent'),
        metrics: realtimeMetrics(new Metrics()),
      });
    const [a, b] = [hubOf(), hubOf()];
    const [onA, onB] = [recorder(), recorder()];
    await a.join(onA, `project:${PROJECT}`);
    await b.join(onB, `project:${PROJECT}`);
    const started = Date.now();
    await a.republish(envelope());
    await vi.waitFor(() => expect(onA.frames).toHaveLength(1));
    expect(Date.now() - started).toBeLessThan(250);
    expect(onB.frames).toHaveLength(0);
    await vi.waitFor(() => expect(onB.frames).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([onA.frames, onB.frames].map((frames) => frames.length)).toEqual([1, 1]);
    expect(onB.frames[0]).toEqual(onA.frames[0]);
    await Promise.all([a.close(), b.close()]);
  });

  it('does not count a frame a slow client refused', async () => {
    const pubsub = new MemoryPubSub();
    const metrics = new Metrics();
    const hub = new RealtimeHub({
      bus: new MemoryEventBus(),
      pubsub,
      logger: createLogger('test', 'silent'),
      metrics: realtimeMetrics(metrics),
    });
    let offered = 0;
    await hub.join({ push: (batch) => (offered += batch.messages.length) < 0 }, `user:${USER}`);
    await hub.republish(envelope());
    await vi.waitFor(() => expect(offered).toBe(1));
    expect(await metrics.registry.getSingleMetricAsString('realtime_events_forwarded_total')).toMatch(/ 0$/m);
    await hub.close();
    await expect(hub.republish(envelope())).rejects.toThrow('closed');
  });

  it('writes an event on a quiet channel at once and batches those that follow within the window', async () => {
    const bus = new MemoryEventBus();
    const hub = new RealtimeHub({
      bus,
      pubsub: new MemoryPubSub(),
      logger: createLogger('test', 'silent'),
      metrics: realtimeMetrics(new Metrics()),
      batchWindowMs: 200,
    });
    await hub.start();
    const client = recorder();
    await hub.join(client, `project:${PROJECT}`);
    const started = Date.now();
    await bus.publish(envelope());
    await bus.drain();
    await vi.waitFor(() => expect(client.writes).toBe(1));
    expect(Date.now() - started).toBeLessThan(150);

    for (let i = 0; i < 3; i += 1) {
      await bus.publish(envelope({ id: randomUUID() }));
    }
    await bus.drain();
    expect(client.writes).toBe(1);
    await vi.waitFor(() => expect(client.writes).toBe(2), { timeout: 2000 });
    expect(client.frames).toHaveLength(4);
    expect(client.frames.every((frame) => JSON.parse(frame).type === 'event')).toBe(true);
    await hub.close();
  });

  it('frames a batch once: a WebSocket client reads each message whole and in order', async () => {
    const messages = ['{"n":1}', JSON.stringify({ long: 'é'.repeat(200) }), 'x'.repeat(70_000)];
    const { wire } = frameBatch(messages.map((message) => Buffer.from(message)));
    const received: string[] = [];
    // ws's own parser of frames (exported, though its types leave it out), as a client reads them.
    const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean }) => Writable };
    const receiver = new Receiver({ isServer: false });
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(false);
      received.push(data.toString('utf8'));
    });
    await new Promise((resolve, reject) =>
      receiver.write(wire, (error) => (error ? reject(error) : resolve(0))),
    );
    expect(received).toEqual(messages);
  });
});
