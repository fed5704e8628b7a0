import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateSchema } from '../src/db/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

/**
 * A schema `notes` holding only the kernel's tables (outbox, inbox), in an embedded database or a
 * PostgreSQL database of its own (`name`), opened before the enclosing tests and dropped after them;
 * `opened` receives it.
 */
export function withKernelTables(
  kind: 'pglite' | 'postgres',
  name: string,
  opened: (db: Kysely<any>) => void,
): void {
  let testDb: TestDatabase | undefined;
  let database: Database;
  beforeAll(async () => {
    testDb = kind === 'postgres' ? await createTestDatabase(name) : undefined;
    database = await openDatabase(testDb ? { url: testDb.url } : { dataDir: 'memory://' });
    await migrateSchema(database.root, 'notes', mkdtempSync(join(tmpdir(), 'none-')));
    opened(database.forSchema('notes'));
  });
  afterAll(async () => {
    await database.close();
    await testDb?.drop();
  });
}
