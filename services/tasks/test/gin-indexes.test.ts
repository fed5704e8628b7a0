import { fileURLToPath } from 'node:url';
import { migrateSchema, openDatabase, type Database } from '@pm/kernel';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const migrations = fileURLToPath(new URL('../migrations', import.meta.url));

// Every change of a task inserts into its GIN indexes; a pending list would make the write that
// fills it merge thousands of entries while its requests wait (migration 0015).
describe('the GIN indexes of tasks', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('task_gin_indexes');
    database = await openDatabase({ url: testDb.url, maxConnections: 1 });
    await migrateSchema(database.root, 'tasks', migrations);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('keep no pending list: each write merges its own entries', async () => {
    const { rows } = await sql<{ name: string; options: string[] | null }>`
      select c.relname as name, c.reloptions as options
      from pg_class c
      join pg_am am on am.oid = c.relam
      where c.relnamespace = 'tasks'::regnamespace and am.amname = 'gin'
      order by c.relname`.execute(database.root);
    expect(rows.map((row) => row.name)).toEqual(['tasks_search', 'tasks_tags', 'tasks_title_search']);
    for (const row of rows) {
      expect(row.options, row.name).toContain('fastupdate=off');
    }
  });
});
