import type { Logger } from '../logger.ts';
import type { ConsumerQueueOptions, EventBus, EventHandler } from './bus.ts';
import { topicMatches, type EventEnvelope } from './envelope.ts';

interface Subscription {
  consumer: string;
  patterns: string[];
  handler: EventHandler;
}

/** In-process bus of the all-in-one mode: delivery after the publisher returns, retried on failure. */
export class MemoryEventBus implements EventBus {
  private readonly subscriptions: Subscription[] = [];
  private readonly pending = new Set<Promise<void>>();
  private closed = false;

  constructor(
    private readonly logger?: Logger,
    private readonly retryDelaysMs: number[] = [50, 200, 1000, 5000, 15000],
  ) {}

  publish(event: EventEnvelope): Promise<void> {
    for (const subscription of this.subscriptions) {
      if (subscription.patterns.some((pattern) => topicMatches(pattern, event.type))) {
        this.track(this.deliver(subscription, event, 0));
      }
    }
    return Promise.resolve();
  }

  /** Queue options do not apply: nothing waits here for a consumer that is not running. */
  subscribe(
    consumer: string,
    patterns: string[],
    handler: EventHandler,
    _queue?: ConsumerQueueOptions,
  ): Promise<void> {
    this.subscriptions.push({ consumer, patterns, handler });
    return Promise.resolve();
  }

  isHealthy(): boolean {
    return !this.closed;
  }

  /** Resolves when every delivery in flight has settled (tests and shutdown). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.allSettled([...this.pending]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  private track(delivery: Promise<void>): void {
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  private async deliver(subscription: Subscription, event: EventEnvelope, attempt: number): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.closed) {
      return;
    }
    try {
      await subscription.handler(event);
    } catch (error) {
      const delay = this.retryDelaysMs[attempt];
      this.logger?.warn(
        { err: error, event_id: event.id, consumer: subscription.consumer, attempt },
        'event handler failed',
      );
      if (delay === undefined) {
        this.logger?.error(
          { event_id: event.id, consumer: subscription.consumer },
          'event dropped after retries',
        );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      await this.deliver(subscription, event, attempt + 1);
    }
  }
}
