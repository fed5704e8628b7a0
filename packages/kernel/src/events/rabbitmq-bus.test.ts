import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'amqplib';
import { sql } from 'kysely';
import pg from 'pg';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateSchema } from '../db/migrations.ts';
import { createLogger } from '../logger.ts';
import type { EventBus, EventHandler } from './bus.ts';
import { defineEvent } from './envelope.ts';
import { subscribeWithInbox } from './inbox.ts';
import { Outbox, OutboxRelay } from './outbox.ts';
import { startBrokerRelay } from '../testing/broker-relay.ts';
import { EventBusUnavailableError, RabbitMqEventBus } from './rabbitmq-bus.ts';

const rabbitUrl = 'amqp://guest:guest@127.0.0.1:5672';
const postgresUrl = 'postgres://postgres@127.0.0.1:5432';
const suffix = randomBytes(4).toString('hex');
const exchange = `pm.events.test-${suffix}`;
const databaseName = `x_events_${suffix}`;
const logger = createLogger('rabbitmq-bus-test', 'silent');
// Short waits keep the tests fast; production defaults are seconds.
const fast = { exchange, logger, reconnectDelaysMs: [50, 100, 200], retryDelaysMs: [200] };

const ItemCreated = defineEvent('test.item.created', 1, Type.Object({ n: Type.Integer() }));
const OtherHappened = defineEvent('test.other.happened', 1, Type.Object({}));

const queues: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
const tempDirs: string[] = [];
let db: Database;

function queueName(role: string): string {
  const name = `test-${suffix}.${role}`;
  queues.push(name);
  return name;
}

function newBus(url: string): RabbitMqEventBus {
  const bus = new RabbitMqEventBus({ url, ...fast });
  cleanups.push(() => bus.close());
  return bus;
}

async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms`);
    }
    await sleep(50);
  }
}

function collect(into: unknown[]): EventHandler {
  return (event) => {
    into.push(event);
    return Promise.resolve();
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A broker outage without touching the broker: a relay the test cuts, removed after the test. */
async function startProxy(): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void> }> {
  const relay = await startBrokerRelay();
  cleanups.push(() => relay.cut());
  return { url: relay.url, stop: () => relay.cut(), start: () => relay.restore() };
}

function tempMigrations(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-events-migrations-'));
  tempDirs.push(dir);
  Object.entries(files).forEach(([name, text]) => writeFileSync(join(dir, name), text));
  return dir;
}

async function handledRows(ids: string[]): Promise<{ total: number; unique_ids: number }> {
  const result = await sql<{ total: number; unique_ids: number }>`
    select count(*)::int as total, count(distinct event_id)::int as unique_ids
    from consumer.handled where event_id = any(${ids}::uuid[])`.execute(db.root);
  return result.rows[0]!;
}

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  db = await openDatabase({ url: `${postgresUrl}/${databaseName}` });
  await migrateSchema(db.root, 'producer', tempMigrations({}));
  // No unique key on purpose: a duplicate delivery that got past the inbox would show as a second row.
  const handledTable = 'create table handled (id serial primary key, event_id uuid not null);';
  await migrateSchema(db.root, 'consumer', tempMigrations({ '0001_handled.sql': handledTable }));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) {
    await cleanup();
  }
  const connection = await connect(rabbitUrl);
  const channel = await connection.createChannel();
  for (const queue of queues) {
    await channel.deleteQueue(queue);
  }
  await channel.deleteExchange(exchange);
  await connection.close();
  await db?.close();
  const admin = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('RabbitMqEventBus', () => {
  it('delivers an event to consumers whose patterns match it and not to the others', async () => {
    const bus = newBus(rabbitUrl);
    const matching: unknown[] = [];
    const other: unknown[] = [];
    await bus.subscribe(queueName('matching'), ['test.item.*'], collect(matching));
    await bus.subscribe(queueName('other'), ['test.other.#'], collect(other));

    const created = ItemCreated.create({ n: 1 });
    const marker = OtherHappened.create({});
    await bus.publish(created);
    await bus.publish(marker);

    // One queue delivers in order: once the later marker is in, the earlier event would have been too.
    await waitFor(() => matching.length === 1 && other.length === 1);
    expect(matching).toEqual([created]);
    expect(other).toEqual([marker]);
  });

  it('publishes persistent JSON messages that carry the event id and type', async () => {
    const bus = newBus(rabbitUrl);
    await bus.connect();
    const connection = await connect(rabbitUrl);
    cleanups.push(() => connection.close());
    const channel = await connection.createChannel();
    const queue = queueName('raw');
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, exchange, 'test.item.created');

    const event = ItemCreated.create({ n: 2 });
    await bus.publish(event);

    const message = await waitFor(async () => (await channel.get(queue, { noAck: true })) || undefined);
    expect(message.properties).toMatchObject({
      messageId: event.id,
      type: event.type,
      contentType: 'application/json',
      deliveryMode: 2,
    });
    expect(JSON.parse(message.content.toString())).toEqual(event);
  });

  it('loses no event during a broker outage and hands each to the inbox handler exactly once', async () => {
    const proxy = await startProxy();
    const publisherBus = newBus(proxy.url);
    const consumerBus = newBus(proxy.url);
    const deliveries = new Map<string, number>();
    const countingBus: EventBus = {
      publish: (event) => consumerBus.publish(event),
      subscribe: (consumer, patterns, handler) =>
        consumerBus.subscribe(consumer, patterns, async (event) => {
          await handler(event);
          deliveries.set(event.id, (deliveries.get(event.id) ?? 0) + 1);
        }),
      isHealthy: () => consumerBus.isHealthy(),
      close: () => consumerBus.close(),
    };
    await subscribeWithInbox({
      bus: countingBus,
      db: db.forSchema('consumer'),
      consumer: queueName('inbox'),
      patterns: ['test.item.*'],
      handler: async (event, trx) => {
        await trx.insertInto('handled').values({ event_id: event.id }).execute();
      },
    });
    const producerDb = db.forSchema('producer');
    const outbox = new Outbox();
    const relay = new OutboxRelay({ db: producerDb, schema: 'producer', bus: publisherBus, outbox, logger });
    cleanups.push(() => relay.stop());
    relay.start();

    const warmUp = ItemCreated.create({ n: 0 });
    await outbox.add(producerDb, warmUp);
    await waitFor(async () => (await handledRows([warmUp.id])).total === 1);

    await proxy.stop();
    await waitFor(() => !publisherBus.isHealthy() && !consumerBus.isHealthy());
    const duringOutage = Array.from({ length: 20 }, (_, n) => ItemCreated.create({ n: n + 1 }));
    for (let i = 0; i < duringOutage.length; i += 5) {
      await producerDb.transaction().execute((trx) => outbox.add(trx, ...duringOutage.slice(i, i + 5)));
    }
    await sleep(1000);
    const ids = duringOutage.map((event) => event.id);
    expect(await relay.backlog()).toBe(20);
    expect((await handledRows(ids)).total).toBe(0);
    await expect(publisherBus.publish(warmUp)).rejects.toThrow(EventBusUnavailableError);

    await proxy.start();
    await waitFor(async () => (await handledRows(ids)).total === 20 && (await relay.backlog()) === 0, 20_000);
    await sleep(500);
    expect(await handledRows(ids)).toEqual({ total: 20, unique_ids: 20 });

    // A redelivered event (the same envelope published twice) reaches the handler once.
    const twice = ItemCreated.create({ n: 99 });
    const earlierDeliveries = deliveries.get(ids[0]!) ?? 0;
    await publisherBus.publish(twice);
    await publisherBus.publish(twice);
    await publisherBus.publish(duringOutage[0]!);
    await waitFor(() => deliveries.get(twice.id) === 2 && deliveries.get(ids[0]!) === earlierDeliveries + 1);
    expect(await handledRows([twice.id, ids[0]!])).toEqual({ total: 2, unique_ids: 2 });
  });

  it('hands a failed event to its handler again after a delay', async () => {
    const bus = newBus(rabbitUrl);
    const calls: { id: string; at: number }[] = [];
    await bus.subscribe(queueName('flaky'), ['test.item.created'], (event) => {
      calls.push({ id: event.id, at: Date.now() });
      return calls.length === 1 ? Promise.reject(new Error('temporary failure')) : Promise.resolve();
    });

    const event = ItemCreated.create({ n: 3 });
    await bus.publish(event);

    await waitFor(() => calls.length === 2);
    await sleep(400);
    expect(calls.map((call) => call.id)).toEqual([event.id, event.id]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(190);
  });

  it('starts while the broker is down, rejects publishes meanwhile and connects once it is up', async () => {
    const proxy = await startProxy();
    await proxy.stop();
    const bus = newBus(proxy.url);
    const received: unknown[] = [];
    await bus.subscribe(queueName('late'), ['test.item.created'], collect(received));
    const event = ItemCreated.create({ n: 4 });

    expect(bus.isHealthy()).toBe(false);
    await expect(bus.publish(event)).rejects.toThrow(EventBusUnavailableError);

    await proxy.start();
    await waitFor(() => bus.isHealthy());
    await bus.publish(event);
    await waitFor(() => received.length === 1);
    expect(received).toEqual([event]);
  });
});
