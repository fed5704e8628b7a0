import { join } from 'node:path';
import { registerOpenApi } from '@pm/gateway';
import {
  createInfrastructure,
  mountServices,
  openDatabase,
  registerAuthentication,
  stopServices,
  type HttpServer,
  type Infrastructure,
  type RuntimeConfig,
  type ServiceFactory,
  type TokenVerifier,
} from '@pm/kernel';
import { createProcessServer, listenOnConfiguredPort, type RunningServer } from './process-server.ts';

export interface ServiceHostOptions {
  /** Logger name of the process. */
  name: string;
  config: RuntimeConfig;
  env: NodeJS.ProcessEnv;
  factories: Record<string, ServiceFactory>;
  /** PostgreSQL URL; unset: the embedded database in DATA_DIR/<dataFolder>. */
  databaseUrl: string | undefined;
  /** PostgreSQL connections of the process (the embedded database has one). */
  poolSize: number;
  dataFolder: string;
  tokens(app: HttpServer, infra: Infrastructure): TokenVerifier;
  /** Runs before the services mount, so its hooks and plugins apply to their routes. */
  beforeServices?(app: HttpServer, infra: Infrastructure): Promise<void>;
  afterServices?(app: HttpServer, infra: Infrastructure): Promise<void>;
}

/**
 * One process running some services on one database: the all-in-one server (all of them) and
 * a split-mode service process (one) are both this, with different hooks around the services.
 */
export async function hostServices(options: ServiceHostOptions): Promise<RunningServer> {
  const infra = createInfrastructure(options.config, options.name);
  const database = await openDatabase({
    url: options.databaseUrl,
    dataDir: join(infra.dataDir, options.dataFolder),
    maxConnections: options.poolSize,
  }).catch(
    async (error: unknown) => {
      await infra.close();
      throw error;
    },
  );
  const app = createProcessServer(infra, {
    database: () => database.ping(),
    bus: async () => (infra.bus.isHealthy() ? undefined : Promise.reject(new Error('bus down'))),
  });
  try {
    const tokens = options.tokens(app, infra);
    registerAuthentication(app, tokens);
    await options.beforeServices?.(app, infra);
    await registerOpenApi(app);
    const booted = await mountServices(app, options.factories, { infra, database, tokens, env: options.env });
    await options.afterServices?.(app, infra);
    const release = async () => {
      await stopServices(booted);
      // Events already taken are handled to the end while their database is still open: closed
      // first, a handler's query waited for a connection that never came and the process never
      // exited after a load of writes (found by the benchmark). The bus closes again, as a no-op,
      // with the rest of the infrastructure.
      await infra.bus.close();
      await database.close();
    };
    return await listenOnConfiguredPort(app, infra, release, {
      database: database.kind,
      services: booted.map((service) => service.module.name),
    });
  } catch (error) {
    // A failed start (a migration, a taken port) must not leave connections holding the process or a test open.
    await Promise.allSettled([app.close(), database.close(), infra.close()]);
    throw error;
  }
}
