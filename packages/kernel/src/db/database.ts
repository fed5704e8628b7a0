import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { NO_JIT, PLAN_ONCE, PreparingClient } from './preparing-client.ts';

// Counts and bigints come back as strings by default; ids and sums we need as numbers are cast in SQL.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

/** A connection to one PostgreSQL database (a server or the embedded PGlite). */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  /** Kysely over the whole database; services use `forSchema`. */
  readonly root: Kysely<any>;
  /** Kysely whose table references resolve in one service's schema. */
  forSchema<DB>(schema: string): Kysely<DB>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` for a server; unset for the embedded database in `dataDir`. */
  url?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory. */
  dataDir?: string | undefined;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      Client: PreparingClient,
    });
    // A connection the server ends (a restart, a failover, a dropped test database) must not crash
    // the process with an unhandled 'error': the pool drops it and opens another for the next query,
    // and a query that was running on it still fails with the error.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    planOnce(pool);
    return wrap('postgres', pool, async () => {
      await settled(pool);
      await pool.end();
    });
  }
  const dataDir = options.dataDir ?? 'memory://';
  const release = dataDir.startsWith('memory://') ? () => undefined : lockDataDir(dataDir);
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  // PGlite has a single backend: one pool connection, shared by every service of the process.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, Client: PreparingClient });
  planOnce(pool);
  return wrap('pglite', pool, async () => {
    await settled(pool);
    await pool.end();
    await pglite.close();
    release();
  });
}

/**
 * Each new connection plans prepared statements once (PLAN_ONCE) and compiles none (NO_JIT). The
 * `set`s are queued before the query the connection was opened for, so they run first.
 */
function planOnce(pool: pg.Pool): void {
  // One query: a second, sent while the first runs, is deprecated by pg (a warning on each connection).
  pool.on('connect', (client) => void client.query(`${PLAN_ONCE}; ${NO_JIT}`).catch(() => undefined));
}

/**
 * Resolves once no connection has been in use (nor asked for) for `quietMs`, or after `maxMs`:
 * work still under way when the process is told to stop — a request whose client has gone, an
 * event handler — runs its remaining queries instead of failing on an ended pool ("Cannot use a
 * pool after calling end on the pool", seen when a benchmark load stopped).
 */
async function settled(pool: pg.Pool, quietMs = 100, maxMs = 5_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (pool.totalCount > pool.idleCount || pool.waitingCount > 0) {
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function wrap(kind: Database['kind'], pool: pg.Pool, close: () => Promise<void>): Database {
  const root = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind,
    root,
    forSchema: <DB>(schema: string): Kysely<DB> => root.withSchema(schema) as Kysely<DB>,
    ping: async () => {
      await sql`select 1`.execute(root);
    },
    close,
  };
}

/** Claims the data folder for this process; a second process gets a clear refusal. */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, '..', `${dataDir.split('/').filter(Boolean).pop() ?? 'db'}.lock`);
  try {
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(`The data folder ${dataDir} is in use by process ${holder}; stop it first.`);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
