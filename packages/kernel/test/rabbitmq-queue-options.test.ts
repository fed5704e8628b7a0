import { randomBytes } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineEvent, type EventEnvelope } from '../src/events/envelope.ts';
import { RabbitMqEventBus } from '../src/events/rabbitmq-bus.ts';
import { createLogger } from '../src/logger.ts';

const rabbitUrl = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const suffix = randomBytes(4).toString('hex');
const exchange = `pm.events.queue-options-${suffix}`;
const queuePrefix = `queue-options-${suffix}.`;
const logger = createLogger('queue-options-test', 'silent');
const Pinged = defineEvent('test.queue.pinged', 1, Type.Object({ n: Type.Integer() }));
const options = { messageTtlMs: 300, unusedQueueExpiresMs: 60_000 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('consumer queue options on RabbitMQ', () => {
  let admin: ChannelModel;
  const buses: RabbitMqEventBus[] = [];
  const newBus = () => {
    const bus = new RabbitMqEventBus({
      url: rabbitUrl,
      exchange,
      queuePrefix,
      logger,
      reconnectDelaysMs: [50, 100],
    });
    buses.push(bus);
    return bus;
  };
  /** Whether the broker accepts this declaration of the queue: it refuses one with other arguments. */
  const declares = async (queue: string, declaration: Record<string, unknown>): Promise<boolean> => {
    const channel = await admin.createChannel();
    channel.on('error', () => undefined);
    try {
      await channel.assertQueue(queue, declaration);
      await channel.close();
      return true;
    } catch {
      return false;
    }
  };
  const messageCount = async (queue: string): Promise<number> => {
    const channel = await admin.createChannel();
    try {
      return (await channel.checkQueue(queue)).messageCount;
    } finally {
      await channel.close();
    }
  };

  beforeAll(async () => {
    admin = await connect(rabbitUrl);
  });
  afterAll(async () => {
    await Promise.allSettled(buses.map((bus) => bus.close()));
    const channel = await admin.createChannel();
    for (const name of ['fresh', 'legacy']) {
      await channel.deleteQueue(queuePrefix + name);
    }
    await channel.deleteExchange(exchange);
    await admin.close();
  });

  it('declares the queue with a message TTL and an expiry, and drops events nobody took in time', async () => {
    const consumer = newBus();
    const received: EventEnvelope[] = [];
    await consumer.subscribe(
      'fresh',
      ['test.#'],
      async (event) => {
        received.push(event);
      },
      options,
    );
    const queue = `${queuePrefix}fresh`;
    expect(await declares(queue, { durable: true, messageTtl: 300, expires: 60_000 })).toBe(true);
    expect(await declares(queue, { durable: true })).toBe(false);

    const publisher = newBus();
    await publisher.publish(Pinged.create({ n: 1 }));
    await expect.poll(() => received.length, { timeout: 3_000 }).toBe(1);

    // Every consumer gone: what is published now waits in the queue, then expires.
    await consumer.close();
    await publisher.publish(Pinged.create({ n: 2 }));
    await publisher.publish(Pinged.create({ n: 3 }));
    expect(await messageCount(queue)).toBe(2);
    await sleep(600);
    expect(await messageCount(queue)).toBe(0);
  });

  it('replaces a queue an older version declared without the options', async () => {
    const queue = `${queuePrefix}legacy`;
    const channel = await admin.createChannel();
    await channel.assertExchange(exchange, 'topic', { durable: true });
    await channel.assertQueue(queue, { durable: true });
    await channel.bindQueue(queue, exchange, '#');
    await channel.close();

    const consumer = newBus();
    const received: number[] = [];
    await consumer.subscribe(
      'legacy',
      ['test.#'],
      async (event) => {
        received.push((event.data as { n: number }).n);
      },
      options,
    );
    expect(await declares(queue, { durable: true, messageTtl: 300, expires: 60_000 })).toBe(true);
    await newBus().publish(Pinged.create({ n: 7 }));
    await expect.poll(() => received, { timeout: 3_000 }).toEqual([7]);
  });
});
