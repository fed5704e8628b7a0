import { reconnectDelayMs, RECONNECT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { ChannelRegistry, normalizeChannel, type RealtimeListener } from './channel-registry.ts';
import {
  CLOSE_UNAUTHORIZED,
  RESYNC_EVENT,
  type ClientMessage,
  type RealtimeStatus,
  type ServerMessage,
} from './realtime.types.ts';

export interface SocketHandlers {
  open(): void;
  message(data: string): void;
  close(code: number): void;
}

/** The part of a WebSocket the client uses; the browser's is adapted in realtime.ts. */
export interface SocketHandle {
  send(data: string): void;
  close(): void;
}

export interface RealtimeAuth {
  /** The access token, refreshed first when it is about to expire; null when signed out. */
  freshToken(): Promise<string | null>;
  hasSession(): boolean;
  /** Called when the user signs in or out. */
  onSessionChange(listener: () => void): () => void;
}

export interface RealtimeEnvironment {
  isOnline(): boolean;
  /** Called when the network comes back or goes away, and when the tab becomes visible again. */
  onNetworkChange(listener: () => void): () => void;
}

export interface RealtimeTimings {
  /** How often the client checks the socket is alive with a `ping`. */
  pingIntervalMs: number;
  /** A socket silent this long after a ping is treated as dead. */
  pongTimeoutMs: number;
  /** How often the access token is checked: a refreshed one is sent as `auth` again. */
  tokenCheckIntervalMs: number;
  /** Delay before asking again for channels the hub could not check (UNAVAILABLE). */
  resubscribeDelayMs: number;
  /** Failed attempts in a row after which the status reads `offline` instead of `connecting`. */
  offlineAfterAttempts: number;
  backoff: BackoffOptions;
}

export const DEFAULT_TIMINGS: RealtimeTimings = {
  pingIntervalMs: 25_000,
  pongTimeoutMs: 10_000,
  tokenCheckIntervalMs: 5_000,
  resubscribeDelayMs: 5_000,
  offlineAfterAttempts: 3,
  backoff: RECONNECT_BACKOFF,
};

export interface RealtimeClientOptions {
  url: string;
  openSocket: (url: string, handlers: SocketHandlers) => SocketHandle;
  auth: RealtimeAuth;
  environment: RealtimeEnvironment;
  timings?: Partial<RealtimeTimings>;
  random?: () => number;
}

/**
 * One tab's connection to the gateway hub (`/api/v1/ws`), shared by every component: it signs in
 * with the access token (and again whenever the token is refreshed), subscribes the channels
 * components asked for, answers for liveness with pings, and after a drop reconnects with
 * jittered backoff, subscribes again and tells each channel's listeners to refetch
 * ({@link RESYNC_EVENT}) since events may have been missed.
 */
export class RealtimeClient {
  private readonly registry = new ChannelRegistry();
  private readonly statusListeners = new Set<() => void>();
  private readonly timings: RealtimeTimings;
  private readonly random: () => number;
  private socket: SocketHandle | null = null;
  /** Bumped for every socket and on stop: callbacks of an older one are ignored. */
  private generation = 0;
  private ready = false;
  private connecting = false;
  private failedAttempts = 0;
  private sentToken: string | null = null;
  private pingId = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pongTimer: ReturnType<typeof setTimeout> | undefined;
  private resubscribeTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervals: ReturnType<typeof setInterval>[] = [];
  private detach: (() => void)[] = [];
  private started = false;
  private status: RealtimeStatus = 'connecting';

  constructor(private readonly options: RealtimeClientOptions) {
    this.timings = { ...DEFAULT_TIMINGS, ...options.timings };
    this.random = options.random ?? Math.random;
  }

  /** Listens on a channel (`project:<id>`, `task:<id>`, `user:<id>`); returns the unsubscribe. */
  subscribe(channel: string, listener: RealtimeListener): () => void {
    const name = normalizeChannel(channel);
    if (this.registry.add(name, listener) && this.ready) {
      this.send({ type: 'subscribe', channel: name });
    }
    this.start();
    return () => {
      if (this.registry.remove(name, listener) && this.ready) {
        this.send({ type: 'unsubscribe', channel: name });
      }
    };
  }

  getStatus(): RealtimeStatus {
    return this.status;
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    this.start();
    return () => this.statusListeners.delete(listener);
  }

  /** Connects (once) and follows sign-in/out and the network from then on. */
  start(): void {
    if (this.started) {
      return;
    }
    this.started = true;
    this.detach = [
      this.options.auth.onSessionChange(() => this.onSessionChange()),
      this.options.environment.onNetworkChange(() => this.onNetworkChange()),
    ];
    void this.connect();
  }

  /** Closes the socket and stops reconnecting (tests; the app keeps its client for the tab's life). */
  stop(): void {
    this.started = false;
    this.detach.forEach((off) => off());
    this.detach = [];
    this.dropSocket();
    clearTimeout(this.retryTimer);
    this.updateStatus();
  }

  private canConnect(): boolean {
    return this.started && this.options.auth.hasSession() && this.options.environment.isOnline();
  }

  private async connect(): Promise<void> {
    clearTimeout(this.retryTimer);
    if (this.socket || this.connecting || !this.canConnect()) {
      this.updateStatus();
      return;
    }
    this.connecting = true;
    const generation = ++this.generation;
    this.updateStatus();
    let token: string | null;
    try {
      token = await this.options.auth.freshToken();
    } catch {
      // The refresh failed for a reason other than a refused session (network, 5xx): try later.
      if (generation === this.generation) {
        this.connecting = false;
        this.scheduleRetry();
      }
      return;
    }
    if (generation !== this.generation) {
      return;
    }
    this.connecting = false;
    if (token === null || !this.canConnect()) {
      // Signed out meanwhile: the session listener connects again on the next sign-in.
      this.updateStatus();
      return;
    }
    const signInToken = token;
    this.socket = this.options.openSocket(this.options.url, {
      open: () => {
        if (generation === this.generation) {
          this.sentToken = signInToken;
          this.send({ type: 'auth', token: signInToken });
        }
      },
      message: (data) => {
        if (generation === this.generation) {
          this.receive(data);
        }
      },
      close: (code) => {
        if (generation === this.generation) {
          this.socketClosed(code);
        }
      },
    });
  }

  private receive(data: string): void {
    clearTimeout(this.pongTimer);
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    switch (message.type) {
      case 'ready':
        this.onReady();
        break;
      case 'subscribed':
        if (this.registry.markSubscribed(message.channel)) {
          this.registry.dispatch(message.channel, { type: RESYNC_EVENT, data: { channel: message.channel } });
        }
        break;
      case 'event':
        this.registry.dispatch(message.channel, message.event);
        break;
      case 'error':
        this.onError(message);
        break;
      case 'pong':
      case 'unsubscribed':
        // Any message proves the socket alive (pong timer cleared above); nothing else to do.
        break;
    }
  }

  private onReady(): void {
    if (this.ready) {
      // A re-sent `auth` (refreshed token) is acknowledged with `ready` too.
      return;
    }
    this.ready = true;
    this.failedAttempts = 0;
    for (const channel of this.registry.channelsToSubscribe()) {
      this.send({ type: 'subscribe', channel });
    }
    this.every(this.timings.pingIntervalMs, () => this.ping());
    this.every(this.timings.tokenCheckIntervalMs, () => void this.renewToken());
    this.updateStatus();
  }

  private onError(message: Extract<ServerMessage, { type: 'error' }>): void {
    if (!message.channel) {
      return;
    }
    if (message.code === 'UNAVAILABLE') {
      // The access check could not run (projects service down): ask again a little later.
      this.registry.markPending(message.channel);
      clearTimeout(this.resubscribeTimer);
      this.resubscribeTimer = setTimeout(() => this.resubscribePending(), this.timings.resubscribeDelayMs);
      return;
    }
    // NOT_FOUND (no access), BAD_CHANNEL, TOO_MANY_SUBSCRIPTIONS: asking again would not help.
    this.registry.markDenied(message.channel);
  }

  private resubscribePending(): void {
    if (!this.ready) {
      return;
    }
    for (const channel of this.registry.pendingChannels()) {
      this.send({ type: 'subscribe', channel });
    }
  }

  private ping(): void {
    this.send({ type: 'ping', id: ++this.pingId });
    clearTimeout(this.pongTimer);
    // Any message clears this; silence means a half-open connection the browser has not noticed.
    this.pongTimer = setTimeout(() => {
      this.dropSocket();
      this.scheduleRetry();
    }, this.timings.pongTimeoutMs);
  }

  private async renewToken(): Promise<void> {
    const generation = this.generation;
    let token: string | null;
    try {
      token = await this.options.auth.freshToken();
    } catch {
      return;
    }
    if (generation === this.generation && this.ready && token !== null && token !== this.sentToken) {
      this.sentToken = token;
      this.send({ type: 'auth', token });
    }
  }

  private socketClosed(code: number): void {
    this.dropSocket();
    if (code === CLOSE_UNAUTHORIZED) {
      // The token expired or was refused: the next attempt refreshes it first.
      this.sentToken = null;
    }
    this.scheduleRetry();
  }

  /** Forgets the current socket (closing it if still open) and everything tied to it. */
  private dropSocket(): void {
    this.generation++;
    this.connecting = false;
    const socket = this.socket;
    this.socket = null;
    this.ready = false;
    this.intervals.splice(0).forEach((timer) => clearInterval(timer));
    clearTimeout(this.pongTimer);
    clearTimeout(this.resubscribeTimer);
    this.registry.connectionLost();
    try {
      socket?.close();
    } catch {
      // Already closed.
    }
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (!this.canConnect()) {
      this.updateStatus();
      return;
    }
    const delay = reconnectDelayMs(this.failedAttempts, this.timings.backoff, this.random);
    this.failedAttempts++;
    this.retryTimer = setTimeout(() => void this.connect(), delay);
    this.updateStatus();
  }

  private onSessionChange(): void {
    if (this.options.auth.hasSession()) {
      this.failedAttempts = 0;
      void this.connect();
    } else {
      this.dropSocket();
      clearTimeout(this.retryTimer);
      this.updateStatus();
    }
  }

  private onNetworkChange(): void {
    if (!this.options.environment.isOnline()) {
      clearTimeout(this.retryTimer);
      this.updateStatus();
      return;
    }
    if (!this.socket && !this.connecting) {
      // Back online or back in view: retry now rather than wait out the backoff.
      this.failedAttempts = 0;
      void this.connect();
    }
  }

  private send(message: ClientMessage): void {
    this.socket?.send(JSON.stringify(message));
  }

  private every(ms: number, run: () => void): void {
    this.intervals.push(setInterval(run, ms));
  }

  private updateStatus(): void {
    const next: RealtimeStatus = !this.canConnect()
      ? 'offline'
      : this.ready
        ? 'live'
        : this.failedAttempts >= this.timings.offlineAfterAttempts
          ? 'offline'
          : 'connecting';
    if (next !== this.status) {
      this.status = next;
      this.statusListeners.forEach((listener) => listener());
    }
  }
}
