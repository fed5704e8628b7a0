import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { saveIfNewer } from '../src/db/read-model.ts';

describe('saveIfNewer', () => {
  let database: Database;
  const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 0, 0, second));

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await sql`create schema rm`.execute(database.root);
    await sql`create table rm.members (org uuid, person uuid, role text, gone_at timestamptz,
      updated_at timestamptz not null, primary key (org, person))`.execute(database.root);
  });
  afterAll(async () => database?.close());

  const db = () => database.forSchema<any>('rm');
  const row = () => db().selectFrom('members').select(['role', 'gone_at']).executeTakeFirstOrThrow();
  const save = (role: string | null, second: number, goneAt: Date | null = null) =>
    saveIfNewer(
      db(),
      'members',
      ['org', 'person'],
      {
        org: '00000000-0000-0000-0000-000000000001',
        person: '00000000-0000-0000-0000-000000000002',
        role,
        gone_at: goneAt,
        updated_at: at(second),
      },
      ['gone_at'],
    );

  it('applies newer facts, ignores older ones, and keeps the columns it is told to keep', async () => {
    await save('member', 2);
    await save('admin', 1);
    expect(await row()).toEqual({ role: 'member', gone_at: null });
    await save('admin', 3, at(3));
    await save('viewer', 4);
    expect(await row()).toEqual({ role: 'viewer', gone_at: at(3) });
  });

  it('saves rows that come together in shared statements, a row saved twice at once ending at its newest fact', async () => {
    const person = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
    const org = '00000000-0000-0000-0000-0000000000aa';
    const saveRole = (n: number, role: string, second: number) =>
      saveIfNewer(db(), 'members', ['org', 'person'], {
        org,
        person: person(n),
        role,
        gone_at: null,
        updated_at: at(second),
      });
    // 40 people, each saved three times at once and out of order: the newest (second 9) must win.
    await Promise.all(
      Array.from({ length: 40 }, (_, n) => [
        saveRole(n, 'old', 5),
        saveRole(n, 'newest', 9),
        saveRole(n, 'older', 7),
      ]).flat(),
    );
    const rows = await db().selectFrom('members').select(['person', 'role']).where('org', '=', org).execute();
    expect(rows).toHaveLength(40);
    expect(new Set(rows.map((row) => row.role))).toEqual(new Set(['newest']));
  });

  it('fails a row that breaks a constraint alone, saving the rows that shared its statement', async () => {
    const org = '00000000-0000-0000-0000-0000000000bb';
    const results = await Promise.allSettled(
      ['00000000-0000-0000-0000-000000000011', 'not-a-uuid', '00000000-0000-0000-0000-000000000012'].map(
        (person) =>
          saveIfNewer(db(), 'members', ['org', 'person'], {
            org,
            person,
            role: 'member',
            gone_at: null,
            updated_at: at(1),
          }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = await db().selectFrom('members').select('person').where('org', '=', org).execute();
    expect(rows).toHaveLength(2);
  });

  it("saves inside a caller's transaction, rolled back with it", async () => {
    const org = '00000000-0000-0000-0000-0000000000cc';
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await saveIfNewer(trx, 'members', ['org', 'person'], {
            org,
            person: '00000000-0000-0000-0000-000000000021',
            role: 'member',
            updated_at: at(1),
          });
          throw new Error('rolled back');
        }),
    ).rejects.toThrow('rolled back');
    expect(await db().selectFrom('members').select('person').where('org', '=', org).execute()).toEqual([]);
  });
});
