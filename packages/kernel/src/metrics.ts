import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The Prometheus metrics of one process; every service of the process adds to the same set. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly handlerFailures = new Counter({
    name: 'event_handler_failures_total',
    help: 'Event handler invocations that threw',
    labelNames: ['consumer', 'event_type'],
    registers: [this.registry],
  });
  readonly eventsPublished = new Counter({
    name: 'events_published_total',
    help: 'Events the outbox relay handed to the bus',
    labelNames: ['schema'],
    registers: [this.registry],
  });
  private readonly backlogReaders = new Map<string, () => Promise<number>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const readers = this.backlogReaders;
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox events not yet published, per service schema',
      labelNames: ['schema'],
      registers: [this.registry],
      async collect() {
        for (const [schema, read] of readers) {
          try {
            this.set({ schema }, await read());
          } catch {
            // An unreachable database shows as a missing sample, not a failed scrape.
          }
        }
      },
    });
  }

  watchOutbox(schema: string, read: () => Promise<number>): void {
    this.backlogReaders.set(schema, read);
  }
}
