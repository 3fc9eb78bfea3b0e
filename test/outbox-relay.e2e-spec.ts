import { AppConfig } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { IdentityFactory } from '@relais/identity/testing';
import {
  EarlierEventPendingError,
  OutboxConsumer,
  OutboxEvent,
  outboxJobId,
  OutboxRelay,
  OutboxMessage,
  writeOutbox,
} from '@relais/outbox';
import { createRelaisDataSource } from '@relais/persistence';
import { ProducerQueues, QueueName } from '@relais/queue';
import {
  findFreePort,
  IsolatedDatabase,
  MovableClock,
  ownerDatabase,
  provisionIsolatedDatabase,
  testConfig,
} from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The relay and the consumer against real Postgres (row-level security on) and Redis. */
describe('outbox relay and consumption', () => {
  let isolated: IsolatedDatabase;
  let config: AppConfig;
  let owner: DataSource;
  let application: DataSource;
  let queues: ProducerQueues;
  let relay: OutboxRelay;
  let consumer: OutboxConsumer;
  let territoryId: string;
  const clock = new MovableClock();

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    config = testConfig(isolated.environment);
    owner = await createRelaisDataSource(ownerDatabase(isolated.environment), 'relais-test').initialize();
    application = await createRelaisDataSource(config.database, 'relais-test-app').initialize();
    const database = new ScopedDatabase(application);
    queues = new ProducerQueues(config);
    relay = new OutboxRelay(database, queues, clock);
    consumer = new OutboxConsumer(database, clock);
    territoryId = (await new IdentityFactory(owner).territory()).id;
  }, 60_000);

  afterAll(async () => {
    await queues?.onApplicationShutdown();
    await application?.destroy();
    await owner?.destroy();
    await isolated?.drop();
  });

  const write = (subjectId: string, type: 'action.created' | 'action.done' | 'action.due_date_changed') =>
    owner.transaction((manager) =>
      writeOutbox(manager, {
        territoryId,
        type,
        subject: { type: 'SituationAction', id: subjectId },
        payload: {
          personId: randomUUID(),
          situationId: null,
          meetingId: null,
          ownerOrganisationId: randomUUID(),
          ownerUserId: null,
          ownerKind: null,
          dueOn: '2030-01-01',
          status: 'TODO',
        },
        occurredAt: clock.now(),
      } as OutboxMessage),
    );
  const eventsOf = (subjectId: string) =>
    owner.getRepository(OutboxEvent).find({ where: { subjectId }, order: { sequence: 'ASC' } });

  it('publishes pending events once, in order, one job per event, and stamps them', async () => {
    const subjectId = randomUUID();
    await write(subjectId, 'action.created');
    await write(subjectId, 'action.done');
    expect(await relay.relayPending()).toBeGreaterThanOrEqual(2);
    const events = await eventsOf(subjectId);
    expect(events.every((event) => event.publishedAt)).toBe(true);
    const outbox = queues.get(QueueName.OUTBOX);
    const jobs = await Promise.all(events.map((event) => outbox.getJob(outboxJobId(event.id))));
    expect(jobs.map((job) => job?.name)).toEqual(['action.created', 'action.done']);
    expect(jobs.map((job) => job?.data)).toEqual(events.map((event) => ({ eventId: event.id })));
    expect(await relay.relayPending()).toBe(0);
  });

  it('stamps nothing when Redis refuses, so the next round publishes it', async () => {
    const subjectId = randomUUID();
    await write(subjectId, 'action.created');
    const down = testConfig({
      ...isolated.environment,
      REDIS_URL: `redis://127.0.0.1:${await findFreePort()}`,
    });
    const unreachable = new ProducerQueues(down);
    try {
      await expect(
        new OutboxRelay(new ScopedDatabase(application), unreachable, clock).relayPending(),
      ).rejects.toThrow();
    } finally {
      await unreachable.onApplicationShutdown();
    }
    expect((await eventsOf(subjectId))[0].publishedAt).toBeNull();
    await relay.relayPending();
    expect((await eventsOf(subjectId))[0].publishedAt).not.toBeNull();
  });

  it('handles each event once per consumer, and never before an earlier event of its subject', async () => {
    const subjectId = randomUUID();
    await write(subjectId, 'action.created');
    await write(subjectId, 'action.due_date_changed');
    const [first, second] = await eventsOf(subjectId);
    const handled: string[] = [];
    const handle = async (_manager: unknown, event: OutboxEvent) => {
      handled.push(event.type);
      return event.type;
    };
    await expect(consumer.consume('test', second.id, handle)).rejects.toBeInstanceOf(
      EarlierEventPendingError,
    );
    expect(await consumer.consume('test', first.id, handle)).toEqual({
      handled: true,
      result: 'action.created',
    });
    expect(await consumer.consume('test', first.id, handle)).toEqual({
      handled: false,
      reason: 'ALREADY_HANDLED',
    });
    expect(await consumer.consume('test', second.id, handle)).toEqual({
      handled: true,
      result: 'action.due_date_changed',
    });
    // Another consumer has its own account of what it handled.
    expect((await consumer.consume('other', first.id, handle)).handled).toBe(true);
    expect(handled).toEqual(['action.created', 'action.due_date_changed', 'action.created']);
    expect(await consumer.consume('test', randomUUID(), handle)).toEqual({ handled: false, reason: 'GONE' });
  });

  it('rolls the consumption back when the handling fails, so a retry handles it', async () => {
    const subjectId = randomUUID();
    await write(subjectId, 'action.created');
    const [event] = await eventsOf(subjectId);
    await expect(
      consumer.consume('test', event.id, async () => {
        throw new Error('panne');
      }),
    ).rejects.toThrow('panne');
    expect((await consumer.consume('test', event.id, async () => 'ok')).handled).toBe(true);
  });

  it('republishes events published but never handled, as after a Redis flush', async () => {
    const subjectId = randomUUID();
    await write(subjectId, 'action.created');
    await relay.relayPending();
    const [event] = await eventsOf(subjectId);
    const outbox = queues.get(QueueName.OUTBOX);
    await outbox.remove(outboxJobId(event.id));
    expect(await outbox.getJob(outboxJobId(event.id))).toBeUndefined();
    clock.advance(60_000);
    expect(await relay.republishUnhandled('test', 30_000)).toBeGreaterThanOrEqual(1);
    expect(await outbox.getJob(outboxJobId(event.id))).toBeDefined();
  });
});
