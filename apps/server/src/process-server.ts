import { createHttpServer, type HttpServer, type Infrastructure } from '@pm/kernel';

/** A launcher process once it listens: its app, its address, and how to stop it cleanly. */
export interface RunningServer {
  app: HttpServer;
  url: string;
  stop(): Promise<void>;
}

/** The HTTP server of any launcher process, configured from the process's RuntimeConfig. */
export function createProcessServer(infra: Infrastructure, readiness: Record<string, () => Promise<void>> = {}): HttpServer {
  const { config } = infra;
  return createHttpServer({
    logger: infra.logger,
    metrics: infra.metrics,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY || false,
    readiness,
  });
}

/**
 * Listens on PORT and HOST; `stop` closes the server first (no new requests), then what the
 * process built on top of the infrastructure (`release`), then the infrastructure itself.
 */
export async function listenOnConfiguredPort(
  app: HttpServer,
  infra: Infrastructure,
  release: () => Promise<void>,
  details: Record<string, unknown>,
): Promise<RunningServer> {
  const url = await app.listen({ port: infra.config.PORT, host: infra.config.HOST });
  infra.logger.info({ url, ...details }, 'listening');
  return {
    app,
    url,
    async stop() {
      await app.close();
      await release();
      await infra.close();
    },
  };
}
