import websocket from '@fastify/websocket';
import type { EventBus, Logger, Metrics, PubSub, TokenVerifier, Transport } from '@pm/kernel';
import type { FastifyInstance } from 'fastify';
import { RealtimeConnection, type ConnectionLimits } from './connection.ts';
import { RealtimeHub } from './hub.ts';
import { realtimeMetrics } from './metrics.ts';

export const REALTIME_PATH = '/api/v1/ws';

export interface RealtimeOptions {
  tokens: TokenVerifier;
  /** Reaches the projects service with the caller's token for `project:<id>` access checks. */
  projects: Transport | undefined;
  /** Reaches the tasks service with the caller's token for `task:<id>` access checks. */
  tasks?: Transport | undefined;
  bus: EventBus;
  pubsub: PubSub;
  metrics: Metrics;
  logger: Logger;
  limits?: Partial<ConnectionLimits>;
}

const defaultLimits: ConnectionLimits = {
  authTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
  maxSubscriptions: 200,
  maxBufferedBytes: 1_048_576,
};

/**
 * The gateway's WebSocket hub on `GET /api/v1/ws` (README, "Real-time"). Registers the route and
 * subscribes the hub to the bus; the hub's pub-sub subscriptions end when the app closes.
 */
export async function registerRealtime(app: FastifyInstance, options: RealtimeOptions): Promise<RealtimeHub> {
  const metrics = realtimeMetrics(options.metrics);
  const logger = options.logger.child({ component: 'realtime' });
  const hub = new RealtimeHub({ bus: options.bus, pubsub: options.pubsub, logger, metrics });
  const limits = { ...defaultLimits, ...options.limits };
  await app.register(async (scope) => {
    await scope.register(websocket, { options: { maxPayload: 64 * 1024 } });
    scope.get(REALTIME_PATH, { websocket: true, schema: { hide: true } }, (socket, request) => {
      const connection = new RealtimeConnection(socket, {
        hub,
        tokens: options.tokens,
        projects: options.projects,
        tasks: options.tasks,
        logger,
        metrics,
        limits,
      });
      const query = request.query as { access_token?: unknown } | undefined;
      if (typeof query?.access_token === 'string' && query.access_token) {
        connection.authenticate(query.access_token);
      }
    });
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });
  await hub.start();
  return hub;
}
