import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RealtimeClient, type SocketHandlers } from './realtime-client.ts';
import type { RealtimeEvent } from './realtime.types.ts';

class FakeSocket {
  sent: Record<string, unknown>[] = [];
  closed = false;
  constructor(readonly handlers: SocketHandlers) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.closed = true;
  }
  receive(message: Record<string, unknown>): void {
    this.handlers.message(JSON.stringify(message));
  }
  ofType(type: string): Record<string, unknown>[] {
    return this.sent.filter((message) => message.type === type);
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  let token = 'token-1';
  let signedIn = true;
  let online = true;
  const sessionListeners = new Set<() => void>();
  const networkListeners = new Set<() => void>();
  const client = new RealtimeClient({
    url: 'ws://test/api/v1/ws',
    openSocket: (_url, handlers) => {
      const socket = new FakeSocket(handlers);
      sockets.push(socket);
      return socket;
    },
    auth: {
      freshToken: () => Promise.resolve(signedIn ? token : null),
      hasSession: () => signedIn,
      onSessionChange: (listener) => {
        sessionListeners.add(listener);
        return () => sessionListeners.delete(listener);
      },
    },
    environment: {
      isOnline: () => online,
      onNetworkChange: (listener) => {
        networkListeners.add(listener);
        return () => networkListeners.delete(listener);
      },
    },
    random: () => 1,
  });
  const last = () => {
    const socket = sockets.at(-1);
    if (!socket) {
      throw new Error('no socket opened');
    }
    return socket;
  };
  /** Opens the latest socket and lets the hub accept the token. */
  const goLive = async () => {
    await vi.advanceTimersByTimeAsync(0);
    last().handlers.open();
    last().receive({ type: 'ready', user_id: 'u1' });
  };
  return {
    client,
    sockets,
    last,
    goLive,
    setToken: (next: string) => {
      token = next;
    },
    signOut: () => {
      signedIn = false;
      sessionListeners.forEach((listener) => listener());
    },
    setOnline: (next: boolean) => {
      online = next;
      networkListeners.forEach((listener) => listener());
    },
  };
}

describe('RealtimeClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('signs in first, then subscribes and delivers the channel events', async () => {
    const t = setup();
    const events: RealtimeEvent[] = [];
    t.client.subscribe('project:P1', (event) => events.push(event));
    expect(t.client.getStatus()).toBe('connecting');
    await vi.advanceTimersByTimeAsync(0);
    t.last().handlers.open();
    expect(t.last().sent).toEqual([{ type: 'auth', token: 'token-1' }]);
    t.last().receive({ type: 'ready', user_id: 'u1' });
    expect(t.client.getStatus()).toBe('live');
    expect(t.last().ofType('subscribe')).toEqual([{ type: 'subscribe', channel: 'project:p1' }]);
    t.last().receive({ type: 'subscribed', channel: 'project:p1' });
    const event = { id: 'e1', type: 'tasks.task.created', data: { task_id: 't1' } };
    t.last().receive({ type: 'event', channel: 'project:p1', event });
    t.last().receive({ type: 'event', channel: 'project:other', event });
    expect(events).toEqual([event]);
    t.client.stop();
  });

  it('shares one subscription between listeners and unsubscribes after the last', async () => {
    const t = setup();
    const offA = t.client.subscribe('task:T1', vi.fn());
    await t.goLive();
    const offB = t.client.subscribe('task:t1', vi.fn());
    expect(t.last().ofType('subscribe')).toHaveLength(1);
    offA();
    expect(t.last().ofType('unsubscribe')).toHaveLength(0);
    offB();
    expect(t.last().ofType('unsubscribe')).toEqual([{ type: 'unsubscribe', channel: 'task:t1' }]);
    t.client.stop();
  });

  it('reconnects with backoff after a drop, resubscribes and tells live channels to resync', async () => {
    const t = setup();
    const events: RealtimeEvent[] = [];
    t.client.subscribe('project:p1', (event) => events.push(event));
    await t.goLive();
    t.last().receive({ type: 'subscribed', channel: 'project:p1' });
    expect(events).toEqual([]);

    t.last().handlers.close(1006);
    expect(t.client.getStatus()).toBe('connecting');
    expect(t.sockets).toHaveLength(1);
    // random() = 1: the first retry waits the whole first ceiling, 500 ms.
    await vi.advanceTimersByTimeAsync(499);
    expect(t.sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.sockets).toHaveLength(2);
    await t.goLive();
    expect(t.last().ofType('subscribe')).toEqual([{ type: 'subscribe', channel: 'project:p1' }]);
    t.last().receive({ type: 'subscribed', channel: 'project:p1' });
    expect(events).toEqual([{ type: 'realtime.resync', data: { channel: 'project:p1' } }]);
    t.client.stop();
  });

  it('reads offline after repeated failures, and retries at once when the network returns', async () => {
    const t = setup();
    t.client.subscribe('project:p1', vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    for (const wait of [500, 1000, 2000]) {
      t.last().handlers.close(1006);
      await vi.advanceTimersByTimeAsync(wait);
    }
    t.last().handlers.close(1006);
    expect(t.client.getStatus()).toBe('offline');
    const opened = t.sockets.length;
    t.setOnline(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.sockets).toHaveLength(opened);
    t.setOnline(true);
    await t.goLive();
    expect(t.sockets).toHaveLength(opened + 1);
    expect(t.client.getStatus()).toBe('live');
    t.client.stop();
  });

  it('sends a refreshed access token as auth on the open socket', async () => {
    const t = setup();
    t.client.subscribe('project:p1', vi.fn());
    await t.goLive();
    t.setToken('token-2');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(t.last().ofType('auth')).toEqual([
      { type: 'auth', token: 'token-1' },
      { type: 'auth', token: 'token-2' },
    ]);
    // The `ready` answering the new token does not subscribe everything again.
    t.last().receive({ type: 'ready', user_id: 'u1' });
    expect(t.last().ofType('subscribe')).toHaveLength(1);
    t.client.stop();
  });

  it('drops a socket that stops answering pings', async () => {
    const t = setup();
    t.client.subscribe('project:p1', vi.fn());
    await t.goLive();
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.last().ofType('ping')).toHaveLength(1);
    t.last().receive({ type: 'pong', id: 1 });
    await vi.advanceTimersByTimeAsync(25_000);
    expect(t.last().ofType('ping')).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(t.sockets[0]?.closed).toBe(true);
    expect(t.client.getStatus()).toBe('connecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(t.sockets).toHaveLength(2);
    t.client.stop();
  });

  it('does not ask again for refused channels, and asks again for unavailable ones', async () => {
    const t = setup();
    t.client.subscribe('project:denied', vi.fn());
    t.client.subscribe('project:later', vi.fn());
    await t.goLive();
    t.last().receive({ type: 'error', code: 'NOT_FOUND', channel: 'project:denied' });
    t.last().receive({ type: 'error', code: 'UNAVAILABLE', channel: 'project:later' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(
      t
        .last()
        .ofType('subscribe')
        .map((message) => message.channel),
    ).toEqual(['project:denied', 'project:later', 'project:later']);
    t.last().handlers.close(1006);
    await vi.advanceTimersByTimeAsync(500);
    await t.goLive();
    expect(
      t
        .last()
        .ofType('subscribe')
        .map((message) => message.channel),
    ).toEqual(['project:later']);
    t.client.stop();
  });

  it('closes on sign-out and stays offline without retrying', async () => {
    const t = setup();
    t.client.subscribe('project:p1', vi.fn());
    await t.goLive();
    t.signOut();
    expect(t.sockets[0]?.closed).toBe(true);
    expect(t.client.getStatus()).toBe('offline');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(t.sockets).toHaveLength(1);
    t.client.stop();
  });
});
