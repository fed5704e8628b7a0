import {
  ConfigError,
  createTokenVerifier,
  httpJwksSource,
  inProcessTokenVerifier,
  loadConfig,
  type RuntimeConfig,
  type ServiceFactory,
} from '@pm/kernel';
import type { RunningServer } from './process-server.ts';
import { hostServices } from './service-host.ts';
import { databaseUrlVariable, serviceProcessConfig } from './service-process-config.ts';

/**
 * One service alone in its process (split mode): its own database, its routes under /api/v1, its
 * OpenAPI document at /openapi.json for the gateway to merge. No gateway rules here: the gateway
 * in front applies them.
 */
export async function startSingleService(
  name: string,
  factory: ServiceFactory,
  config: RuntimeConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServer> {
  const own = loadConfig(serviceProcessConfig(name), env);
  const authUrl = own.AUTH_SERVICE_URL?.replace(/\/$/, '');
  if (name !== 'auth' && !authUrl) {
    throw new ConfigError([`AUTH_SERVICE_URL is required to run ${name} alone: its tokens are verified with the auth service's keys`]);
  }
  return hostServices({
    name,
    config,
    env,
    factories: { [name]: factory },
    databaseUrl: own[databaseUrlVariable(name)] ?? config.DATABASE_URL,
    dataFolder: name,
    poolSize: config.DATABASE_POOL_SIZE ?? 10,
    // The auth service holds the keys itself; every other service fetches them over HTTP.
    tokens: (app, infra) =>
      name === 'auth'
        ? inProcessTokenVerifier(app, infra)
        : createTokenVerifier({ jwks: httpJwksSource(`${authUrl}/.well-known/jwks.json`), denylist: infra.cache }),
    afterServices: async (app) => {
      app.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
  });
}
