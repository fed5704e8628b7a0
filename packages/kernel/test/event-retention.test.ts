import { sql, type Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { EventRetention } from '../src/events/retention.ts';
import { createLogger } from '../src/logger.ts';
import { withKernelTables } from './kernel-tables.fixture.ts';

describe.each(['pglite', 'postgres'] as const)('event retention on %s', (kind) => {
  let db: Kysely<any>;
  const logger = createLogger('test', 'silent');
  const retention = (batchSize: number) =>
    new EventRetention({ db, schema: 'notes', logger, retentionDays: 7, batchSize });

  /** An outbox row written `daysAgo` days ago, published then or not at all. */
  const event = async (name: string, daysAgo: number, published: boolean) => {
    const at = sql`now() - make_interval(days => ${daysAgo})`;
    await db
      .insertInto('outbox')
      .values({
        id: sql`gen_random_uuid()`,
        type: 'notes.note.added',
        envelope: JSON.stringify({ name }),
        created_at: at,
        published_at: published ? at : null,
      })
      .execute();
  };
  const handled = async (consumer: string, daysAgo: number) => {
    await db
      .insertInto('inbox')
      .values({
        event_id: sql`gen_random_uuid()`,
        consumer,
        event_type: 'notes.note.added',
        processed_at: sql`now() - make_interval(days => ${daysAgo})`,
      })
      .execute();
  };
  const outboxNames = async () =>
    (
      await db
        .selectFrom('outbox')
        .select(sql<string>`envelope->>'name'`.as('name'))
        .execute()
    )
      .map((row) => row.name)
      .sort();
  const inboxConsumers = async () =>
    (await db.selectFrom('inbox').select('consumer').execute()).map((row) => row.consumer).sort();

  withKernelTables(kind, 'event_retention', (opened) => {
    db = opened;
  });
  beforeEach(async () => {
    await db.deleteFrom('outbox').execute();
    await db.deleteFrom('inbox').execute();
  });

  it('deletes published events and handled-event records past the retention, and nothing else', async () => {
    await event('published long ago', 30, true);
    await event('published 8 days ago', 8, true);
    await event('published 6 days ago', 6, true);
    await event('never published, 30 days old', 30, false);
    await handled('old consumer record', 8);
    await handled('recent consumer record', 6);

    expect(await retention(100).sweep()).toEqual({ outbox: 2, inbox: 1 });
    expect(await outboxNames()).toEqual(['never published, 30 days old', 'published 6 days ago']);
    expect(await inboxConsumers()).toEqual(['recent consumer record']);
    expect(await retention(100).sweep()).toEqual({ outbox: 0, inbox: 0 });
  });

  it('goes on batch after batch until nothing past the retention is left', async () => {
    for (let i = 0; i < 7; i += 1) {
      await event(`old ${i}`, 10, true);
      await handled(`old ${i}`, 10);
    }
    await event('recent', 1, true);

    expect(await retention(3).sweep()).toEqual({ outbox: 7, inbox: 7 });
    expect(await outboxNames()).toEqual(['recent']);
    expect(await inboxConsumers()).toEqual([]);
  });

  it('stops before its first sweep, leaving the rows to the next start', async () => {
    await event('old', 10, true);
    const sweeper = retention(100);
    sweeper.start();
    await sweeper.stop();
    expect(await outboxNames()).toEqual(['old']);
  });
});
