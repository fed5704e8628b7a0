import type { Metrics } from '@pm/kernel';
import { Counter, Gauge } from 'prom-client';

export interface RealtimeMetrics {
  openSockets: Gauge;
  eventsForwarded: Counter;
  slowSocketsClosed: Counter;
}

/** The hub's metrics on the process registry; a second hub in the same registry reuses them. */
export function realtimeMetrics(metrics: Metrics): RealtimeMetrics {
  const registry = metrics.registry;
  const existing = (name: string) => registry.getSingleMetric(name);
  return {
    openSockets:
      (existing('realtime_open_sockets') as Gauge | undefined) ??
      new Gauge({
        name: 'realtime_open_sockets',
        help: 'WebSocket connections open on this gateway',
        registers: [registry],
      }),
    eventsForwarded:
      (existing('realtime_events_forwarded_total') as Counter | undefined) ??
      new Counter({
        name: 'realtime_events_forwarded_total',
        help: 'Event messages written to WebSocket clients of this gateway',
        registers: [registry],
      }),
    slowSocketsClosed:
      (existing('realtime_slow_sockets_closed_total') as Counter | undefined) ??
      new Counter({
        name: 'realtime_slow_sockets_closed_total',
        help: 'WebSocket clients closed because their send buffer passed the limit',
        registers: [registry],
      }),
  };
}
