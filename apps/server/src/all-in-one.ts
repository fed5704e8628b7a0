import { gatewayOptionsFrom, GatewayConfig, registerApiDocs, registerGateway, registerRealtime, type OpenApiDocument } from '@pm/gateway';
import { injectTransport, inProcessTokenVerifier, loadConfig, type RuntimeConfig } from '@pm/kernel';
import type { RunningServer } from './process-server.ts';
import { hostServices } from './service-host.ts';
import { SERVICE_FACTORIES } from './services.ts';
import { registerWebApp } from './web.ts';

export type { RunningServer } from './process-server.ts';

/** Gateway, every service and the web app in one process, on one database and in-process bus. */
export async function startAllInOne(config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const gateway = loadConfig(GatewayConfig, env);
  return hostServices({
    name: 'seed-pm',
    config,
    env,
    factories: SERVICE_FACTORIES,
    databaseUrl: config.DATABASE_URL,
    // Every service's statements share this pool: with 10, writes queued for a connection under
    // load (bench/RESULTS.md: 20 gave creations +5%, status changes +3%, lists +5%).
    poolSize: config.DATABASE_POOL_SIZE ?? 20,
    dataFolder: 'db',
    // Tokens are checked against the auth service's keys through the same client it would use over HTTP.
    tokens: inProcessTokenVerifier,
    beforeServices: (app, infra) => registerGateway(app, gatewayOptionsFrom(gateway, config, infra.cache)),
    afterServices: async (app, infra) => {
      await registerApiDocs(app, () => app.swagger() as unknown as OpenApiDocument);
      // The WebSocket hub checks project and task access through the routes of this same app.
      const { bus, pubsub, metrics, logger } = infra;
      const routes = injectTransport(app);
      await registerRealtime(app, { tokens: inProcessTokenVerifier(app, infra), projects: routes, tasks: routes, bus, pubsub, metrics, logger });
      await registerWebApp(app, infra.logger);
    },
  });
}
