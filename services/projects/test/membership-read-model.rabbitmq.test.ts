import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from 'amqplib';
import type { Kysely } from 'kysely';
import {
  createLogger,
  migrateSchema,
  openDatabase,
  Outbox,
  OutboxRelay,
  RabbitMqEventBus,
  type Database,
  type EventBus,
  type EventEnvelope,
} from '@pm/kernel';
import {
  createTestDatabase,
  startBrokerRelay,
  type BrokerRelay,
  type TestDatabase,
} from '@pm/kernel/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProjectsDatabase } from '../src/data/projects.tables.ts';
import { defaultProjectSettings } from '../src/domain/workflow.ts';
import { subscribeToOrgMemberships } from '../src/subscribers/org-membership.subscriber.ts';
import { OrgMemberAdded, OrgMemberRemoved, OrgMemberRoleChanged } from '../src/subscribers/users-events.ts';

// The users service is played by a producer schema with its own outbox and relay; the consumer is the
// projects service's real subscriber on a migrated `projects` schema. Both reach RabbitMQ through a
// TCP relay (@pm/kernel/testing) that the test cuts to simulate an outage without touching the broker.
const BROKER = { host: '127.0.0.1', port: 5672 };
const suffix = randomBytes(4).toString('hex');
const exchange = `pm.events.test-projects-${suffix}`;
const queue = `test-projects-${suffix}.memberships`;
const logger = createLogger('membership-read-model-test', 'silent');
const projectsMigrations = fileURLToPath(new URL('../migrations', import.meta.url));

describe('organization membership read model over RabbitMQ', () => {
  let testDb: TestDatabase;
  let database: Database;
  let relay: BrokerRelay;
  let producerBus: RabbitMqEventBus;
  let consumerBus: RabbitMqEventBus;
  let outboxRelay: OutboxRelay;
  const emptyDir = mkdtempSync(join(tmpdir(), 'pm-producer-'));
  const deliveries = new Map<string, number>();

  beforeAll(async () => {
    testDb = await createTestDatabase('projects_rmq');
    database = await openDatabase({ url: testDb.url });
    await migrateSchema(database.root, 'producer', emptyDir);
    await migrateSchema(database.root, 'projects', projectsMigrations);
    relay = await startBrokerRelay(BROKER);
    const fast = { exchange, logger, reconnectDelaysMs: [50, 100, 200], retryDelaysMs: [200] };
    producerBus = new RabbitMqEventBus({ url: relay.url, ...fast });
    consumerBus = new RabbitMqEventBus({ url: relay.url, ...fast });
  });

  afterAll(async () => {
    await outboxRelay?.stop();
    await Promise.allSettled([producerBus?.close(), consumerBus?.close()]);
    await relay?.cut();
    const connection = await connect(`amqp://guest:guest@${BROKER.host}:${BROKER.port}`);
    const channel = await connection.createChannel();
    await channel.deleteQueue(queue);
    await channel.deleteExchange(exchange);
    await connection.close();
    await database?.close();
    await testDb?.drop();
    rmSync(emptyDir, { recursive: true, force: true });
  });

  /** The consumer bus, counting every delivery the subscriber's inbox handler completes. */
  function countingBus(bus: EventBus): EventBus {
    return {
      publish: (event) => bus.publish(event),
      subscribe: (consumer, patterns, handler) =>
        bus.subscribe(consumer, patterns, async (event) => {
          await handler(event);
          deliveries.set(event.id, (deliveries.get(event.id) ?? 0) + 1);
        }),
      isHealthy: () => bus.isHealthy(),
      close: () => bus.close(),
    };
  }

  const projectsDb = () => database.forSchema<ProjectsDatabase>('projects');

  async function inboxCount(ids: string[]): Promise<{ rows: number; distinct: number }> {
    const rows = await projectsDb()
      .selectFrom('inbox')
      .select('event_id')
      .where('event_id', 'in', ids)
      .where('consumer', '=', queue)
      .execute();
    return { rows: rows.length, distinct: new Set(rows.map((row) => row.event_id)).size };
  }

  async function readModel(organizationId: string): Promise<Record<string, string | null>> {
    const rows = await projectsDb()
      .selectFrom('org_memberships')
      .select(['user_id', 'role'])
      .where('organization_id', '=', organizationId)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.user_id, row.role]));
  }

  async function removalsOf(userId: string): Promise<number> {
    const rows = await projectsDb()
      .selectFrom('outbox')
      .select('id')
      .where('type', '=', 'projects.member.removed')
      .where('envelope', '@>', JSON.stringify({ data: { user_id: userId } }) as never)
      .execute();
    return rows.length;
  }

  async function addProjectMember(
    db: Kysely<ProjectsDatabase>,
    organizationId: string,
    userId: string,
  ): Promise<void> {
    const project = await db
      .insertInto('projects')
      .values({
        organization_id: organizationId,
        key: 'WEB',
        name: 'Web',
        owner_id: userId,
        settings: JSON.stringify(defaultProjectSettings()),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('project_members')
      .values({ project_id: project.id, user_id: userId, role: 'member' })
      .execute();
  }

  it('converges on the final memberships after an outage, handling each event once', async () => {
    const org = randomUUID();
    const [alice, bob, carol, dave, xavier] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await subscribeToOrgMemberships({
      bus: countingBus(consumerBus),
      db: projectsDb(),
      outbox: new Outbox(),
      logger,
      consumer: queue,
    });
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

    const t = (seconds: number) => ({
      org_id: org,
      occurred_at: new Date(Date.UTC(2030, 0, 1, 0, 0, seconds)),
    });
    const member = (userId: string) => ({ organization_id: org, user_id: userId });
    const warmUp = OrgMemberAdded.create({ ...member(xavier), role: 'member' }, t(0));
    await outbox.add(producerDb, warmUp);
    await vi.waitFor(async () => expect((await inboxCount([warmUp.id])).rows).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    await addProjectMember(projectsDb(), org, xavier);

    await relay.cut();
    await vi.waitFor(() => expect(producerBus.isHealthy() || consumerBus.isHealthy()).toBe(false), {
      timeout: 5000,
    });
    // Written in this order, some of them out of time order, as a producer with several instances might.
    const batches: EventEnvelope[][] = [
      [
        OrgMemberAdded.create({ ...member(alice), role: 'member' }, t(1)),
        OrgMemberAdded.create({ ...member(bob), role: 'member' }, t(1)),
      ],
      [
        OrgMemberRoleChanged.create({ ...member(alice), role: 'admin' }, t(2)),
        OrgMemberRemoved.create(member(xavier), t(4)),
      ],
      [
        OrgMemberRemoved.create(member(bob), t(3)),
        OrgMemberAdded.create({ ...member(carol), role: 'guest' }, t(1)),
      ],
      [
        OrgMemberRoleChanged.create({ ...member(carol), role: 'owner' }, t(5)),
        OrgMemberRemoved.create(member(dave), t(6)),
      ],
      [
        OrgMemberRoleChanged.create({ ...member(carol), role: 'member' }, t(2)),
        OrgMemberAdded.create({ ...member(dave), role: 'admin' }, t(5)),
      ],
    ];
    for (const batch of batches) {
      await producerDb.transaction().execute((trx) => outbox.add(trx, ...batch));
    }
    const ids = batches.flat().map((event) => event.id);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(await outboxRelay.backlog()).toBe(ids.length);
    expect((await inboxCount(ids)).rows).toBe(0);

    await relay.restore();
    await vi.waitFor(
      async () => expect(await inboxCount(ids)).toEqual({ rows: ids.length, distinct: ids.length }),
      { timeout: 20_000, interval: 100 },
    );
    // The relay marks a batch published in a statement after the broker accepted it, so the
    // consumers may have handled every event a moment before the mark lands.
    await vi.waitFor(async () => expect(await outboxRelay.backlog()).toBe(0), {
      timeout: 5_000,
      interval: 50,
    });
    expect(await readModel(org)).toEqual({
      [alice]: 'admin',
      [bob]: null,
      [carol]: 'owner',
      [dave]: null,
      [xavier]: null,
    });
    expect(await removalsOf(xavier)).toBe(1);
    expect(
      await projectsDb().selectFrom('project_members').select('id').where('user_id', '=', xavier).execute(),
    ).toEqual([]);

    // A redelivered event (the broker may hand one over twice) reaches the handler but changes nothing.
    const xavierRemoval = batches[1]![1]!;
    const before = deliveries.get(xavierRemoval.id) ?? 0;
    await producerBus.publish(xavierRemoval);
    await producerBus.publish(xavierRemoval);
    await vi.waitFor(() => expect(deliveries.get(xavierRemoval.id)).toBe(before + 2), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await inboxCount([xavierRemoval.id])).toEqual({ rows: 1, distinct: 1 });
    expect(await removalsOf(xavier)).toBe(1);
    expect(await readModel(org)).toEqual({
      [alice]: 'admin',
      [bob]: null,
      [carol]: 'owner',
      [dave]: null,
      [xavier]: null,
    });
  });
});
