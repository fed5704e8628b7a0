import type { EventEnvelope } from './envelope.ts';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/**
 * How a consumer's durable queue treats events nobody takes, for consumers whose events are
 * worthless once stale (live pushes). Brokers without durable queues ignore them.
 */
export interface ConsumerQueueOptions {
  /** Events waiting longer than this are dropped unconsumed (RabbitMQ `x-message-ttl`). */
  messageTtlMs?: number;
  /** The queue itself is deleted after this long without any consumer (RabbitMQ `x-expires`). */
  unusedQueueExpiresMs?: number;
}

/**
 * Carries events between services. `publish` resolves once the broker has accepted the event
 * durably; a consumer's handler that throws gets the event again later (at-least-once).
 */
export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /**
   * `consumer` names one durable queue (one per consuming service); patterns are AMQP topics.
   * `queue` options apply when the consumer's first subscription declares its queue.
   */
  subscribe(
    consumer: string,
    patterns: string[],
    handler: EventHandler,
    queue?: ConsumerQueueOptions,
  ): Promise<void>;
  isHealthy(): boolean;
  close(): Promise<void>;
}
