import { sql, type Kysely } from 'kysely';
import { Type } from 'typebox';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EventBus } from '../src/events/bus.ts';
import { defineEvent, type EventEnvelope } from '../src/events/envelope.ts';
import { Outbox, OutboxRelay } from '../src/events/outbox.ts';
import { createLogger } from '../src/logger.ts';
import { withKernelTables } from './kernel-tables.fixture.ts';

const NoteAdded = defineEvent('notes.note.added', 1, Type.Object({ text: Type.String() }));

/** Records what reaches it, taking `delayMs` for each; refuses the events whose text is in `refuse`. */
class ListBus implements EventBus {
  readonly texts: string[] = [];
  readonly refuse = new Set<string>();
  delayMs = 0;
  async publish(event: EventEnvelope): Promise<void> {
    const { text } = event.data as { text: string };
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (this.refuse.has(text)) {
      throw new Error(`refused ${text}`);
    }
    this.texts.push(text);
  }
  subscribe(): Promise<void> {
    return Promise.resolve();
  }
  isHealthy(): boolean {
    return true;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

describe.each(['pglite', 'postgres'] as const)('outbox claims on %s', (kind) => {
  let db: Kysely<any>;
  const logger = createLogger('test', 'silent');
  const outbox = new Outbox(logger);
  const relayOn = (bus: EventBus, batchSize: number, pollIntervalMs?: number) =>
    new OutboxRelay({ db, schema: 'notes', bus, outbox, logger, batchSize, pollIntervalMs });

  let written = 0;
  /**
   * Writes one transaction's events, then dates them a second after the last transaction's: the
   * embedded database's clock can give quick transactions the same `created_at`.
   */
  const write = async (...texts: string[]) => {
    await outbox.transaction(db, (trx) =>
      outbox.add(trx, ...texts.map((text) => NoteAdded.create({ text }))),
    );
    written += 1;
    await db
      .updateTable('outbox')
      .set({ created_at: sql`timestamptz '2026-01-01' + make_interval(secs => ${written})` })
      .where(sql`envelope->'data'->>'text'`, 'in', texts)
      .execute();
  };
  const state = (text: string) =>
    db
      .selectFrom('outbox')
      .select([
        sql<boolean>`published_at is not null`.as('published'),
        sql<boolean>`claimed_until is not null`.as('claimed'),
      ])
      .where(sql`envelope->'data'->>'text'`, '=', text)
      .executeTakeFirstOrThrow();

  withKernelTables(kind, 'outbox_claims', (opened) => {
    db = opened;
  });
  beforeEach(async () => {
    await db.deleteFrom('outbox').execute();
  });

  it('lets two relays of one schema publish every event once, each in the order written', async () => {
    const texts = Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    for (let i = 0; i < texts.length; i += 3) {
      await write(texts[i]!, texts[i + 1]!, texts[i + 2]!);
    }
    const [a, b] = [new ListBus(), new ListBus()];
    await Promise.all([relayOn(a, 7).flush(), relayOn(b, 7).flush()]);
    expect([...a.texts, ...b.texts].sort()).toEqual(texts);
    // Events of one transaction share `created_at`: compare transactions (groups of three).
    for (const bus of [a, b]) {
      const groups = bus.texts.map((text) => Math.floor(Number(text.slice(1)) / 3));
      expect(groups).toEqual([...groups].sort((x, y) => x - y));
    }
    expect(await relayOn(a, 7).backlog()).toBe(0);
  });

  it("leaves rows another relay holds until that relay's claim lapses", async () => {
    await write('held');
    await db
      .updateTable('outbox')
      .set({ claimed_until: sql`now() + interval '1 hour'` })
      .execute();
    const bus = new ListBus();
    await relayOn(bus, 10).flush();
    expect(bus.texts).toEqual([]);
    expect(await state('held')).toEqual({ published: false, claimed: true });

    // The relay that claimed them died: its claim runs out.
    await db
      .updateTable('outbox')
      .set({ claimed_until: sql`now() - interval '1 second'` })
      .execute();
    await relayOn(bus, 10).flush();
    expect(bus.texts).toEqual(['held']);
    expect(await state('held')).toMatchObject({ published: true });
  });

  it('marks what went out when the bus refuses an event, and releases the rest at once', async () => {
    await write('first');
    await write('refused');
    await write('after');
    const bus = new ListBus();
    bus.refuse.add('refused');
    await expect(relayOn(bus, 10).flush()).rejects.toThrow('refused refused');
    expect(bus.texts).toEqual(['first']);
    expect(await state('first')).toMatchObject({ published: true });
    expect(await state('refused')).toMatchObject({ published: false });
    expect(await state('after')).toEqual({ published: false, claimed: false });

    bus.refuse.clear();
    await relayOn(bus, 10).flush();
    expect(bus.texts).toEqual(['first', 'refused', 'after']);
  });

  it("publishes a commit's events as the commit hands them over, once, while its polls leave them", async () => {
    const bus = new ListBus();
    bus.delayMs = 100;
    // Polls every 10 ms while the handed-over events take 100 ms each to go out.
    const relay = relayOn(bus, 10, 10);
    relay.start();
    try {
      await outbox.transaction(db, (trx) =>
        outbox.add(trx, ...['one', 'two', 'three'].map((text) => NoteAdded.create({ text }))),
      );
      await expect.poll(() => relay.backlog(), { timeout: 5_000 }).toBe(0);
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(bus.texts).toEqual(['one', 'two', 'three']);
      // Never claimed: the poll had nothing to take.
      expect(await state('two')).toEqual({ published: true, claimed: false });
    } finally {
      await relay.stop();
    }
  });

  it('leaves what a refusing bus did not take to the poll, which publishes it in order after a backoff', async () => {
    const bus = new ListBus();
    bus.refuse.add('refused');
    const relay = relayOn(bus, 10, 60_000);
    relay.start();
    try {
      await write('taken', 'refused');
      await expect.poll(() => state('taken'), { timeout: 5_000 }).toMatchObject({ published: true });
      expect(bus.texts).toEqual(['taken']);
      expect(await state('refused')).toMatchObject({ published: false });
      // While the bus refuses, a later commit waits for the poll too, behind the earlier one.
      await write('later');
      bus.refuse.clear();
      await expect.poll(() => relay.backlog(), { timeout: 5_000 }).toBe(0);
      expect(bus.texts).toEqual(['taken', 'refused', 'later']);
    } finally {
      await relay.stop();
    }
  });
});
