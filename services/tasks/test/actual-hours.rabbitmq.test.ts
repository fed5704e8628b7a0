import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import { sql } from 'kysely';
import {
  createLogger,
  migrateSchema,
  openDatabase,
  Outbox,
  OutboxRelay,
  RabbitMqEventBus,
  type Database,
  type EventEnvelope,
} from '@pm/kernel';
import {
  createTestDatabase,
  startBrokerRelay,
  type BrokerRelay,
  type TestDatabase,
} from '@pm/kernel/testing';
import { TimeEntryCreated, TimeEntryDeleted, TimeEntryUpdated } from '@pm/time-tracking/contract';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { subscribeToTimeEvents } from '../src/subscribers/time-events.subscriber.ts';

// The time tracking service is played by a producer schema with its own outbox and relay; the
// consumer is the tasks service's real subscriber on a migrated `tasks` schema. Both reach RabbitMQ
// through a TCP relay the test cuts to simulate an outage.
const suffix = randomBytes(4).toString('hex');
const exchange = `pm.events.test-tasks-time-${suffix}`;
const queue = `test-tasks-time-${suffix}`;
const logger = createLogger('actual-hours-test', 'silent');
const tasksMigrations = fileURLToPath(new URL('../migrations', import.meta.url));

describe("tasks' actual hours over RabbitMQ", () => {
  let testDb: TestDatabase;
  let database: Database;
  let relay: BrokerRelay;
  let producerBus: RabbitMqEventBus;
  let consumerBus: RabbitMqEventBus;
  let outboxRelay: OutboxRelay;
  const emptyDir = mkdtempSync(join(tmpdir(), 'pm-producer-'));

  beforeAll(async () => {
    testDb = await createTestDatabase('tasks_rmq');
    database = await openDatabase({ url: testDb.url });
    await migrateSchema(database.root, 'producer', emptyDir);
    await migrateSchema(database.root, 'tasks', tasksMigrations);
    relay = await startBrokerRelay();
    const fast = { exchange, logger, reconnectDelaysMs: [50, 100, 200], retryDelaysMs: [200] };
    producerBus = new RabbitMqEventBus({ url: relay.url, ...fast });
    consumerBus = new RabbitMqEventBus({ url: relay.url, ...fast });
  });

  afterAll(async () => {
    await outboxRelay?.stop();
    await Promise.allSettled([producerBus?.close(), consumerBus?.close()]);
    await relay?.cut();
    const connection = await connect('amqp://guest:guest@127.0.0.1:5672');
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await channel.deleteExchange(exchange);
    await connection.close();
    await database?.close();
    await testDb?.drop();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  const tasksDb = () => database.forSchema<any>('tasks');

  async function insertTask(): Promise<string> {
    const row = await tasksDb()
      .insertInto('tasks')
      .values({
        organization_id: randomUUID(),
        project_id: randomUUID(),
        number: 1,
        title: 'Measured',
        created_by: randomUUID(),
        status: 'todo',
        status_category: 'todo',
        rank: 'a0',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id as string;
  }

  async function actualHours(taskId: string): Promise<number | null> {
    const row = await tasksDb()
      .selectFrom('tasks')
      .select(sql<number | null>`actual_hours::float8`.as('h'))
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    return row.h;
  }

  async function handled(ids: string[]): Promise<number> {
    const rows = await tasksDb()
      .selectFrom('inbox')
      .select('event_id')
      .where('event_id', 'in', ids)
      .where('consumer', '=', queue)
      .execute();
    return rows.length;
  }

  /** An entry event carrying the task's total after the change numbered `seq`. */
  function entryEvent(
    definition: typeof TimeEntryCreated,
    taskId: string,
    seq: number,
    totalMinutes: number,
  ): EventEnvelope {
    const org = randomUUID();
    return definition.create(
      {
        entry_id: randomUUID(),
        organization_id: org,
        user_id: randomUUID(),
        project_id: null,
        task_id: taskId,
        start_time: '2025-07-01T09:00:00.000Z',
        end_time: '2025-07-01T10:00:00.000Z',
        duration_minutes: 60,
        billable: true,
        task_totals: [{ task_id: taskId, total_minutes: totalMinutes, seq }],
      },
      { org_id: org },
    );
  }

  it('ends with the newest total after an outage, whatever the order of delivery', async () => {
    const [task, moved] = [await insertTask(), await insertTask()];
    await subscribeToTimeEvents({ bus: consumerBus, db: tasksDb(), logger, consumer: queue });
    const producerDb = database.forSchema('producer');
    const outbox = new Outbox();
    outboxRelay = new OutboxRelay({
      db: producerDb,
      schema: 'producer',
      bus: producerBus,
      outbox,
      logger,
      pollIntervalMs: 100,
    });
    outboxRelay.start();

    const warmUp = entryEvent(TimeEntryCreated, task, 1, 60);
    await outbox.add(producerDb, warmUp);
    await vi.waitFor(async () => expect(await actualHours(task)).toBe(1), { timeout: 10_000, interval: 50 });

    await relay.cut();
    await vi.waitFor(() => expect(producerBus.isHealthy() || consumerBus.isHealthy()).toBe(false), {
      timeout: 5000,
    });
    // Written in this order (newer changes before older ones, as several instances might), while down.
    const later = entryEvent(TimeEntryUpdated, task, 5, 150);
    const move = TimeEntryUpdated.create({
      ...(entryEvent(TimeEntryUpdated, task, 0, 0).data as any),
      task_id: moved,
      task_totals: [
        { task_id: moved, total_minutes: 45, seq: 2 },
        { task_id: task, total_minutes: 90, seq: 4 },
      ],
    });
    const batches: EventEnvelope[][] = [
      [later, entryEvent(TimeEntryCreated, task, 2, 120)],
      [move, entryEvent(TimeEntryDeleted, moved, 1, 0)],
      [entryEvent(TimeEntryCreated, task, 3, 180)],
    ];
    for (const batch of batches) {
      await producerDb.transaction().execute((trx) => outbox.add(trx, ...batch));
    }
    const ids = batches.flat().map((event) => event.id);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await outboxRelay.backlog()).toBe(ids.length);
    expect(await actualHours(task)).toBe(1);

    await relay.restore();
    await vi.waitFor(async () => expect(await handled(ids)).toBe(ids.length), {
      timeout: 20_000,
      interval: 100,
    });
    expect(await actualHours(task)).toBe(2.5);
    expect(await actualHours(moved)).toBe(0.75);

    // A straggler older than what was applied is handled (inbox) but changes nothing.
    const straggler = entryEvent(TimeEntryUpdated, task, 4, 999);
    await producerBus.publish(straggler);
    await vi.waitFor(async () => expect(await handled([straggler.id])).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await actualHours(task)).toBe(2.5);
  });
});
