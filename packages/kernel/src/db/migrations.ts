import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logger.ts';

/** Raised when an already-applied migration file was edited afterwards. */
export class MigrationChecksumError extends Error {
  constructor(schema: string, id: string) {
    super(
      `Migration ${id} of schema "${schema}" was changed after it was applied. ` +
        'Migrations are forward-only: restore the file and add a new migration instead.',
    );
  }
}

interface MigrationFile {
  id: string;
  checksum: string;
  sql: string;
}

/** The kernel's own tables (outbox, inbox) that every service schema carries. */
export const kernelMigrationsDir = fileURLToPath(new URL('../../migrations', import.meta.url));

function readMigrations(source: string, dir: string): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return {
        id: `${source}/${name}`,
        checksum: createHash('sha256').update(text).digest('hex'),
        sql: text,
      };
    });
}

/**
 * Applies the kernel's and one service's migrations to its schema, in one transaction under an
 * advisory lock, so that instances starting together apply each file exactly once.
 */
export async function migrateSchema(
  root: Kysely<any>,
  schema: string,
  serviceMigrationsDir: string,
  logger?: Logger,
): Promise<string[]> {
  const files = [...readMigrations('kernel', kernelMigrationsDir), ...readMigrations(schema, serviceMigrationsDir)];
  const applied: string[] = [];
  await root.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`migrate:${schema}`}))`.execute(trx);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    await sql`create table if not exists ${sql.id(schema, 'schema_migrations')} (
      id text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{ id: string; checksum: string }>`
      select id, checksum from ${sql.id(schema, 'schema_migrations')}`.execute(trx);
    const known = new Map(done.rows.map((row) => [row.id, row.checksum]));
    await sql`select set_config('search_path', ${`"${schema}", public`}, true)`.execute(trx);
    for (const file of files) {
      const checksum = known.get(file.id);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) {
          throw new MigrationChecksumError(schema, file.id);
        }
        continue;
      }
      await sql.raw(file.sql).execute(trx);
      await sql`insert into ${sql.id(schema, 'schema_migrations')} (id, checksum) values (${file.id}, ${file.checksum})`.execute(
        trx,
      );
      applied.push(file.id);
    }
  });
  if (applied.length > 0) {
    logger?.info({ schema, applied }, 'migrations applied');
  }
  return applied;
}
