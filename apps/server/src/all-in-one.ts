import { join } from 'node:path';
import { registerApiDocs, registerGateway, registerOpenApi } from '@pm/gateway';
import {
  createHttpServer,
  createInfrastructure,
  inProcessTokenVerifier,
  mountServices,
  openDatabase,
  registerAuthentication,
  RedisKeyValueStore,
  stopServices,
  type HttpServer,
  type RuntimeConfig,
} from '@pm/kernel';
import { SERVICE_FACTORIES } from './services.ts';
import { registerWebApp } from './web.ts';

export interface RunningServer {
  app: HttpServer;
  url: string;
  stop(): Promise<void>;
}

/** Gateway, every service and the web app in one process, on one database and in-process bus. */
export async function startAllInOne(config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const infra = createInfrastructure(config, 'seed-pm');
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(infra.dataDir, 'db') });
  const app = createHttpServer({
    logger: infra.logger,
    metrics: infra.metrics,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    readiness: { database: () => database.ping(), bus: async () => (infra.bus.isHealthy() ? undefined : Promise.reject(new Error('bus down'))) },
  });
  // Tokens are checked against the auth service's keys through the same client it would use over HTTP.
  const tokens = inProcessTokenVerifier(app, infra);
  registerAuthentication(app, tokens);
  await registerGateway(app, {
    corsOrigins: config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    redis: infra.cache instanceof RedisKeyValueStore ? infra.cache.client : undefined,
    rateLimitPerMinute: Number(env.GATEWAY_RATE_LIMIT_PER_MINUTE ?? 600),
  });
  await registerOpenApi(app);
  const booted = await mountServices(app, SERVICE_FACTORIES, { infra, database, tokens, env });
  await registerApiDocs(app, () => app.swagger());
  await registerWebApp(app, infra.logger);
  const url = await app.listen({ port: config.PORT, host: config.HOST });
  infra.logger.info({ url, database: database.kind, services: booted.map((s) => s.module.name) }, 'Seed PM is running');
  return {
    app,
    url,
    async stop() {
      await app.close();
      await stopServices(booted);
      await infra.close();
      await database.close();
    },
  };
}
