import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { PLAN_EVERY_TIME } from '../src/db/preparing-client.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

describe.each(['pglite', 'postgres'] as const)('prepared statements on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  let database: Database;
  let db: Kysely<any>;
  const mode = async () =>
    (await sql<{ mode: string }>`select current_setting('plan_cache_mode') as mode`.execute(db)).rows[0]!
      .mode;

  beforeAll(async () => {
    testDb = kind === 'postgres' ? await createTestDatabase('preparing') : undefined;
    // One connection, so the prepared statements and the settings read are those of the queries run.
    database = await openDatabase(testDb ? { url: testDb.url, maxConnections: 1 } : { dataDir: 'memory://' });
    db = database.root;
  });
  afterAll(async () => {
    await database.close();
    await testDb?.drop();
  });

  it('plans a prepared statement once, for any values', async () => {
    for (const value of [1, 2, 3, 4, 5, 6, 7]) {
      const { rows } = await sql<{ next: number }>`select ${value}::int + 1 as next`.execute(db);
      expect(rows[0]!.next).toBe(value + 1);
    }
    const { rows } = await sql<{ generic: number; custom: number }>`
      select generic_plans as generic, custom_plans as custom from pg_prepared_statements
      where statement = 'select $1::int + 1 as next'`.execute(db);
    expect(rows).toEqual([{ generic: 7, custom: 0 }]);
    expect(await mode()).toBe('force_generic_plan');
  });

  it('compiles no query (JIT off) on each connection', async () => {
    const { rows } = await sql<{ jit: string }>`select current_setting('jit') as jit`.execute(db);
    expect(rows).toEqual([{ jit: 'off' }]);
  });

  it('plans a PLAN_EVERY_TIME query for its values, then plans once again', async () => {
    const { rows } = await sql<{ mode: string; value: number }>`
      ${sql.raw(PLAN_EVERY_TIME)} select current_setting('plan_cache_mode') as mode, ${5}::int as value`.execute(
      db,
    );
    expect(rows).toEqual([{ mode: 'force_custom_plan', value: 5 }]);
    expect(await mode()).toBe('force_generic_plan');
  });

  it('plans once again after a PLAN_EVERY_TIME query fails, in a transaction or not', async () => {
    const failing = (on: Kysely<any>) => sql`${sql.raw(PLAN_EVERY_TIME)} select 1 / ${0}::int`.execute(on);
    await expect(failing(db)).rejects.toThrow(/division by zero/);
    expect(await mode()).toBe('force_generic_plan');
    await expect(db.transaction().execute((trx) => failing(trx))).rejects.toThrow(/division by zero/);
    expect(await mode()).toBe('force_generic_plan');
  });
});
