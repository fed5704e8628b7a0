import { EventEmitter } from 'node:events';
import {
  createLogger,
  MemoryEventBus,
  MemoryPubSub,
  Metrics,
  type AccessClaims,
  type TokenVerifier,
  type Transport,
} from '@pm/kernel';
import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { frameBatch, RealtimeConnection, RealtimeHub, realtimeMetrics } from '../src/index.ts';

const USER = '7d2c1b0a-3e4f-4a5b-8c6d-9e0f1a2b3c4d';

/** Enough of a `ws` socket for the connection: frames sent, close code, a settable send buffer. */
class FakeSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  bufferedAmount = 0;
  sent: Record<string, unknown>[] = [];
  closedWith: number | undefined;
  send(frame: string | Buffer) {
    this.sent.push(JSON.parse(frame.toString()) as Record<string, unknown>);
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
    this.emit('close');
  }
  ping() {}
  terminate() {
    this.close(1006);
  }
  receive(message: unknown) {
    this.emit('message', Buffer.from(JSON.stringify(message)), false);
  }
}

const tokens: TokenVerifier = {
  verify: (token) =>
    token === 'good'
      ? Promise.resolve({ sub: USER, exp: Math.floor(Date.now() / 1000) + 600 } as AccessClaims)
      : Promise.reject(new Error('invalid')),
};

function setup(limits: { maxSubscriptions?: number; maxBufferedBytes?: number } = {}, tasks?: Transport) {
  const metrics = new Metrics();
  const logger = createLogger('test', 'silent');
  const realtime = realtimeMetrics(metrics);
  const hub = new RealtimeHub({
    bus: new MemoryEventBus(),
    pubsub: new MemoryPubSub(),
    logger,
    metrics: realtime,
  });
  const socket = new FakeSocket();
  const connection = new RealtimeConnection(socket as unknown as WebSocket, {
    hub,
    tokens,
    projects: undefined,
    tasks,
    logger,
    metrics: realtime,
    limits: {
      authTimeoutMs: 10_000,
      pingIntervalMs: 30_000,
      maxSubscriptions: 200,
      maxBufferedBytes: 1024,
      ...limits,
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { hub, socket, connection, metrics, settle };
}

describe('a realtime connection', () => {
  it('closes a socket whose send buffer passed the limit instead of queueing more', async () => {
    const { hub, socket, connection, metrics, settle } = setup();
    socket.receive({ type: 'auth', token: 'good' });
    socket.receive({ type: 'subscribe', channel: `user:${USER}`, id: 1 });
    await settle();
    expect(socket.sent.at(-1)).toEqual({ type: 'subscribed', channel: `user:${USER}`, id: 1 });
    socket.bufferedAmount = 4096;
    expect(connection.push(frameBatch([Buffer.from('{"type":"event"}')]))).toBe(false);
    expect(socket.closedWith).toBe(4408);
    await settle();
    expect(hub.channelCount).toBe(0);
    expect(await metrics.registry.getSingleMetricAsString('realtime_open_sockets')).toMatch(/ 0$/m);
  });

  it('bounds the subscriptions of one socket and refuses projects without a projects service', async () => {
    const { socket, settle } = setup({ maxSubscriptions: 1 });
    socket.receive({ type: 'auth', token: 'good' });
    socket.receive({ type: 'subscribe', channel: `user:${USER}`, id: 1 });
    await settle();
    socket.receive({ type: 'subscribe', channel: `project:${USER}`, id: 2 });
    socket.receive({ type: 'unsubscribe', channel: `user:${USER}`, id: 3 });
    socket.receive({ type: 'subscribe', channel: `project:${USER}`, id: 4 });
    socket.receive('nonsense');
    await settle();
    expect(socket.sent.slice(1)).toEqual([
      { type: 'subscribed', channel: `user:${USER}`, id: 1 },
      { type: 'error', code: 'TOO_MANY_SUBSCRIPTIONS', channel: `project:${USER}`, id: 2 },
      { type: 'unsubscribed', channel: `user:${USER}`, id: 3 },
      { type: 'error', code: 'NOT_FOUND', channel: `project:${USER}`, id: 4 },
      { type: 'error', code: 'BAD_MESSAGE', message: 'Not a message of the protocol' },
    ]);
    socket.close(1000);
  });

  it("asks the tasks service, with the caller's token, whether a task channel may be read", async () => {
    const [visible, hidden, failing] = [
      '1b2c3d4e-5f60-4a71-8b92-a3b4c5d6e7f8',
      '2c3d4e5f-6071-4b82-9ca3-b4c5d6e7f809',
      '3d4e5f60-7182-4c93-8db4-c5d6e7f8091a',
    ];
    const asked: { path: string; token: string | undefined }[] = [];
    const tasks: Transport = (request) => {
      asked.push({ path: request.path, token: request.token });
      const status = request.path.endsWith(visible) ? 200 : request.path.endsWith(failing) ? 503 : 404;
      return Promise.resolve({ status, body: {} });
    };
    const { socket, settle } = setup({}, tasks);
    socket.receive({ type: 'auth', token: 'good' });
    socket.receive({ type: 'subscribe', channel: `task:${visible.toUpperCase()}`, id: 1 });
    socket.receive({ type: 'subscribe', channel: `task:${hidden}`, id: 2 });
    socket.receive({ type: 'subscribe', channel: `task:${failing}`, id: 3 });
    socket.receive({ type: 'subscribe', channel: 'task:WEB-42', id: 4 });
    await settle();
    expect(asked).toEqual([
      { path: `/api/v1/tasks/${visible}`, token: 'good' },
      { path: `/api/v1/tasks/${hidden}`, token: 'good' },
      { path: `/api/v1/tasks/${failing}`, token: 'good' },
    ]);
    expect(socket.sent.slice(1)).toEqual([
      { type: 'subscribed', channel: `task:${visible}`, id: 1 },
      { type: 'error', code: 'NOT_FOUND', channel: `task:${hidden}`, id: 2 },
      { type: 'error', code: 'UNAVAILABLE', channel: `task:${failing}`, id: 3 },
      { type: 'error', code: 'BAD_CHANNEL', channel: 'task:WEB-42', id: 4 },
    ]);
    socket.close(1000);
  });
});
