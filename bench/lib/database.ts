import { Redis } from 'ioredis';
import pg from 'pg';

/** The machine's PostgreSQL and Redis; the benchmark makes a database and a key prefix of its own. */
export const ADMIN_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function asAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_POSTGRES_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** A connected client of the benchmark database (the caller ends it). */
  connect: () => Promise<pg.Client>;
  /** PostgreSQL's version, and as text the server settings a run's figures may depend on. */
  server(): Promise<PostgresServer>;
  drop(): Promise<void>;
}

/**
 * What a run's figures may depend on beyond the code: the version, and the settings that set how
 * much of the 1,000,000-task project's indexes stays in PostgreSQL's own cache and how often a
 * checkpoint starts (the writes' full-page images). A 4 GB cache left the writes' p99 where 128 MB
 * had (bench/RESULTS.md); the line says which a run had.
 */
export interface PostgresServer {
  version: string;
  settings: string;
}

export async function createBenchDatabase(runId: string): Promise<BenchDatabase> {
  const name = `bench_${runId}`;
  await asAdmin((client) => client.query(`create database "${name}"`));
  const url = new URL(ADMIN_POSTGRES_URL);
  url.pathname = `/${name}`;
  const connect = async () => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  return {
    name,
    url: url.toString(),
    connect,
    server: () =>
      asAdmin(async (client) => {
        const { rows } = await client.query<{ version: string; buffers: string; wal: string }>(
          `select current_setting('server_version') as version, current_setting('shared_buffers') as buffers,
             current_setting('max_wal_size') as wal`,
        );
        const { version, buffers, wal } = rows[0]!;
        return { version, settings: `shared_buffers ${buffers}, max_wal_size ${wal}` };
      }),
    drop: () =>
      asAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

/** Deletes the run's Redis keys (rate-limit counters, cache entries), which would otherwise only expire. */
export async function deleteRedisKeys(prefix: string): Promise<number> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) {
        deleted += await redis.del(...keys);
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
