import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inProcessTokenVerifier, mountServices, stopServices } from '../compose.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { registerAuthentication } from '../http/authentication.ts';
import { createHttpServer, type HttpServer } from '../http/server.ts';
import { createInfrastructure, type BootedService, type Infrastructure } from '../runtime.ts';
import { RuntimeConfig } from '../runtime-config.ts';
import type { ServiceFactory } from '../service.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: HttpServer;
  infra: Infrastructure;
  database: Database;
  services: BootedService[];
  close(): Promise<void>;
}

/**
 * Services mounted on one Fastify app for `inject` tests, on a fresh database of the machine's
 * PostgreSQL (or the embedded PGlite in memory with `embedded: true`).
 */
export async function startTestApp(options: {
  factories: Record<string, ServiceFactory>;
  env?: Record<string, string>;
  embedded?: boolean;
}): Promise<TestApp> {
  const testDb = options.embedded ? undefined : await createTestDatabase();
  const env = { LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-test-')), ...options.env };
  const config = loadConfig(RuntimeConfig, env);
  const infra = createInfrastructure(config, 'test');
  const database = await openDatabase({ url: testDb?.url, dataDir: 'memory://' });
  const app = createHttpServer({ logger: infra.logger, metrics: infra.metrics, bodyLimitBytes: config.BODY_LIMIT_BYTES });
  const tokens = inProcessTokenVerifier(app, infra);
  registerAuthentication(app, tokens);
  const services = await mountServices(app, options.factories, { infra, database, tokens, env });
  await app.ready();
  return {
    app,
    infra,
    database,
    services,
    async close() {
      await app.close();
      await stopServices(services);
      await infra.close();
      await database.close();
      await testDb?.drop();
    },
  };
}
