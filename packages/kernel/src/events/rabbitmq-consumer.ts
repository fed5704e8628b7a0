import type { Channel, ChannelModel, ConsumeMessage, Options } from 'amqplib';
import type { Logger } from '../logger.ts';
import type { ConsumerQueueOptions, EventHandler } from './bus.ts';
import { topicMatches, type EventEnvelope } from './envelope.ts';

interface HandlerEntry {
  patterns: string[];
  handler: EventHandler;
}

export interface QueueConsumerOptions {
  queue: string;
  exchange: string;
  prefetch: number;
  /** Delay before a failed event is handed out again, by attempt; the last one repeats. */
  retryDelaysMs: number[];
  logger?: Logger | undefined;
  /** Message TTL and expiry of the queue; a queue declared earlier without them is replaced. */
  queueOptions?: ConsumerQueueOptions | undefined;
  /** Told when the channel closed under a consumer that should still be running. */
  onChannelLost: (consumer: QueueConsumer) => void;
}

/**
 * One consumer name of the RabbitMQ bus: its durable queue, its bindings and every handler
 * subscribed under that name. It lives across connections; `attach` rebuilds it on a new one.
 */
export class QueueConsumer {
  private readonly handlers: HandlerEntry[] = [];
  private readonly patterns = new Set<string>();
  private channel: Channel | undefined;
  private consumerTag: string | undefined;
  private bound = new Set<string>();
  private opening: Promise<void> | undefined;
  private readonly attempts = new Map<string, number>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private isStopped = false;

  constructor(private readonly options: QueueConsumerOptions) {}

  get queue(): string {
    return this.options.queue;
  }

  addHandler(patterns: string[], handler: EventHandler): void {
    this.handlers.push({ patterns, handler });
    patterns.forEach((pattern) => this.patterns.add(pattern));
  }

  /** Declares the queue, binds every pattern and consumes on `connection`; safe to repeat. */
  async attach(connection: ChannelModel): Promise<void> {
    if (!this.channel) {
      this.opening ??= this.open(connection).finally(() => {
        this.opening = undefined;
      });
      await this.opening;
    }
    if (this.channel) {
      await this.bindMissing(this.channel);
    }
  }

  /** Stops taking deliveries, lets running handlers finish and settle, then closes the channel. */
  async stop(): Promise<void> {
    this.isStopped = true;
    await this.opening?.catch(() => undefined);
    const channel = this.channel;
    if (channel && this.consumerTag) {
      await channel.cancel(this.consumerTag).catch(() => undefined);
    }
    await Promise.allSettled([...this.inFlight]);
    this.clearRetryTimers();
    this.channel = undefined;
    // Closing requeues whatever is still unacknowledged, such as events waiting for a retry.
    await channel?.close().catch(() => undefined);
  }

  private async open(connection: ChannelModel): Promise<void> {
    const { queue, prefetch } = this.options;
    const channel = await this.declare(connection);
    try {
      await channel.prefetch(prefetch);
      this.bound = new Set();
      await this.bindMissing(channel);
      // Set before consuming: deliveries can arrive before `consume` resolves, and they settle here.
      this.channel = channel;
      const reply = await channel.consume(queue, (message) => this.onMessage(channel, message));
      this.consumerTag = reply.consumerTag;
    } catch (error) {
      // The caller retries; clearing first keeps `onClose` from scheduling a second retry.
      this.channel = undefined;
      await channel.close().catch(() => undefined);
      throw error;
    }
  }

  /** A channel on which the exchange and this consumer's queue are declared. */
  private async declare(connection: ChannelModel, replaced = false): Promise<Channel> {
    const { queue, exchange, logger, queueOptions } = this.options;
    const channel = await connection.createChannel();
    channel.on('error', (error: Error) =>
      logger?.warn({ err: error, queue }, 'RabbitMQ consumer channel error'),
    );
    channel.on('close', () => this.onClose(channel));
    try {
      await channel.assertExchange(exchange, 'topic', { durable: true });
      await channel.assertQueue(queue, queueDeclaration(queueOptions));
      return channel;
    } catch (error) {
      await channel.close().catch(() => undefined);
      if (replaced || !queueOptions || !isPreconditionFailed(error)) {
        throw error;
      }
      // The queue exists with other arguments (declared by an older version). It only holds
      // events that are stale by design, so it is replaced rather than left to grow.
      logger?.warn({ queue }, 'RabbitMQ queue declared with other arguments; replacing it');
      const admin = await connection.createChannel();
      try {
        await admin.deleteQueue(queue);
      } finally {
        await admin.close().catch(() => undefined);
      }
      return this.declare(connection, true);
    }
  }

  private async bindMissing(channel: Channel): Promise<void> {
    for (const pattern of this.patterns) {
      if (!this.bound.has(pattern)) {
        await channel.bindQueue(this.options.queue, this.options.exchange, pattern);
        this.bound.add(pattern);
      }
    }
  }

  private onClose(channel: Channel): void {
    if (this.channel !== channel) {
      return;
    }
    this.channel = undefined;
    this.consumerTag = undefined;
    // The broker requeued every unacknowledged message with the channel: pending retries are moot.
    this.clearRetryTimers();
    if (!this.isStopped) {
      this.options.onChannelLost(this);
    }
  }

  private onMessage(channel: Channel, message: ConsumeMessage | null): void {
    if (message === null) {
      // The broker cancelled the consumer (its queue was deleted): a closed channel gets rebuilt.
      this.options.logger?.warn({ queue: this.options.queue }, 'RabbitMQ cancelled the consumer');
      void channel.close().catch(() => undefined);
      return;
    }
    const delivery = this.deliver(channel, message).finally(() => this.inFlight.delete(delivery));
    this.inFlight.add(delivery);
  }

  private async deliver(channel: Channel, message: ConsumeMessage): Promise<void> {
    const event = parseEnvelope(message);
    if (!event) {
      // Redelivering what can never be parsed would loop forever; log it and let it go.
      this.options.logger?.error(
        { queue: this.options.queue, message_id: message.properties.messageId },
        'dropping a message that is not an event envelope',
      );
      this.settle(channel, () => channel.ack(message));
      return;
    }
    try {
      for (const entry of this.handlers) {
        if (entry.patterns.some((pattern) => topicMatches(pattern, event.type))) {
          await entry.handler(event);
        }
      }
      this.attempts.delete(event.id);
      this.settle(channel, () => channel.ack(message));
    } catch (error) {
      this.retryLater(channel, message, event, error);
    }
  }

  /**
   * Keeps the failed message unacknowledged for a while, then requeues it: it stays safe on the
   * broker (a crash or lost connection redelivers it) and a failing handler cannot spin.
   */
  private retryLater(channel: Channel, message: ConsumeMessage, event: EventEnvelope, error: unknown): void {
    if (this.isStopped) {
      // Stopping closes the channel, which requeues the message; a timer would only delay exit.
      return;
    }
    const attempt = (this.attempts.get(event.id) ?? 0) + 1;
    this.attempts.set(event.id, attempt);
    const delays = this.options.retryDelaysMs;
    const delayMs = delays[Math.min(attempt, delays.length) - 1] ?? 1000;
    this.options.logger?.warn(
      {
        err: error,
        queue: this.options.queue,
        event_id: event.id,
        event_type: event.type,
        attempt,
        retry_in_ms: delayMs,
      },
      'event handler failed; the event will be redelivered',
    );
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.settle(channel, () => channel.nack(message, false, true));
    }, delayMs);
    this.retryTimers.add(timer);
  }

  /** Acks or nacks on the channel the message came from, unless that channel is gone. */
  private settle(channel: Channel, operation: () => void): void {
    if (this.channel !== channel) {
      // A closed channel's unacknowledged messages were requeued by the broker already.
      return;
    }
    try {
      operation();
    } catch (error) {
      this.options.logger?.warn(
        { err: error, queue: this.options.queue },
        'could not settle a RabbitMQ message',
      );
    }
  }

  private clearRetryTimers(): void {
    this.retryTimers.forEach((timer) => clearTimeout(timer));
    this.retryTimers.clear();
  }
}

/** `assertQueue` options: durable, plus TTL and expiry when the consumer asked for them. */
export function queueDeclaration(options: ConsumerQueueOptions | undefined): Options.AssertQueue {
  return {
    durable: true,
    ...(options?.messageTtlMs === undefined ? {} : { messageTtl: options.messageTtlMs }),
    ...(options?.unusedQueueExpiresMs === undefined ? {} : { expires: options.unusedQueueExpiresMs }),
  };
}

/** The broker refused a declaration that differs from the existing queue's (AMQP 406). */
function isPreconditionFailed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 406;
}

function parseEnvelope(message: ConsumeMessage): EventEnvelope | undefined {
  try {
    const value = JSON.parse(message.content.toString('utf8')) as Partial<EventEnvelope> | null;
    return typeof value?.id === 'string' && typeof value.type === 'string'
      ? (value as EventEnvelope)
      : undefined;
  } catch {
    return undefined;
  }
}
