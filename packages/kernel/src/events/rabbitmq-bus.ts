import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Logger } from '../logger.ts';
import type { ConsumerQueueOptions, EventBus, EventHandler } from './bus.ts';
import type { EventEnvelope } from './envelope.ts';
import { QueueConsumer } from './rabbitmq-consumer.ts';
import { EventBusUnavailableError, publishConfirmed, withHeartbeat } from './rabbitmq-publish.ts';

export { EventBusUnavailableError };

export interface RabbitMqEventBusOptions {
  /** `amqp://user:pass@host:port/vhost`; a missing `heartbeat` query parameter defaults to 15 s. */
  url: string;
  /** Durable topic exchange every event goes through. */
  exchange?: string;
  /** Prepended to every consumer's queue name, so deployments (or test runs) can share one broker. */
  queuePrefix?: string;
  logger?: Logger;
  /** Unacknowledged deliveries per consumer queue (handlers running at once). */
  prefetch?: number;
  /** Waits between connection attempts; the last one repeats. */
  reconnectDelaysMs?: number[];
  /** Waits before a failed event is handed to its consumer again; the last one repeats. */
  retryDelaysMs?: number[];
  /** How long `publish` waits for the broker's confirm before it rejects. */
  confirmTimeoutMs?: number;
}

const defaults = {
  exchange: 'pm.events',
  prefetch: 10,
  reconnectDelaysMs: [100, 500, 1000, 2000, 5000, 10_000],
  retryDelaysMs: [1000, 5000, 15_000, 30_000],
  confirmTimeoutMs: 15_000,
};

/**
 * The EventBus over RabbitMQ: one durable topic exchange, one durable queue per consumer name.
 * amqplib's opt-in `recovery` reopens only the connection, not channels or consumers, so this
 * class reconnects itself with backoff and declares the exchange, queues, bindings and consumers
 * again. It connects on first use; while the broker is down `publish` rejects (the outbox keeps
 * the event), `subscribe` resolves and declares its queue on the next connection, nothing throws.
 */
export class RabbitMqEventBus implements EventBus {
  private readonly settings: typeof defaults;
  private readonly consumers = new Map<string, QueueConsumer>();
  private readonly consumerRetries = new Map<QueueConsumer, NodeJS.Timeout>();
  private readonly consumerFailures = new Map<QueueConsumer, number>();
  private connection: ChannelModel | undefined;
  private publisher: ConfirmChannel | undefined;
  private publisherOpening: Promise<ConfirmChannel> | undefined;
  private attempt: Promise<void> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private isStarted = false;
  private isClosed = false;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: RabbitMqEventBusOptions) {
    this.settings = {
      exchange: options.exchange ?? defaults.exchange,
      prefetch: options.prefetch ?? defaults.prefetch,
      reconnectDelaysMs: options.reconnectDelaysMs ?? defaults.reconnectDelaysMs,
      retryDelaysMs: options.retryDelaysMs ?? defaults.retryDelaysMs,
      confirmTimeoutMs: options.confirmTimeoutMs ?? defaults.confirmTimeoutMs,
    };
  }

  /** Starts connecting and waits for the first attempt. Never rejects: a failed attempt is retried. */
  async connect(): Promise<void> {
    this.start();
    await this.attempt;
  }

  async publish(event: EventEnvelope): Promise<void> {
    const channel = await this.publisherChannel();
    await publishConfirmed(channel, this.settings.exchange, event, this.settings.confirmTimeoutMs);
  }

  async subscribe(
    consumer: string,
    patterns: string[],
    handler: EventHandler,
    queueOptions?: ConsumerQueueOptions,
  ): Promise<void> {
    if (this.isClosed) {
      throw new EventBusUnavailableError('The event bus is closed');
    }
    let queue = this.consumers.get(consumer);
    if (!queue) {
      queue = this.createConsumer(consumer, queueOptions);
      this.consumers.set(consumer, queue);
    }
    queue.addHandler(patterns, handler);
    this.start();
    if (!this.connection) {
      await this.attempt;
    }
    // Declared now when connected, so events published after this resolves reach the queue;
    // otherwise on the next successful connection.
    if (this.connection) {
      await this.attachConsumer(queue, this.connection);
    }
  }

  isHealthy(): boolean {
    return this.connection !== undefined && !this.isClosed;
  }

  close(): Promise<void> {
    this.isClosed = true;
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    this.consumerRetries.forEach((timer) => clearTimeout(timer));
    this.consumerRetries.clear();
    await this.attempt;
    await Promise.all([...this.consumers.values()].map((queue) => queue.stop()));
    const connection = this.connection;
    this.connection = undefined;
    this.publisher = undefined;
    await connection?.close().catch(() => undefined);
  }

  private start(): void {
    if (this.isStarted || this.isClosed) {
      return;
    }
    this.isStarted = true;
    this.tryConnect();
  }

  private tryConnect(): void {
    this.reconnectTimer = undefined;
    if (this.isClosed) {
      return;
    }
    this.attempt = this.openConnection()
      .then(() => {
        this.failures = 0;
      })
      .catch((error: unknown) => {
        this.options.logger?.warn(
          { err: error, failures: this.failures + 1 },
          'RabbitMQ connection failed; retrying',
        );
        this.scheduleReconnect();
      })
      .finally(() => {
        this.attempt = undefined;
      });
  }

  private scheduleReconnect(): void {
    if (this.isClosed || this.reconnectTimer) {
      return;
    }
    const delays = this.settings.reconnectDelaysMs;
    const delayMs = delays[Math.min(this.failures, delays.length - 1)] ?? 1000;
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => this.tryConnect(), delayMs);
  }

  private async openConnection(): Promise<void> {
    const connection = await connect(withHeartbeat(this.options.url), { timeout: 10_000 });
    let isLost = false;
    connection.on('error', (error: Error) =>
      this.options.logger?.warn({ err: error }, 'RabbitMQ connection error'),
    );
    connection.on('close', () => {
      isLost = true;
      this.onConnectionClosed(connection);
    });
    try {
      const publisher = await this.openPublisher(connection);
      // Queues are bound before the bus reports healthy, so its own first publishes find them.
      await Promise.all([...this.consumers.values()].map((queue) => this.attachConsumer(queue, connection)));
      if (isLost || this.isClosed) {
        throw new EventBusUnavailableError('RabbitMQ connection closed while opening');
      }
      this.connection = connection;
      this.publisher = publisher;
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
    this.options.logger?.info({ exchange: this.settings.exchange }, 'RabbitMQ connected');
  }

  private onConnectionClosed(connection: ChannelModel): void {
    // A connection that closes while still opening fails its attempt instead.
    if (this.connection !== connection) {
      return;
    }
    this.connection = undefined;
    this.publisher = undefined;
    if (!this.isClosed) {
      this.options.logger?.warn('RabbitMQ connection lost; reconnecting');
      this.scheduleReconnect();
    }
  }

  private async openPublisher(connection: ChannelModel): Promise<ConfirmChannel> {
    const channel = await connection.createConfirmChannel();
    channel.on('error', (error: Error) =>
      this.options.logger?.warn({ err: error }, 'RabbitMQ publisher channel error'),
    );
    channel.on('close', () => {
      // Opened again on the next publish if the connection itself survived.
      if (this.publisher === channel) {
        this.publisher = undefined;
      }
    });
    await channel.assertExchange(this.settings.exchange, 'topic', { durable: true });
    return channel;
  }

  private async publisherChannel(): Promise<ConfirmChannel> {
    if (this.isClosed) {
      throw new EventBusUnavailableError('The event bus is closed');
    }
    this.start();
    if (!this.connection) {
      // Only the attempt in flight (the first one, after construction); never the whole backoff.
      await this.attempt;
    }
    const connection = this.connection;
    if (!connection) {
      throw new EventBusUnavailableError();
    }
    if (this.publisher) {
      return this.publisher;
    }
    this.publisherOpening ??= this.openPublisher(connection)
      .then((channel) => {
        if (this.connection === connection) {
          this.publisher = channel;
        }
        return channel;
      })
      .finally(() => {
        this.publisherOpening = undefined;
      });
    return this.publisherOpening;
  }

  private createConsumer(name: string, queueOptions: ConsumerQueueOptions | undefined): QueueConsumer {
    return new QueueConsumer({
      queue: (this.options.queuePrefix ?? '') + name,
      queueOptions,
      exchange: this.settings.exchange,
      prefetch: this.settings.prefetch,
      retryDelaysMs: this.settings.retryDelaysMs,
      logger: this.options.logger,
      onChannelLost: (queue) => this.retryConsumer(queue),
    });
  }

  /** Attaches one consumer; a failure is logged and retried, so one bad queue spares the rest. */
  private async attachConsumer(queue: QueueConsumer, connection: ChannelModel): Promise<void> {
    try {
      await queue.attach(connection);
      this.consumerFailures.delete(queue);
    } catch (error) {
      this.options.logger?.warn(
        { err: error, queue: queue.queue },
        'could not set up RabbitMQ consumer; retrying',
      );
      this.retryConsumer(queue);
    }
  }

  private retryConsumer(queue: QueueConsumer): void {
    if (this.isClosed || this.consumerRetries.has(queue)) {
      return;
    }
    const failures = this.consumerFailures.get(queue) ?? 0;
    this.consumerFailures.set(queue, failures + 1);
    const delays = this.settings.reconnectDelaysMs;
    const delayMs = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    const timer = setTimeout(() => {
      this.consumerRetries.delete(queue);
      // Without a connection the next reconnect attaches every consumer anyway.
      if (this.connection) {
        void this.attachConsumer(queue, this.connection);
      }
    }, delayMs);
    this.consumerRetries.set(queue, timer);
  }
}
