import { createLogger, MemoryEventBus, MemoryPubSub, Metrics, type EventEnvelope, type PubSub } from '@pm/kernel';
import { describe, expect, it } from 'vitest';
import { channelsOf, parseChannel, RealtimeHub, realtimeMetrics, type HubClient } from '../src/index.ts';

const PROJECT = '0b3f6a3e-8c1d-4a52-9a37-2f1a4c5d6e7f';
const USER = '7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d';

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

function recorder(): HubClient & { frames: string[] } {
  const frames: string[] = [];
  return { frames, push: (frame) => frames.push(frame) > 0 };
}

describe('the realtime hub', () => {
  it('routes an event to its project and to the users it names', () => {
    expect(channelsOf(envelope({ actor_id: USER.toUpperCase() }))).toEqual([`project:${PROJECT}`, `user:${USER}`]);
    expect(channelsOf(envelope({ project_id: null, data: { project_id: PROJECT } }))).toEqual([`project:${PROJECT}`]);
    expect(parseChannel(`task:${PROJECT}`)).toBeUndefined();
    expect(parseChannel('project:not-a-uuid')).toBeUndefined();
    expect(parseChannel(`PROJECT:${PROJECT.toUpperCase()}`)?.name).toBe(`project:${PROJECT}`);
  });

  it('holds one pub-sub subscription per channel while any local client needs it', async () => {
    const pubsub = countingPubSub();
    const bus = new MemoryEventBus();
    const metrics = new Metrics();
    const hub = new RealtimeHub({ bus, pubsub, logger: createLogger('test', 'silent'), metrics: realtimeMetrics(metrics) });
    await hub.start();
    const [one, two] = [recorder(), recorder()];
    await hub.join(one, `project:${PROJECT}`);
    await hub.join(two, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(1);

    await bus.publish(envelope());
    await bus.drain();
    expect(one.frames).toHaveLength(1);
    expect(JSON.parse(two.frames[0] ?? '{}')).toMatchObject({ type: 'event', channel: `project:${PROJECT}`, event: { type: 'tasks.task.updated' } });

    await hub.leave(one, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(1);
    await hub.leave(two, `project:${PROJECT}`);
    expect(pubsub.live.get(`realtime:project:${PROJECT}`)).toBe(0);
    expect(hub.channelCount).toBe(0);
    expect(await metrics.registry.getSingleMetricAsString('realtime_events_forwarded_total')).toMatch(/ 2$/m);
    await hub.close();
  });

  it('does not count a frame a slow client refused', async () => {
    const pubsub = new MemoryPubSub();
    const metrics = new Metrics();
    const hub = new RealtimeHub({ bus: new MemoryEventBus(), pubsub, logger: createLogger('test', 'silent'), metrics: realtimeMetrics(metrics) });
    await hub.join({ push: () => false }, `user:${USER}`);
    await hub.republish(envelope());
    expect(await metrics.registry.getSingleMetricAsString('realtime_events_forwarded_total')).toMatch(/ 0$/m);
    await hub.close();
    await expect(hub.republish(envelope())).rejects.toThrow('closed');
  });
});
