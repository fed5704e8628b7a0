import type { JSONWebKeySet } from 'jose';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier.ts';
import type { Database } from './db/database.ts';
import type { HttpServer } from './http/server.ts';
import { bootService, type BootedService, type Infrastructure } from './runtime.ts';
import { injectTransport } from './service-client.ts';
import type { ServiceFactory } from './service.ts';

export const API_BASE_PATH = '/api/v1';

/** Verifies tokens with the keys the auth service of this same process publishes. */
export function inProcessTokenVerifier(app: HttpServer, infra: Infrastructure): TokenVerifier {
  const transport = injectTransport(app);
  return createTokenVerifier({
    jwks: async () => (await transport({ method: 'GET', path: '/.well-known/jwks.json' })).body as JSONWebKeySet,
    denylist: infra.cache,
  });
}

/** Boots each service (migrations, outbox relay) and mounts its routes on the app. */
export async function mountServices(
  app: HttpServer,
  factories: Record<string, ServiceFactory>,
  options: { infra: Infrastructure; database: Database; tokens: TokenVerifier; env?: NodeJS.ProcessEnv },
): Promise<BootedService[]> {
  const booted: BootedService[] = [];
  for (const [name, factory] of Object.entries(factories)) {
    const service = await bootService(factory, { name, ...options });
    booted.push(service);
    await app.register(service.module.routes, { prefix: API_BASE_PATH });
    if (service.module.rootRoutes) {
      await app.register(service.module.rootRoutes);
    }
  }
  booted.forEach((service) => service.relay.start());
  return booted;
}

export async function stopServices(booted: BootedService[]): Promise<void> {
  for (const service of [...booted].reverse()) {
    await service.stop();
  }
}
