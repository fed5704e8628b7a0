import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

describe('closing the database', () => {
  let testDb: TestDatabase;

  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => testDb.drop());

  it('lets work under way run its remaining queries before the pool ends', async () => {
    const database = await openDatabase({ url: testDb.url });
    const steps: number[] = [];
    const work = (async () => {
      for (let step = 1; step <= 3; step += 1) {
        const { rows } = await sql<{ n: number }>`select ${step}::int as n, pg_sleep(0.03)`.execute(database.root);
        steps.push(rows[0]!.n);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await database.close();
    await work;
    expect(steps).toEqual([1, 2, 3]);
    await expect(sql`select 1`.execute(database.root)).rejects.toThrow(/after calling end/);
  });
});
