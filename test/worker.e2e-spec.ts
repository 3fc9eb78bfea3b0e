import { INestApplicationContext } from '@nestjs/common';
import { Role } from '@relais/access';
import { Session } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
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
    expect(schedulers.map((scheduler) => scheduler.key)).toEqual(
      expect.arrayContaining(['purge-ended-sessions', 'mark-reviews-due']),
    );
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

  it('marks situations due for review once their date has come, and announces it', async () => {
    const factory = new IdentityFactory(dataSource);
    const territory = await factory.territory();
    const situationDue = async (nextReviewOn: string) => {
      const person = await dataSource.getRepository(Person).save({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'R. E.',
        ageBand: AgeBand.AGE_60_74,
        district: null,
      });
      return dataSource.getRepository(Situation).save({
        territoryId: territory.id,
        personId: person.id,
        status: SituationStatus.ACTIONS_IN_PROGRESS,
        openedAt: clock.now(),
        closedAt: null,
        closureReason: null,
        nextReviewOn,
      });
    };
    const day = 86_400_000;
    const due = await situationDue(new Date(clock.now().getTime() - day).toISOString().slice(0, 10));
    const later = await situationDue(new Date(clock.now().getTime() + 5 * day).toISOString().slice(0, 10));

    const job = await queue.add('mark-reviews-due', {});
    const result = (await job.waitUntilFinished(events, 15_000)) as { reviewsDue: number };

    expect(result.reviewsDue).toBeGreaterThanOrEqual(1);
    const statuses = await dataSource.getRepository(Situation).findBy([{ id: due.id }, { id: later.id }]);
    expect(Object.fromEntries(statuses.map((situation) => [situation.id, situation.status]))).toEqual({
      [due.id]: 'REVIEW_DUE',
      [later.id]: 'ACTIONS_IN_PROGRESS',
    });
    const announced = await dataSource
      .getRepository(OutboxEvent)
      .countBy({ subjectId: due.id, type: 'situation.review_due' });
    expect(announced).toBe(1);
  });
});
