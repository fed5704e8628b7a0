import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/database.ts';
import { MigrationChecksumError, migrateSchema } from '../src/db/migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

describe('migrateSchema', () => {
  let testDb: TestDatabase;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase('migr');
    a = await openDatabase({ url: testDb.url });
    b = await openDatabase({ url: testDb.url });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await testDb.drop();
  });

  function migrationsDir(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'migr-'));
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
    }
    return dir;
  }

  it('applies each file once, in its own schema, even when two instances start together', async () => {
    const dir = migrationsDir({
      '0001_create.sql': 'create table widgets (id serial primary key, name text not null);',
      '0002_seed.sql': "insert into widgets (name) values ('first');",
    });
    const [first, second] = await Promise.all([migrateSchema(a.root, 'race', dir), migrateSchema(b.root, 'race', dir)]);
    expect([...first, ...second].sort()).toEqual(['kernel/0001_outbox_inbox.sql', 'kernel/0002_outbox_claims.sql', 'race/0001_create.sql', 'race/0002_seed.sql']);
    const rows = await sql<{ n: number }>`select count(*)::int as n from race.widgets`.execute(a.root);
    expect(rows.rows[0]!.n).toBe(1);
    expect(await migrateSchema(a.root, 'race', dir)).toEqual([]);
  });

  it('stops with a clear error when an applied migration was edited', async () => {
    const dir = migrationsDir({ '0001_create.sql': 'create table things (id int);' });
    await migrateSchema(a.root, 'edited', dir);
    writeFileSync(join(dir, '0001_create.sql'), 'create table things (id bigint);');
    await expect(migrateSchema(a.root, 'edited', dir)).rejects.toThrowError(MigrationChecksumError);
    await expect(migrateSchema(a.root, 'edited', dir)).rejects.toThrowError(/0001_create.sql .*forward-only/);
  });

  it('leaves nothing behind when a migration fails', async () => {
    const dir = migrationsDir({ '0001_ok.sql': 'create table ok (id int);', '0002_bad.sql': 'create tabel oops;' });
    await expect(migrateSchema(a.root, 'atomic', dir)).rejects.toThrow();
    const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'atomic'`.execute(a.root);
    expect(tables.rows[0]!.n).toBe(0);
  });
});
