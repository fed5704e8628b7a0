import type { ConfirmChannel } from 'amqplib';
import type { EventEnvelope } from './envelope.ts';

/** Raised by `publish` while the bus has no connection to RabbitMQ (it keeps reconnecting). */
export class EventBusUnavailableError extends Error {
  constructor(reason = 'RabbitMQ is not connected') {
    super(reason);
    this.name = 'EventBusUnavailableError';
  }
}

/** Publishes one persistent event and resolves on the broker's confirm; a nack or timeout rejects. */
export function publishConfirmed(
  channel: ConfirmChannel,
  exchange: string,
  event: EventEnvelope,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`RabbitMQ did not confirm event ${event.id} in ${timeoutMs} ms`)),
      timeoutMs,
    );
    const content = Buffer.from(JSON.stringify(event));
    const properties = {
      persistent: true,
      messageId: event.id,
      type: event.type,
      contentType: 'application/json',
    };
    try {
      channel.publish(exchange, event.type, content, properties, (error: unknown) => {
        clearTimeout(timer);
        // A nack means the broker did not take the event: the caller keeps it and retries.
        if (error) {
          reject(error instanceof Error ? error : new Error(`RabbitMQ refused event ${event.id}`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      // The channel closed under us: amqplib throws instead of calling back.
      clearTimeout(timer);
      reject(error instanceof Error ? error : new EventBusUnavailableError());
    }
  });
}

/** Without heartbeats a silently dead peer goes unnoticed until TCP gives up, minutes later. */
export function withHeartbeat(url: string): string {
  const parsed = new URL(url);
  if (!parsed.searchParams.has('heartbeat')) {
    parsed.searchParams.set('heartbeat', '15');
  }
  return parsed.toString();
}
