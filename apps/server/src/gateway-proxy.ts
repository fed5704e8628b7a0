import {
  configuredUpstreams,
  GatewayConfig,
  gatewayOptionsFrom,
  mergedOpenApiSource,
  registerApiDocs,
  registerGateway,
  registerOpenApi,
  registerRealtime,
  registerUpstreamProxies,
  type OpenApiDocument,
} from '@pm/gateway';
import {
  ConfigError,
  createInfrastructure,
  createTokenVerifier,
  httpJwksSource,
  httpTransport,
  loadConfig,
  registerAuthentication,
  type RuntimeConfig,
} from '@pm/kernel';
import { createProcessServer, listenOnConfiguredPort, type RunningServer } from './process-server.ts';

/**
 * The gateway alone (split mode): verifies tokens with the auth service's public keys, applies
 * the gateway's rules, and forwards each route-table entry whose upstream URL is configured.
 */
export async function startGatewayProxy(config: RuntimeConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const gateway = loadConfig(GatewayConfig, env);
  if (!gateway.AUTH_SERVICE_URL) {
    throw new ConfigError(['AUTH_SERVICE_URL is required to run the gateway alone: it verifies tokens with the auth service\'s keys']);
  }
  const upstreams = configuredUpstreams(gateway);
  const infra = createInfrastructure(config, 'gateway');
  const app = createProcessServer(infra);
  const authUrl = gateway.AUTH_SERVICE_URL.replace(/\/$/, '');
  // The denylist lives in the shared cache, where the auth service records signed-out tokens.
  const tokens = createTokenVerifier({ jwks: httpJwksSource(`${authUrl}/.well-known/jwks.json`), denylist: infra.cache });
  registerAuthentication(app, tokens);
  await registerGateway(app, gatewayOptionsFrom(gateway, config, infra.cache));
  await registerOpenApi(app);
  await registerUpstreamProxies(app, upstreams);
  const document = mergedOpenApiSource({
    base: () => app.swagger() as unknown as OpenApiDocument,
    upstreams,
    cacheMs: gateway.GATEWAY_OPENAPI_CACHE_SECONDS * 1000,
    logger: infra.logger,
  });
  await registerApiDocs(app, document);
  // The WebSocket hub: project and task access is asked of their services with the caller's token.
  await registerRealtime(app, {
    tokens,
    projects: gateway.PROJECTS_SERVICE_URL ? httpTransport(gateway.PROJECTS_SERVICE_URL) : undefined,
    tasks: gateway.TASKS_SERVICE_URL ? httpTransport(gateway.TASKS_SERVICE_URL) : undefined,
    bus: infra.bus,
    pubsub: infra.pubsub,
    metrics: infra.metrics,
    logger: infra.logger,
  });
  return listenOnConfiguredPort(app, infra, async () => undefined, {
    upstreams: Object.fromEntries(upstreams.map((upstream) => [upstream.service, upstream.url])),
  });
}
