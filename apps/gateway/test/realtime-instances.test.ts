import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import type { RunningServer } from '@pm/server';
import { connect as amqpConnect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createProject, signUp, startServer, subscribed, type TestSocket } from './realtime-support.ts';

const AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONSUMERS = ['auth', 'users', 'projects', 'tasks', 'gateway-realtime'];

describe('the WebSocket hub across two gateway instances (Redis pub-sub, RabbitMQ bus)', () => {
  const suffix = randomBytes(4).toString('hex');
  const exchange = `pm.events.realtime-test-${suffix}`;
  const queuePrefix = `realtime-test-${suffix}.`;
  let database: TestDatabase;
  const servers: RunningServer[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('realtime2');
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: `pm-realtime-test-${suffix}:`,
      AMQP_URL,
      AMQP_EXCHANGE: exchange,
      AMQP_QUEUE_PREFIX: queuePrefix,
    };
    // One after the other: the second finds the schemas migrated.
    servers.push(await startServer(env));
    servers.push(await startServer(env));
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.ws.terminate());
    await Promise.allSettled(servers.map((server) => server.stop()));
    await database?.drop();
    const connection = await amqpConnect(AMQP_URL);
    try {
      const channel = await connection.createChannel();
      for (const consumer of CONSUMERS) {
        await channel.deleteQueue(queuePrefix + consumer);
      }
      await channel.deleteExchange(exchange);
    } finally {
      await connection.close();
    }
  });

  it('delivers a change made through instance A to sockets on B and on A, once each', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const owner = await signUp(a.url, 'rtsplit');
    const project = await createProject(a.url, owner.token, owner.orgId, 'Across instances');

    const { socket, reply } = await subscribed(b.url, owner.token, `project:${project.id}`);
    const onA = await subscribed(a.url, owner.token, `project:${project.id}`);
    sockets.push(socket, onA.socket);
    expect(reply).toMatchObject({ type: 'subscribed', channel: `project:${project.id}` });
    expect(onA.reply).toMatchObject({ type: 'subscribed' });

    const started = Date.now();
    const update = await api(a.url)('PUT', `/projects/${project.id}`, {
      token: owner.token,
      body: { version: project.version, name: 'Across instances, renamed' },
    });
    expect(update.status).toBe(200);
    // Only the rename counts: on a busy machine the project's `created` event can still be on its
    // way through the outbox when the sockets subscribe.
    const isRename = (m: Record<string, unknown>) =>
      m.type === 'event' && (m.event as { type?: string } | undefined)?.type === 'projects.project.updated';
    const event = await socket.next(isRename, 3000);
    const elapsed = Date.now() - started;
    expect(event).toMatchObject({
      channel: `project:${project.id}`,
      event: { type: 'projects.project.updated', project_id: project.id },
    });
    expect(elapsed).toBeLessThan(1000);
    // The bus hands the event to one instance (one shared queue); Redis carries it to both.
    const onAEvent = await onA.socket.next(isRename, 3000);
    expect(onAEvent).toMatchObject({ event: { id: (event.event as { id: string }).id } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.messages.filter(isRename)).toHaveLength(1);
    expect(onA.socket.messages.filter(isRename)).toHaveLength(1);
  });
});
