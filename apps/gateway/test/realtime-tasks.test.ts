import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import type { RunningServer } from '@pm/server';
import { connect as amqpConnect } from 'amqplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createProject, signUp, startServer, subscribed, type TestSocket } from './realtime-support.ts';

const AMQP_URL = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CONSUMERS = ['auth', 'users', 'projects', 'tasks', 'time-tracking', 'gateway-realtime'];
/** From the API's answer (the change committed) to the event on the socket: outbox, RabbitMQ, Redis, WebSocket. */
const LIVE_WITHIN_MS = 500;

interface TaskBody {
  id: string;
  key: string;
  version: number;
}

describe('task events on the WebSocket hub (RabbitMQ bus, Redis pub-sub)', () => {
  const suffix = randomBytes(4).toString('hex');
  const exchange = `pm.events.realtime-tasks-${suffix}`;
  const queuePrefix = `realtime-tasks-${suffix}.`;
  let database: TestDatabase;
  let server: RunningServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('realtime_tasks');
    server = await startServer({
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: `pm-realtime-tasks-${suffix}:`,
      AMQP_URL,
      AMQP_EXCHANGE: exchange,
      AMQP_QUEUE_PREFIX: queuePrefix,
    });
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.ws.terminate());
    await server?.stop();
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

  /**
   * Sends a request and waits for the first matching event on the socket. `delayMs` runs from the
   * answer (the change is committed by then) to the event, zero when the event came first: the
   * request itself is not the hub's to speed up.
   */
  async function timed(
    socket: TestSocket,
    send: () => Promise<{ status: number; body: unknown }>,
    match: (message: Record<string, unknown>) => boolean,
  ) {
    let arrivedAt = 0;
    const arrival = socket.next(match, 3000).then((message) => {
      arrivedAt = performance.now();
      return message;
    });
    const response = await send();
    const answeredAt = performance.now();
    const message = await arrival;
    return { response, message, delayMs: Math.max(0, arrivedAt - answeredAt) };
  }

  const eventOf = (type: string, channel: string) => (message: Record<string, unknown>) =>
    message.type === 'event' &&
    message.channel === channel &&
    (message.event as { type: string }).type === type;

  it('pushes a created task and its status changes to the project and task channels within half a second', async () => {
    const call = api(server.url);
    const owner = await signUp(server.url, 'rttaskowner');
    const outsider = await signUp(server.url, 'rttaskoutsider');
    const project = await createProject(server.url, owner.token, owner.orgId, 'Live tasks');
    const projectChannel = `project:${project.id}`;
    const { socket } = await subscribed(server.url, owner.token, projectChannel);
    sockets.push(socket);

    // The tasks service learns of the project through its event; until then it answers 404.
    await expect
      .poll(async () => (await call('GET', `/projects/${project.id}/tasks`, { token: owner.token })).status, {
        timeout: 10_000,
      })
      .toBe(200);
    const created = await timed(
      socket,
      () =>
        call<TaskBody>('POST', `/projects/${project.id}/tasks`, {
          token: owner.token,
          body: { title: 'Ship it live' },
        }),
      eventOf('tasks.task.created', projectChannel),
    );
    expect(created.response.status).toBe(201);
    const task = created.response.body as TaskBody;
    expect(created.message).toMatchObject({
      event: {
        type: 'tasks.task.created',
        project_id: project.id,
        data: { task_id: task.id, key: task.key, title: 'Ship it live' },
      },
    });
    expect(created.delayMs).toBeLessThan(LIVE_WITHIN_MS);

    const taskChannel = `task:${task.id}`;
    socket.send({ type: 'subscribe', channel: taskChannel, id: 'task' });
    expect(await socket.next((m) => m.id === 'task')).toEqual({
      type: 'subscribed',
      channel: taskChannel,
      id: 'task',
    });
    const other = await subscribed(server.url, outsider.token, taskChannel);
    sockets.push(other.socket);
    expect(other.reply).toMatchObject({ type: 'error', code: 'NOT_FOUND', channel: taskChannel });

    const delays: number[] = [];
    for (const status of ['in_progress', 'in_review', 'done', 'todo', 'in_progress']) {
      const changed = await timed(
        socket,
        () => call('PUT', `/tasks/${task.id}/status`, { token: owner.token, body: { status } }),
        eventOf('tasks.task.status_changed', taskChannel),
      );
      expect(changed.response.status).toBe(200);
      expect(changed.message).toMatchObject({
        event: { data: { task_id: task.id, status, changed: ['status'] } },
      });
      delays.push(changed.delayMs);
      // The same event on the project channel, for the board (it may have come first).
      const id = (changed.message.event as { id: string }).id;
      await expect
        .poll(
          () =>
            socket.messages.some(
              (m) =>
                eventOf('tasks.task.status_changed', projectChannel)(m) &&
                (m.event as { id: string }).id === id,
            ),
          {
            timeout: 1000,
          },
        )
        .toBe(true);
    }
    expect(Math.max(...delays)).toBeLessThan(LIVE_WITHIN_MS);
    expect(other.socket.messages.some((m) => m.type === 'event')).toBe(false);
  });
});
