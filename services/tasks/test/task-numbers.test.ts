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
// (task.repository.ts, placeAlone); inside a caller's transaction nothing may relax its commit.
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
