import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenVerifier, defineEvent, loadConfig, RuntimeConfig, type ServiceFactory } from '@pm/kernel';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import pg from 'pg';
import { Type } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import { hostServices } from '../src/service-host.ts';

const Pinged = defineEvent('pinger.ping.sent', 1, Type.Object({ ping_id: Type.String() }));

/** A service whose route announces a ping and whose own subscriber records it, slowly. */
function pingerService(handlerStarted: () => void): ServiceFactory {
  return (ctx) => ({
    name: 'pinger',
    routePrefixes: ['/pings'],
    migrationsDir: fileURLToPath(new URL('./fixtures/pinger-migrations', import.meta.url)),
    routes: async (app) => {
      app.post('/pings', async (_request, reply) => {
        const event = Pinged.create({ ping_id: crypto.randomUUID() });
        await ctx.outbox.transaction(ctx.db, (trx) => ctx.outbox.add(trx, event));
        return reply.status(202).send({ ping_id: event.data.ping_id });
      });
    },
    start: () =>
      ctx.bus.subscribe('pinger', [Pinged.type], async (event) => {
        handlerStarted();
        await new Promise((resolve) => setTimeout(resolve, 300));
        await ctx.db.insertInto('pings').values({ id: (event.data as { ping_id: string }).ping_id }).execute();
      }),
  });
}

describe('stopping a server while it handles events', () => {
  let database: TestDatabase | undefined;
  afterAll(() => database?.drop());

  it('finishes the events already taken before it closes the database', async () => {
    database = await createTestDatabase('shutdown');
    const env = { PORT: '0', HOST: '127.0.0.1', DATABASE_URL: database.url, DATA_DIR: mkdtempSync(join(tmpdir(), 'pm-stop-')), LOG_LEVEL: 'silent' };
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    const server = await hostServices({
      name: 'shutdown-test',
      config: loadConfig(RuntimeConfig, env),
      env,
      factories: { pinger: pingerService(() => started()) },
      databaseUrl: database.url,
      poolSize: 10,
      dataFolder: 'db',
      tokens: () => createTokenVerifier({ jwks: async () => ({ keys: [] }) }),
    });
    const res = await server.app.inject({ method: 'POST', url: '/api/v1/pings' });
    expect(res.statusCode).toBe(202);
    await handling;

    const stopped = await Promise.race([
      server.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still stopping after 10 s'), 10_000).unref()),
    ]);

    expect(stopped).toBe('stopped');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('select id from pinger.pings');
    await client.end();
    expect(rows).toEqual([{ id: res.json<{ ping_id: string }>().ping_id }]);
  }, 60_000);
});
