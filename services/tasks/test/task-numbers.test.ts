import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { migrateSchema, openDatabase, type Database } from '@pm/kernel';
import { createTestDatabase, type TestDatabase } from '@pm/kernel/testing';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskRepository } from '../src/data/task.repository.ts';
import type { TasksDatabase } from '../src/data/tasks.tables.ts';

const migrations = fileURLToPath(new URL('../migrations', import.meta.url));

// A creation takes its number in a statement of its own whose commit does not wait for the WAL
// (task-create-batch.ts, takePlaces); inside a caller's transaction nothing may relax its commit.
describe('the next task number of a project', () => {
  let testDb: TestDatabase;
  let database: Database;
  let db: Kysely<TasksDatabase>;
  let tasks: TaskRepository;
  const setting = async (on: Kysely<TasksDatabase>) =>
    (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(on)).rows[0]!
      .synchronous_commit;

  beforeAll(async () => {
    testDb = await createTestDatabase('task_numbers');
    // One connection: what a statement leaves behind is what the next one finds.
    database = await openDatabase({ url: testDb.url, maxConnections: 1 });
    await migrateSchema(database.root, 'tasks', migrations);
    db = database.forSchema<TasksDatabase>('tasks');
    tasks = new TaskRepository(db);
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('counts up from 1 per project, and leaves the connection committing synchronously', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await setting(db)).toBe('on');
    expect((await tasks.nextPlace(db, a)).number).toBe(1);
    expect((await tasks.nextPlace(db, a)).number).toBe(2);
    expect((await tasks.nextPlace(db, b)).number).toBe(1);
    expect(await setting(db)).toBe('on');
  });

  it('gives creations that come together numbers of their own, counting on per project', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await tasks.nextPlace(db, a);
    const places = await Promise.all(
      [...Array(10).fill(a), ...Array(5).fill(b), a].map((project: string) => tasks.nextPlace(db, project)),
    );
    const numbers = places.map((place) => place.number);
    expect(
      numbers
        .slice(0, 10)
        .concat(numbers[15]!)
        .sort((x, y) => x - y),
    ).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(numbers.slice(10, 15).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5]);
    expect((await tasks.nextPlace(db, b)).number).toBe(6);
    expect(await setting(db)).toBe('on');
  });

  it("relaxes nothing in the caller's transaction, and rolls back with it", async () => {
    const project = randomUUID();
    await tasks.nextPlace(db, project);
    await expect(
      db.transaction().execute(async (trx) => {
        expect((await tasks.nextPlace(trx, project)).number).toBe(2);
        expect(await setting(trx)).toBe('on');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await tasks.nextPlace(db, project)).number).toBe(2);
  });
});
