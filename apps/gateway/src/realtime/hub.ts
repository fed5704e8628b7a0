import { randomUUID } from 'node:crypto';
import type { ConsumerQueueOptions, EventBus, EventEnvelope, Logger, PubSub } from '@pm/kernel';
import ws from 'ws';
import type { RealtimeMetrics } from './metrics.ts';
import { channelsOf, pubsubChannel } from './protocol.ts';

/** The consumer name every gateway instance shares: one queue, so each event reaches one instance. */
export const REALTIME_CONSUMER = 'gateway-realtime';

/**
 * The shared queue holds only what is worth pushing live. While every gateway is down nobody
 * takes its events, and clients refetch when they reconnect anyway: an event waiting longer than
 * a minute is dropped, and the queue itself (with its binding to every event) goes away after
 * half an hour without a gateway, to be declared again by the next one that starts.
 */
export const REALTIME_QUEUE: ConsumerQueueOptions = {
  messageTtlMs: 60_000,
  unusedQueueExpiresMs: 30 * 60_000,
};

/**
 * Events of one channel arriving within this long after a delivery wait and go out together: each
 * socket then gets one write (one system call) for several frames instead of one per frame. An
 * event arriving on a quiet channel goes out at once. At 100 events a second to 1,000 sockets a
 * delivery waits half of it on average, and the window bounds the writes: with 40 ms, receipt took
 * p50 26 ms and p99 60–63 ms with the server at 0.39 cores; with 20 ms, p50 15 ms and p99 39–43 ms
 * at 0.42–0.44 cores; 10 ms gained no more at the median for 0.47 cores (bench/RESULTS.md).
 */
export const DEFAULT_BATCH_WINDOW_MS = 20;

/** Events that go out together: serialised and framed once, whatever the number of sockets. */
export interface FrameBatch {
  /** Each event's message, JSON text in UTF-8. */
  readonly messages: readonly Buffer[];
  /** The same messages as WebSocket text frames, back to back: the bytes every socket is sent. */
  readonly wire: Buffer;
}

/** What the hub needs from a socket. */
export interface HubClient {
  /** Writes a batch in one write; returns false when the client was dropped (too slow or closed). */
  push(batch: FrameBatch): boolean;
}

/** `ws`'s own framing (exported, though its types leave it out), for frames sent to many sockets. */
const { Sender } = ws as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Buffer[];
  };
};
const TEXT = { fin: true, opcode: 0x1, mask: false, readOnly: false, rsv1: false };

/** Frames the messages once, so that fanning a batch out costs one write per socket and no copy per socket. */
export function frameBatch(messages: readonly Buffer[]): FrameBatch {
  return { messages, wire: Buffer.concat(messages.flatMap((message) => Sender.frame(message, TEXT))) };
}

interface ChannelEntry {
  clients: Set<HubClient>;
  /** Resolves to the pub-sub unsubscribe once the subscription is in place. */
  subscription: Promise<(() => Promise<void>) | undefined>;
  /** Frames waiting for the end of the batch window. */
  pending: Buffer[];
  flushTimer: NodeJS.Timeout | undefined;
  lastFlushAt: number;
}

/** What goes over the pub-sub: the event, its channel, and the instance that republished it. */
interface PubSubMessage {
  origin?: string;
  channel: string;
  event: EventEnvelope;
}

/**
 * Fan-out of domain events to sockets across gateway instances. One instance takes each event
 * from the bus, writes it to its own sockets of the event's channels and republishes it on the
 * pub-sub under `realtime:<channel>`; every instance listens there for the channels its own
 * sockets subscribed to (one pub-sub subscription per channel, counted by the sockets holding it)
 * and writes the events other instances republished to those sockets. Its own come back too and
 * are left: going round the pub-sub first, a receipt in the benchmark's live updates waited 5 ms
 * at the median and 45 ms at p99 for it on a slow machine (bench/RESULTS.md).
 */
export class RealtimeHub {
  private readonly channels = new Map<string, ChannelEntry>();
  private closed = false;
  /** This instance, in what it republishes. */
  private readonly origin = randomUUID();

  constructor(
    private readonly options: {
      bus: EventBus;
      pubsub: PubSub;
      logger: Logger;
      metrics: RealtimeMetrics;
      /** Defaults to {@link REALTIME_QUEUE}. */
      queue?: ConsumerQueueOptions;
      /** Defaults to {@link DEFAULT_BATCH_WINDOW_MS}; 0 writes every event on its own. */
      batchWindowMs?: number;
    },
  ) {}

  /** Takes the events of the shared consumer queue and republishes them for every instance. */
  async start(): Promise<void> {
    await this.options.bus.subscribe(
      REALTIME_CONSUMER,
      ['#'],
      (event) => this.republish(event),
      this.options.queue ?? REALTIME_QUEUE,
    );
  }

  async republish(event: EventEnvelope): Promise<void> {
    if (this.closed) {
      // Thrown so the bus hands the event to another instance (or to this one after a restart).
      throw new Error('realtime hub closed');
    }
    const channels = channelsOf(event);
    for (const channel of channels) {
      const entry = this.channels.get(channel);
      if (entry) {
        this.queue(entry, channel, event);
      }
    }
    await Promise.all(
      channels.map((channel) =>
        this.options.pubsub.publish(
          pubsubChannel(channel),
          JSON.stringify({ origin: this.origin, channel, event } satisfies PubSubMessage),
        ),
      ),
    );
  }

  /** Adds a client to a channel; the first client of a channel subscribes this instance to it. */
  async join(client: HubClient, channel: string): Promise<void> {
    let entry = this.channels.get(channel);
    if (!entry) {
      const created: ChannelEntry = {
        clients: new Set(),
        subscription: Promise.resolve(undefined),
        pending: [],
        flushTimer: undefined,
        lastFlushAt: 0,
      };
      created.subscription = this.options.pubsub
        .subscribe(pubsubChannel(channel), (message) => this.deliver(created, message))
        .catch((error: unknown) => {
          this.options.logger.error({ err: error, channel }, 'realtime pub-sub subscribe failed');
          if (this.channels.get(channel) === created) {
            this.channels.delete(channel);
          }
          throw error;
        });
      this.channels.set(channel, created);
      entry = created;
    }
    entry.clients.add(client);
    await entry.subscription;
  }

  /** Removes a client from a channel; the last one leaving unsubscribes this instance. */
  async leave(client: HubClient, channel: string): Promise<void> {
    const entry = this.channels.get(channel);
    if (!entry?.clients.delete(client) || entry.clients.size > 0) {
      return;
    }
    this.channels.delete(channel);
    clearTimeout(entry.flushTimer);
    const unsubscribe = await entry.subscription.catch(() => undefined);
    await unsubscribe?.().catch((error: unknown) => {
      this.options.logger.warn({ err: error, channel }, 'realtime pub-sub unsubscribe failed');
    });
  }

  /** Channels with at least one local client (tests, diagnostics). */
  get channelCount(): number {
    return this.channels.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    const entries = [...this.channels.values()];
    this.channels.clear();
    entries.forEach((entry) => clearTimeout(entry.flushTimer));
    await Promise.allSettled(
      entries.map(async (entry) => {
        const unsubscribe = await entry.subscription;
        await unsubscribe?.();
      }),
    );
  }

  /** An event another instance republished (this instance's own went out when it republished them). */
  private deliver(entry: ChannelEntry, message: string): void {
    let parsed: PubSubMessage;
    try {
      parsed = JSON.parse(message) as PubSubMessage;
    } catch {
      this.options.logger.warn('realtime pub-sub message is not JSON');
      return;
    }
    if (parsed.origin !== this.origin) {
      this.queue(entry, parsed.channel, parsed.event);
    }
  }

  /** Queues an event for the channel's sockets, written at the end of the batch window. */
  private queue(entry: ChannelEntry, channel: string, event: EventEnvelope): void {
    entry.pending.push(Buffer.from(JSON.stringify({ type: 'event', channel, event })));
    if (entry.flushTimer) {
      return;
    }
    const window = this.options.batchWindowMs ?? DEFAULT_BATCH_WINDOW_MS;
    // A quiet channel flushes on the next turn (events of the same turn still share the write).
    const wait = Math.max(0, entry.lastFlushAt + window - Date.now());
    entry.flushTimer = setTimeout(() => this.flush(entry), wait);
  }

  private flush(entry: ChannelEntry): void {
    const batch = frameBatch(entry.pending);
    entry.pending = [];
    entry.flushTimer = undefined;
    entry.lastFlushAt = Date.now();
    let forwarded = 0;
    for (const client of [...entry.clients]) {
      if (client.push(batch)) {
        forwarded += batch.messages.length;
      }
    }
    this.options.metrics.eventsForwarded.inc(forwarded);
  }
}
