import type { AccessClaims, Logger, TokenVerifier, Transport } from '@pm/kernel';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { FrameBatch, HubClient, RealtimeHub } from './hub.ts';
import type { RealtimeMetrics } from './metrics.ts';
import {
  CLOSE_TOO_SLOW,
  CLOSE_UNAUTHORIZED,
  parseChannel,
  parseClientMessage,
  type Channel,
  type ClientMessage,
  type ServerMessage,
} from './protocol.ts';

export interface ConnectionLimits {
  authTimeoutMs: number;
  pingIntervalMs: number;
  maxSubscriptions: number;
  /** Bytes waiting in a socket's send buffer past which it is closed as too slow. */
  maxBufferedBytes: number;
}

export interface ConnectionDeps {
  hub: RealtimeHub;
  tokens: TokenVerifier;
  /** Transport to the projects service; absent: no project can be subscribed to. */
  projects: Transport | undefined;
  /** Transport to the tasks service; absent: no task can be subscribed to. */
  tasks?: Transport | undefined;
  logger: Logger;
  metrics: RealtimeMetrics;
  limits: ConnectionLimits;
}

type Reply = Omit<Extract<ServerMessage, { type: 'error' }>, 'type'>;

/** One client socket: authentication, its subscriptions, keepalive and backpressure. */
export class RealtimeConnection implements HubClient {
  private claims: AccessClaims | undefined;
  private token: string | undefined;
  private readonly subscriptions = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private alive = true;
  /** Messages are handled one after another, so `subscribe` sent right after `auth` sees the sign-in. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: ConnectionDeps,
  ) {
    deps.metrics.openSockets.inc();
    this.every(deps.limits.pingIntervalMs, () => this.keepalive());
    this.after(deps.limits.authTimeoutMs, () => {
      if (!this.claims) {
        this.close(CLOSE_UNAUTHORIZED, 'authentication timeout');
      }
    });
    socket.on('pong', () => {
      this.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        this.send({ type: 'error', code: 'BAD_MESSAGE', message: 'Messages are JSON text frames' });
        return;
      }
      const text = Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data as ArrayBuffer).toString('utf8');
      this.enqueue(parseClientMessage(text));
    });
    socket.on('close', () => void this.dispose());
    socket.on('error', (error) => deps.logger.debug({ err: error }, 'realtime socket error'));
  }

  /** Authenticates with a token given at connect time (`?access_token=`). */
  authenticate(token: string): void {
    this.enqueue({ type: 'auth', token });
  }

  private enqueue(message: ClientMessage | undefined): void {
    this.queue = this.queue
      .then(() => (this.closed ? undefined : this.handle(message)))
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'realtime message failed'));
  }

  push(batch: FrameBatch): boolean {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) {
      return false;
    }
    if (this.socket.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.deps.metrics.slowSocketsClosed.inc();
      this.close(CLOSE_TOO_SLOW, 'too slow');
      return false;
    }
    // The hub framed the batch once for all its sockets; it goes straight to the TCP socket, which
    // ws also writes each frame to at once (messages are not compressed, so ws queues none).
    const tcp = (this.socket as unknown as { _socket?: Socket })._socket;
    if (tcp) {
      tcp.write(batch.wire);
    } else {
      batch.messages.forEach((message) => this.socket.send(message, { binary: false }));
    }
    return true;
  }

  private send(message: ServerMessage): void {
    if (!this.closed && this.socket.readyState === this.socket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  private async handle(message: ClientMessage | undefined): Promise<void> {
    if (!message) {
      this.send({ type: 'error', code: 'BAD_MESSAGE', message: 'Not a message of the protocol' });
      return;
    }
    if (message.type === 'ping') {
      this.send({ type: 'pong', ...(message.id === undefined ? {} : { id: message.id }) });
      return;
    }
    if (message.type === 'auth') {
      await this.signIn(message.token);
      return;
    }
    const id = message.id === undefined ? {} : { id: message.id };
    if (!this.claims) {
      this.error({
        code: 'UNAUTHORIZED',
        channel: message.channel,
        ...id,
        message: 'Send {type:"auth"} first',
      });
      return;
    }
    const channel = parseChannel(message.channel);
    if (!channel) {
      this.error({ code: 'BAD_CHANNEL', channel: message.channel, ...id });
      return;
    }
    if (message.type === 'unsubscribe') {
      this.subscriptions.delete(channel.name);
      await this.deps.hub.leave(this, channel.name);
      this.send({ type: 'unsubscribed', channel: channel.name, ...id });
      return;
    }
    await this.subscribe(channel, id);
  }

  private async signIn(token: string): Promise<void> {
    let claims: AccessClaims;
    try {
      claims = await this.deps.tokens.verify(token);
    } catch {
      this.close(CLOSE_UNAUTHORIZED, 'invalid token');
      return;
    }
    if (this.claims && this.claims.sub !== claims.sub) {
      // A socket belongs to one user: its subscriptions were checked for that user.
      this.close(CLOSE_UNAUTHORIZED, 'token of another user');
      return;
    }
    this.claims = claims;
    this.token = token;
    // A fresh token (sent again as `auth`) extends the socket's life; without one it ends with the token.
    clearTimeout(this.expiryTimer);
    this.expiryTimer = setTimeout(
      () => this.close(CLOSE_UNAUTHORIZED, 'token expired'),
      Math.max(0, claims.exp * 1000 - Date.now()),
    );
    this.expiryTimer.unref();
    this.send({ type: 'ready', user_id: claims.sub });
  }

  private async subscribe(channel: Channel, id: { id?: string | number }): Promise<void> {
    if (this.subscriptions.has(channel.name)) {
      this.send({ type: 'subscribed', channel: channel.name, ...id });
      return;
    }
    if (this.subscriptions.size >= this.deps.limits.maxSubscriptions) {
      this.error({ code: 'TOO_MANY_SUBSCRIPTIONS', channel: channel.name, ...id });
      return;
    }
    const access = await this.mayRead(channel);
    if (access !== 'allowed') {
      this.error({ code: access, channel: channel.name, ...id });
      return;
    }
    if (this.closed) {
      return;
    }
    this.subscriptions.add(channel.name);
    try {
      await this.deps.hub.join(this, channel.name);
    } catch {
      this.subscriptions.delete(channel.name);
      this.error({ code: 'UNAVAILABLE', channel: channel.name, ...id });
      return;
    }
    if (this.closed) {
      // The socket closed while joining; dispose has already run for the subscriptions it saw.
      await this.deps.hub.leave(this, channel.name);
      return;
    }
    this.send({ type: 'subscribed', channel: channel.name, ...id });
  }

  /**
   * A user channel is its owner's alone; a project or task channel is open to whoever may read
   * the project or task, as its service answers for the caller's token (404 otherwise).
   */
  private async mayRead(channel: Channel): Promise<'allowed' | 'NOT_FOUND' | 'UNAVAILABLE'> {
    if (channel.kind === 'user') {
      return channel.id === this.claims?.sub.toLowerCase() ? 'allowed' : 'NOT_FOUND';
    }
    const [transport, path] =
      channel.kind === 'project'
        ? [this.deps.projects, `/api/v1/projects/${encodeURIComponent(channel.id)}`]
        : [this.deps.tasks, `/api/v1/tasks/${encodeURIComponent(channel.id)}`];
    if (!transport) {
      return 'NOT_FOUND';
    }
    try {
      const res = await transport({ method: 'GET', path, ...(this.token ? { token: this.token } : {}) });
      if (res.status >= 500) {
        return 'UNAVAILABLE';
      }
      return res.status === 200 ? 'allowed' : 'NOT_FOUND';
    } catch (error) {
      this.deps.logger.warn({ err: error, channel: channel.name }, 'realtime access check failed');
      return 'UNAVAILABLE';
    }
  }

  private error(reply: Reply): void {
    this.send({ type: 'error', ...reply });
  }

  private keepalive(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    if (this.socket.readyState === this.socket.OPEN) {
      this.socket.ping();
    }
  }

  private close(code: number, reason: string): void {
    if (!this.closed) {
      this.socket.close(code, reason);
      void this.dispose();
    }
  }

  private async dispose(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.deps.metrics.openSockets.dec();
    this.timers.forEach((timer) => clearTimeout(timer));
    clearTimeout(this.expiryTimer);
    const channels = [...this.subscriptions];
    this.subscriptions.clear();
    await Promise.allSettled(channels.map((channel) => this.deps.hub.leave(this, channel)));
  }

  private every(ms: number, run: () => void): void {
    const timer = setInterval(run, ms);
    timer.unref();
    this.timers.add(timer);
  }

  private after(ms: number, run: () => void): void {
    const timer = setTimeout(run, ms);
    timer.unref();
    this.timers.add(timer);
  }
}
