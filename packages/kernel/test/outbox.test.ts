import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Type } from 'typebox';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateSchema } from '../src/db/migrations.ts';
import { defineEvent, topicMatches } from '../src/events/envelope.ts';
import { subscribeWithInbox } from '../src/events/inbox.ts';
import { MemoryEventBus } from '../src/events/memory-bus.ts';
import { Outbox, OutboxRelay } from '../src/events/outbox.ts';
import { createLogger } from '../src/logger.ts';
import { Metrics } from '../src/metrics.ts';

const NoteAdded = defineEvent('notes.note.added', 1, Type.Object({ text: Type.String() }));

describe('outbox, relay and inbox on the embedded database', () => {
  let database: Database;
  const bus = new MemoryEventBus();
  const outbox = new Outbox();
  const metrics = new Metrics();
  let relay: OutboxRelay;
  const handled: string[] = [];

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    const empty = mkdtempSync(join(tmpdir(), 'none-'));
    await migrateSchema(database.root, 'notes', empty);
    await migrateSchema(database.root, 'reader', empty);
    relay = new OutboxRelay({
      db: database.forSchema('notes'),
      schema: 'notes',
      bus,
      outbox,
      logger: createLogger('test', 'silent'),
      metrics,
      pollIntervalMs: 50,
    });
    await subscribeWithInbox({
      bus,
      db: database.forSchema('reader'),
      consumer: 'reader',
      patterns: ['notes.#'],
      handler: async (event) => {
        if (NoteAdded.is(event)) {
          handled.push(event.data.text);
        }
      },
    });
    relay.start();
  });
  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await database.close();
  });

  it('publishes events of committed transactions only, and handles each once', async () => {
    const db = database.forSchema<any>('notes');
    await db.transaction().execute((trx) => outbox.add(trx, NoteAdded.create({ text: 'kept' })));
    await db
      .transaction()
      .execute(async (trx) => {
        await outbox.add(trx, NoteAdded.create({ text: 'rolled back' }));
        throw new Error('abort');
      })
      .catch(() => undefined);
    const again = NoteAdded.create({ text: 'twice' });
    await db.transaction().execute((trx) => outbox.add(trx, again));
    await bus.publish(again);
    await expect.poll(() => relay.backlog(), { timeout: 5000 }).toBe(0);
    await bus.drain();
    await expect.poll(() => [...handled].sort(), { timeout: 5000 }).toEqual(['kept', 'twice']);
    const metricsText = await metrics.registry.metrics();
    expect(metricsText).toMatch(/outbox_backlog\{schema="notes"\} 0/);
    expect(metricsText).toMatch(/events_published_total\{schema="notes"\} 2/);
  });

  it('matches AMQP topic patterns', () => {
    expect(topicMatches('tasks.#', 'tasks.task.created')).toBe(true);
    expect(topicMatches('tasks.*.created', 'tasks.task.created')).toBe(true);
    expect(topicMatches('tasks.*', 'tasks.task.created')).toBe(false);
    expect(topicMatches('#', 'a.b')).toBe(true);
    expect(topicMatches('projects.member.*', 'projects.member.added')).toBe(true);
  });
});
