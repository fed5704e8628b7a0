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
});
