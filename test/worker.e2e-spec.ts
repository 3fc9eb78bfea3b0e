import { INestApplicationContext } from '@nestjs/common';
import { AppConfig } from '@relais/config';
import { Role } from '@relais/access';
import { Session } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import {
  FollowUp,
  FollowUpKind,
  FollowUpPhase,
  FollowUpTeamMember,
  RequesterKind,
  TeamRole,
} from '@relais/followups';
import { IdentityFactory } from '@relais/identity/testing';
import { queuePrefix, workerConnectionOptions } from '@relais/queue';
import {
  AuditChainKeyring,
  AuditEvent,
  AuditService,
  checkpointSignature,
  FileAuditCheckpointStore,
  legacyLinkHash,
} from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { createRelaisDataSource } from '@relais/persistence';
import {
  IsolatedDatabase,
  MovableClock,
  ownerDatabase,
  provisionIsolatedDatabase,
  testConfig,
} from '@relais/testing';
import { createWorker } from '@relais/worker';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';

describe('worker', () => {
  const clock = new MovableClock();
  // A database and queue prefix of its own: on the run's shared database, the boot's periodic rounds
  // (an audit checkpoint for each of the hundreds of territories other suites made) held the
  // maintenance queue for a quarter of a minute before the jobs these tests add.
  let isolated: IsolatedDatabase;
  let config: AppConfig;
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    config = testConfig(isolated.environment);
    worker = await createWorker(config, { clock });
    await worker.init();
    dataSource = await createRelaisDataSource(
      ownerDatabase(isolated.environment),
      'relais-test-fixtures',
    ).initialize();
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
    await isolated.drop();
  });

  it('schedules the session purge at boot', async () => {
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((scheduler) => scheduler.key)).toEqual(
      expect.arrayContaining(['purge-ended-sessions', 'mark-reviews-due', 'audit-checkpoints']),
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

    // The maintenance queue runs one job at a time: the boot's own rounds may still be ahead.
    const job = await queue.add('purge-ended-sessions', {});
    const result = (await job.waitUntilFinished(events, 60_000)) as { purgedSessions: number };

    // The boot's own purge round may have run after the sessions were made and removed them first:
    // the job's count then falls short, what is left is what matters.
    expect(typeof result.purgedSessions).toBe('number');
    const remaining = await dataSource
      .getRepository(Session)
      .findBy([{ id: expired.id }, { id: loggedOut.id }, { id: live.id }]);
    expect(remaining.map((session) => session.id)).toEqual([live.id]);
  }, 90_000);

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

  it('watches follow-ups: planned end passed, four-weekly review, vacant seat — each announced once', async () => {
    const factory = new IdentityFactory(dataSource);
    const territory = await factory.territory();
    const organisation = await factory.organisation(territory);
    const educator = await factory.user({ territory, organisation, roles: [Role.FOLLOWUP_PRACTITIONER] });
    const person = await dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'W. A.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    const situation = await dataSource.getRepository(Situation).save({
      territoryId: territory.id,
      personId: person.id,
      status: SituationStatus.ACTIONS_IN_PROGRESS,
      openedAt: clock.now(),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    const day = 86_400_000;
    const followUp = await dataSource.getRepository(FollowUp).save({
      territoryId: territory.id,
      situationId: situation.id,
      kind: FollowUpKind.ASSESSMENT,
      requesterKind: RequesterKind.HOUSING,
      requestedByReferralId: null,
      requestedByDecisionId: null,
      phase: FollowUpPhase.SUPPORT,
      startedOn: new Date(clock.now().getTime() - 100 * day).toISOString().slice(0, 10),
      plannedEndOn: new Date(clock.now().getTime() - 2 * day).toISOString().slice(0, 10),
      renewals: 0,
      endedAt: null,
      endReason: null,
    });
    await dataSource.getRepository(FollowUpTeamMember).insert({
      territoryId: territory.id,
      followUpId: followUp.id,
      role: TeamRole.PATHWAY_COORDINATOR,
      userId: educator.id,
      organisationId: organisation.id,
      fromOn: null,
      untilOn: null,
    });
    const run = async () => {
      const job = await queue.add('watch-follow-ups', {});
      await job.waitUntilFinished(events, 15_000);
    };
    await run();
    await run();
    const announced = await dataSource.getRepository(OutboxEvent).findBy({ subjectId: followUp.id });
    const byType = announced.reduce<Record<string, number>>(
      (counts, event) => ({ ...counts, [event.type]: (counts[event.type] ?? 0) + 1 }),
      {},
    );
    // Two seats were never filled: the TISF and the psychiatric professional.
    expect(byType).toEqual({
      'followup.planned_end_passed': 1,
      'followup.review_due': 1,
      'followup.team_vacancy': 2,
    });
  });
  it('seals each territory’s audit chain outside the database, and not once its history was rewritten', async () => {
    const territory = await new IdentityFactory(dataSource).territory();
    const writeEvent = () =>
      worker.get(ScopedDatabase).run({ territoryIds: [territory.id] }, (manager) =>
        worker.get(AuditService).record(manager, {
          territoryId: territory.id,
          action: 'ORGANISATION_CREATED',
          subject: { type: 'Organisation' },
        }),
      );
    for (let index = 0; index < 3; index += 1) await writeEvent();
    const store = new FileAuditCheckpointStore(config.audit.checkpointDirectory);
    const keyring = new AuditChainKeyring(config.audit.chainKeys);

    const job = await queue.add('audit-checkpoints', {});
    expect(await job.waitUntilFinished(events, 60_000)).toMatchObject({ failed: 0 });
    // The round started at boot may have sealed an earlier state too: the latest is what counts.
    const sealed = (await store.list(territory.id)).at(-1)!;
    expect(sealed.checkpoint).toMatchObject({ territoryId: territory.id, sequence: '3' });
    expect(checkpointSignature(keyring, sealed.checkpoint!)).toBe('VALID');

    // The owner rewrites a sealed event and re-hashes the chain after it; then life goes on.
    await dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      const chain = await manager
        .getRepository(AuditEvent)
        .find({ where: { territoryId: territory.id }, order: { sequence: 'ASC' } });
      let previousHash = chain[0].hash;
      for (const event of chain.slice(1)) {
        const details = event.sequence === '2' ? { rewritten: true } : event.details;
        const hash = legacyLinkHash(previousHash, { ...event, details });
        await manager.query(
          `UPDATE audit_events SET details = $2, previous_hash = $3, hash = $4 WHERE id = $1`,
          [event.id, details, previousHash, hash],
        );
        previousHash = hash;
      }
      await manager.query(`UPDATE audit_chain_heads SET hash = $2 WHERE territory_id = $1`, [
        territory.id,
        previousHash,
      ]);
    });
    await writeEvent();
    const refused = await queue.add('audit-checkpoints', {});
    expect(await refused.waitUntilFinished(events, 60_000)).toMatchObject({ failed: 0 });
    expect((await store.list(territory.id)).at(-1)?.checkpoint?.sequence).toBe('3');
  });
});
