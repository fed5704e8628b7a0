import type { ConsumerQueueOptions, EventBus, EventEnvelope, Logger, PubSub } from '@pm/kernel';
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

/** What the hub needs from a socket: it writes pre-serialised frames. */
export interface HubClient {
  /** Writes one text frame; returns false when the client was dropped (too slow or closed). */
  push(frame: string): boolean;
}

interface ChannelEntry {
  clients: Set<HubClient>;
  /** Resolves to the pub-sub unsubscribe once the subscription is in place. */
  subscription: Promise<(() => Promise<void>) | undefined>;
}

/**
 * Fan-out of domain events to sockets across gateway instances. One instance takes each event
 * from the bus and republishes it on the pub-sub under `realtime:<channel>`; every instance
 * listens there for the channels its own sockets subscribed to (one pub-sub subscription per
 * channel, counted by the sockets holding it) and writes the event to those sockets.
 */
export class RealtimeHub {
  private readonly channels = new Map<string, ChannelEntry>();
  private closed = false;

  constructor(
    private readonly options: {
      bus: EventBus;
      pubsub: PubSub;
      logger: Logger;
      metrics: RealtimeMetrics;
      /** Defaults to {@link REALTIME_QUEUE}. */
      queue?: ConsumerQueueOptions;
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
    await Promise.all(
      channels.map((channel) =>
        this.options.pubsub.publish(pubsubChannel(channel), JSON.stringify({ channel, event })),
      ),
    );
  }

  /** Adds a client to a channel; the first client of a channel subscribes this instance to it. */
  async join(client: HubClient, channel: string): Promise<void> {
    let entry = this.channels.get(channel);
    if (!entry) {
      const created: ChannelEntry = { clients: new Set(), subscription: Promise.resolve(undefined) };
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
    await Promise.allSettled(
      entries.map(async (entry) => {
        const unsubscribe = await entry.subscription;
        await unsubscribe?.();
      }),
    );
  }

  private deliver(entry: ChannelEntry, message: string): void {
    let parsed: { channel: string; event: EventEnvelope };
    try {
      parsed = JSON.parse(message) as { channel: string; event: EventEnvelope };
    } catch {
      this.options.logger.warn('realtime pub-sub message is not JSON');
      return;
    }
    const frame = JSON.stringify({ type: 'event', channel: parsed.channel, event: parsed.event });
    for (const client of [...entry.clients]) {
      if (client.push(frame)) {
        this.options.metrics.eventsForwarded.inc();
      }
    }
  }
}
