import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { migrateSchema } from '../src/db/migrations.ts';
import type { EventBus, EventHandler } from '../src/events/bus.ts';
import { defineEvent, type EventEnvelope } from '../src/events/envelope.ts';
import { subscribeWithInbox } from '../src/events/inbox.ts';
import { MemoryEventBus } from '../src/events/memory-bus.ts';
import { Outbox, OutboxRelay } from '../src/events/outbox.ts';
import { createLogger } from '../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/database.ts';

const NoteAdded = defineEvent('notes.note.added', 1, Type.Object({ text: Type.String() }));

/** Remembers when each event reached the bus. */
class RecordingBus implements EventBus {
  readonly published: { text: string; at: number }[] = [];
  private readonly inner = new MemoryEventBus();
  async publish(event: EventEnvelope): Promise<void> {
    this.published.push({ text: (event.data as { text: string }).text, at: performance.now() });
    await this.inner.publish(event);
  }
  subscribe(consumer: string, patterns: string[], handler: EventHandler): Promise<void> {
    return this.inner.subscribe(consumer, patterns, handler);
  }
  isHealthy(): boolean {
    return true;
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  texts(): string[] {
    return this.published.map((entry) => entry.text);
  }
}

/** The relay's safety-net poll here: slow on purpose, so only the commit signal explains a fast publish. */
const POLL_MS = 2_500;
/**
 * Typically 3–30 ms; the bound leaves room for a loaded machine while staying far below the poll
 * (a relay told before the commit, as before, would find nothing and wait for it).
 */
const AFTER_COMMIT_WITHIN_MS = 250;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const add = (outbox: Outbox, trx: Parameters<Outbox['add']>[0], text: string) =>
  outbox.add(trx, NoteAdded.create({ text }));

describe.each(['pglite', 'postgres'] as const)('outbox commit signal on %s', (kind) => {
  let testDb: TestDatabase | undefined;
  let database: Database;
  let db: Kysely<any>;
  const logger = createLogger('test', 'silent');
  const warn = vi.spyOn(logger, 'warn');
  const outbox = new Outbox(logger);
  const bus = new RecordingBus();
  let relay: OutboxRelay;

  beforeAll(async () => {
    testDb = kind === 'postgres' ? await createTestDatabase('outbox_signal') : undefined;
    database = await openDatabase(testDb ? { url: testDb.url } : { dataDir: 'memory://' });
    const empty = mkdtempSync(join(tmpdir(), 'none-'));
    await migrateSchema(database.root, 'notes', empty);
    await migrateSchema(database.root, 'reader', empty);
    db = database.forSchema('notes');
    relay = new OutboxRelay({ db, schema: 'notes', bus, outbox, logger, pollIntervalMs: POLL_MS });
    relay.start();
  });
  afterAll(async () => {
    await relay.stop();
    await bus.close();
    await database.close();
    await testDb?.drop();
  });
  beforeEach(async () => {
    // Start each case from an idle relay and an empty bus record.
    await expect.poll(() => relay.backlog(), { timeout: 5_000 }).toBe(0);
    bus.published.length = 0;
    warn.mockClear();
  });

  it('publishes right after the commit and not before', async () => {
    await outbox.transaction(db, async (trx) => {
      await add(outbox, trx, 'after commit');
      // Long enough for a relay that learned of the row at insert time to have looked and given up.
      await sleep(300);
      expect(bus.published).toEqual([]);
    });
    const committedAt = performance.now();
    await expect.poll(() => bus.texts(), { timeout: POLL_MS, interval: 2 }).toEqual(['after commit']);
    const delayMs = (bus.published[0]?.at ?? Infinity) - committedAt;
    expect(delayMs).toBeLessThan(AFTER_COMMIT_WITHIN_MS);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    await expect(
      outbox.transaction(db, async (trx) => {
        await add(outbox, trx, 'rolled back');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    // Past a poll too: the row is gone, not merely unannounced.
    await sleep(POLL_MS + 200);
    expect(bus.published).toEqual([]);
    const rows = await db.selectFrom('outbox').select('envelope').execute();
    expect(rows.map((row) => (row.envelope as EventEnvelope<{ text: string }>).data.text)).not.toContain(
      'rolled back',
    );
  });

  it('lets nested work join the outer transaction and announces on the outer commit', async () => {
    const result = await outbox.transaction(db, async (trx) => {
      const inner = await outbox.transaction(trx, async (same) => {
        expect(same).toBe(trx);
        await add(outbox, same, 'nested');
        return 42;
      });
      await sleep(100);
      expect(bus.published).toEqual([]);
      return inner;
    });
    expect(result).toBe(42);
    await expect
      .poll(() => bus.texts(), { timeout: AFTER_COMMIT_WITHIN_MS, interval: 2 })
      .toEqual(['nested']);
  });

  it('publishes an event written outside a transaction at once', async () => {
    await add(outbox, db, 'autocommit');
    await expect
      .poll(() => bus.texts(), { timeout: AFTER_COMMIT_WITHIN_MS, interval: 2 })
      .toEqual(['autocommit']);
  });

  it('falls back to the poll for a transaction it did not run, and says so', async () => {
    await db.transaction().execute((trx) => add(outbox, trx, 'untracked'));
    await sleep(100);
    expect(bus.published).toEqual([]);
    expect(warn).toHaveBeenCalledTimes(1);
    await expect.poll(() => bus.texts(), { timeout: POLL_MS * 2 }).toEqual(['untracked']);
  });

  it('publishes the events an inbox handler writes right after its commit', async () => {
    await subscribeWithInbox({
      bus,
      db,
      outbox,
      consumer: `notes-echo-${kind}`,
      patterns: ['notes.note.added'],
      handler: async (event, trx) => {
        const text = (event.data as { text: string }).text;
        if (text === 'ping') {
          await add(outbox, trx, 'pong');
        }
      },
    });
    await outbox.transaction(db, (trx) => add(outbox, trx, 'ping'));
    await expect
      .poll(() => bus.texts(), { timeout: 2 * AFTER_COMMIT_WITHIN_MS, interval: 2 })
      .toEqual(['ping', 'pong']);
  });
});
