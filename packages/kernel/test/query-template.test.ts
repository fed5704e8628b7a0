import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { queryTemplate } from '../src/db/query-template.ts';

interface Items {
  items: { id: number; owner: string; size: number };
}

describe('queryTemplate', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await sql`create schema qt`.execute(database.root);
    await sql`create table qt.items (id int primary key, owner text not null, size int not null)`.execute(
      database.root,
    );
    await sql`insert into qt.items values (1, 'ann', 10), (2, 'ann', 20), (3, 'bob', 30)`.execute(
      database.root,
    );
  });
  afterAll(async () => database?.close());

  const db = () => database.forSchema<Items>('qt');

  it('runs the query compiled once with each call’s values, also twice the same argument', async () => {
    const byOwner = queryTemplate(2, (kysely: Kysely<Items>, owner: string, minSize: number) =>
      kysely
        .selectFrom('items')
        .select(['id', 'size'])
        .where('owner', '=', owner)
        .where('size', '>=', minSize)
        .where((eb) => eb.or([eb('owner', '=', owner), eb('id', '=', 0)]))
        .orderBy('id'),
    );
    expect(await byOwner.run(db(), 'ann', 15)).toEqual([{ id: 2, size: 20 }]);
    expect(await byOwner.run(db(), 'bob', 0)).toEqual([{ id: 3, size: 30 }]);
    expect(await byOwner.run(db(), 'ann', 0)).toEqual([
      { id: 1, size: 10 },
      { id: 2, size: 20 },
    ]);
  });

  it('runs in a transaction of the Kysely it was made for', async () => {
    const lockOne = queryTemplate(1, (kysely: Kysely<Items>, id: number) =>
      kysely.selectFrom('items').select('owner').where('id', '=', id).forUpdate(),
    );
    const owners = await db()
      .transaction()
      .execute(async (trx) => [...(await lockOne.run(trx, 1)), ...(await lockOne.run(trx, 3))]);
    expect(owners).toEqual([{ owner: 'ann' }, { owner: 'bob' }]);
  });

  it('refuses an argument that is not a value of the query', async () => {
    const spliced = queryTemplate(1, (kysely: Kysely<Items>, column: string) =>
      kysely.selectFrom('items').select(sql.raw<string>(column).as('picked')),
    );
    await expect(spliced.run(db(), 'owner')).rejects.toThrow(/argument 0 must be used as a value/);
    const unused = queryTemplate(1, (kysely: Kysely<Items>, _id: number) =>
      kysely.selectFrom('items').select('id'),
    );
    await expect(unused.run(db(), 1)).rejects.toThrow(/argument 0 must be used as a value/);
  });
});
