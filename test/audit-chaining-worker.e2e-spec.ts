import { INestApplicationContext } from '@nestjs/common';
import { AuditChainVerifier } from '@relais/audit';
import { IsolatedDatabase, provisionIsolatedDatabase, testConfig } from '@relais/testing';
import { createWorker } from '@relais/worker';
import { RunningApi, startApi } from './support/api-harness';
import { referPerson } from './support/referral-journey';
import { eventually } from './support/reminder-fixtures';
import { sessionsByRole } from './support/role-sessions';
import { readLinkSequences } from './support/audit-read-links';

const READ_REFERRAL = `query ($id: ID!) { referral(referralId: $id) { id identity { lastName } } }`;

describe('the worker links the reads recorded unchained', () => {
  let isolated: IsolatedDatabase;
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    isolated = await provisionIsolatedDatabase();
    api = await startApi(isolated.environment);
    worker = await createWorker(testConfig({ ...isolated.environment, LOG_LEVEL: 'silent' }), {
      clock: api.clock,
    });
    await worker.init();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await isolated?.drop();
  });

  it('within a few seconds of the read, by itself, and the chain then verifies', async () => {
    const territory = await api.factory.territory();
    const sessions = await sessionsByRole(api, territory);
    const referral = await referPerson(sessions.REFERRER.client, {
      territoryId: territory.id,
      person: { firstName: 'Lucien', lastName: 'Boucle', birthDate: '1959-11-20', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: ['Bailleur'],
        questionToCell: 'Comment reprendre contact ?',
        urgency: 'MEDIUM',
        requests: ['FOLLOW_UP_ASSESSMENT'],
      },
    });
    await sessions.REFERRER.client.expectData(READ_REFERRAL, { id: referral.id });
    const reads = () => readLinkSequences(api.dataSource, territory.id, referral.person.id);
    expect((await reads()).length).toBeGreaterThan(0);

    await eventually(reads, (links) => links.every((link) => link.sequence !== null));
    expect(await api.app.get(AuditChainVerifier).verify(api.dataSource.manager, territory.id)).toMatchObject({
      valid: true,
      unchainedEvents: 0,
    });
  });
});
