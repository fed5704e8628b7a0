import type { EventEnvelope } from './envelope.ts';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

/**
 * Carries events between services. `publish` resolves once the broker has accepted the event
 * durably; a consumer's handler that throws gets the event again later (at-least-once).
 */
export interface EventBus {
  publish(event: EventEnvelope): Promise<void>;
  /** `consumer` names one durable queue (one per consuming service); patterns are AMQP topics. */
  subscribe(consumer: string, patterns: string[], handler: EventHandler): Promise<void>;
  isHealthy(): boolean;
  close(): Promise<void>;
}
