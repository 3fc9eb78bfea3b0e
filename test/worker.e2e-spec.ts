import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@relais/access';
import { Session } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { queuePrefix, workerConnectionOptions } from '@relais/queue';
import { createRelaisDataSource } from '@relais/persistence';
import { MovableClock, ownerDatabase, testConfig } from '@relais/testing';
import { createWorker } from '@relais/worker';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';

describe('worker', () => {
  const config = testConfig();
  const clock = new MovableClock();
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await createWorker(config, { clock });
    await worker.init();
    dataSource = await createRelaisDataSource(ownerDatabase(), 'relais-test-fixtures').initialize();
    const connection = workerConnectionOptions(config.redis);
    queue = new Queue('maintenance', { connection, prefix: queuePrefix(config.redis) });
    events = new QueueEvents('maintenance', { connection, prefix: queuePrefix(config.redis) });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events.close();
    await queue.close();
    await worker.close();
    await dataSource.destroy();
  });

  it('schedules the session purge at boot', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key)).toContain('purge-ended-sessions');
  });

  it('purges ended sessions through Redis, end to end, and keeps live ones', async () => {
    const factory = new IdentityFactory(dataSource);
    const territory = await factory.territory();
    const user = await factory.user({ territory, roles: [Role.CELL_MEMBER] });
    const now = clock.now();
    const day = 86_400_000;
    const expired = await factory.session(user, { now, expiresAt: new Date(now.getTime() - 1000) });
    const loggedOut = await factory.session(user, {
      now,
      expiresAt: new Date(now.getTime() + day),
      endedAt: new Date(now.getTime() - 2 * day),
    });
    const live = await factory.session(user, { now, expiresAt: new Date(now.getTime() + day) });

    const job = await queue.add('purge-ended-sessions', {});
    const result = (await job.waitUntilFinished(events, 15_000)) as { purgedSessions: number };

    expect(result.purgedSessions).toBeGreaterThanOrEqual(2);
    const remaining = await dataSource
      .getRepository(Session)
      .findBy([{ id: expired.id }, { id: loggedOut.id }, { id: live.id }]);
    expect(remaining.map((session) => session.id)).toEqual([live.id]);
  });
});
