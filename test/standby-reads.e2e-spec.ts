import { Role } from '@relais/access';
import { processEnvironment } from '@relais/config';
import { createDatabase, ScopedDatabase, withCredentials } from '@relais/database';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { testConfig } from '@relais/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import Redis from 'ioredis';
import { RunningApi, startApi } from './support/api-harness';
import { REPORT } from './support/activity-report-reading';
import { MY_REFERRALS, WITHDRAW_CONSENT } from './support/referral-documents';
import {
  Member,
  memberOf,
  recordConsent,
  referPerson,
  submit,
  submitAndAccept,
} from './support/referral-journey';
import { STANDBY_NAME, startStreamingPair, StreamingPair } from './support/streaming-standby';

const SITUATIONS = /* GraphQL */ `
  query ($t: ID!) {
    situations(territoryId: $t, first: 50) {
      edges {
        node {
          id
          nextReviewOn
        }
      }
    }
  }
`;

// « À traiter »: the identity is shown to the coordinator, so each read is audited.
const TO_REVIEW = /* GraphQL */ `
  query ($t: ID!) {
    referralsToReview(territoryId: $t, first: 50) {
      edges {
        node {
          id
          identity {
            lastName
          }
        }
      }
    }
  }
`;

const DATABASE = 'relais_standby';

/**
 * Reads on a standby (`DATABASE_REPLICA_URL`), against a primary and a streaming standby of the
 * suite's own. The standby's replay is paused to tell who answered: a row changed on the primary
 * alone shows only in what the primary answers.
 */
describe('reads on a streaming standby', () => {
  let pair: StreamingPair;
  let api: RunningApi;
  let prefix: string;
  let territory: Territory;
  const org = {} as Record<'bailleur' | 'cmp' | 'clsm', Organisation>;
  let coordinator: Member;
  let officer: Member;
  let nurse: Member;
  let situationId: string;
  let consentId: string;
  let served: ScopedDatabase['readsServed'];

  beforeAll(async () => {
    pair = await startStreamingPair();
    process.stderr.write(
      `[tests] secondaire : ${pair.madeBy}, prêt en ${(pair.setupMs / 1000).toFixed(1).replace('.', ',')} s\n`,
    );
    try {
      const ownerUrl = new URL(pair.primaryUrl);
      ownerUrl.pathname = `/${DATABASE}`;
      await createDatabase(pair.primaryUrl, DATABASE);
      // The run's application role and password, on these servers: the migration creates it on
      // the primary, the standby replays it.
      const shared = testConfig();
      const application = new URL(shared.database.url);
      const on = (server: string) => {
        const url = new URL(
          withCredentials(
            server,
            decodeURIComponent(application.username),
            decodeURIComponent(application.password),
          ),
        );
        url.pathname = `/${DATABASE}`;
        return url.toString();
      };
      prefix = `${shared.redis.keyPrefix}-standby-${randomBytes(4).toString('hex')}`;
      const environment = {
        DATABASE_OWNER_URL: ownerUrl.toString(),
        DATABASE_URL: on(pair.primaryUrl),
        DATABASE_REPLICA_URL: on(pair.standbyUrl),
        REDIS_KEY_PREFIX: prefix,
      };
      await promisify(execFile)(
        process.execPath,
        ['-r', '@swc-node/register', 'tools/migrations.ts', 'run'],
        {
          cwd: resolve(__dirname, '..'),
          env: { ...processEnvironment(), ...environment },
        },
      );
      await pair.caughtUp();
      api = await startApi(environment);
      served = api.app.get(ScopedDatabase).readsServed;
    } catch (error) {
      await pair.stop();
      throw error;
    }

    territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    coordinator = await memberOf(
      api,
      territory,
      org.clsm,
      Profession.CLSM_COORDINATOR,
      [Role.COORDINATOR],
      cell,
    );
    officer = await memberOf(api, territory, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    nurse = await memberOf(api, territory, org.cmp, Profession.PSYCHIATRIC_NURSE, [Role.REFERRER]);
    const referral = await refer('Aubert');
    consentId = await recordConsent(officer.client, api, referral.id, {
      organisationIds: [org.bailleur.id, org.cmp.id],
    });
    situationId = await submitAndAccept(officer.client, coordinator.client, referral.id);
    const waiting = await refer('Barbier');
    await recordConsent(officer.client, api, waiting.id, { organisationIds: [org.bailleur.id] });
    await submit(officer.client, waiting.id);
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await pair?.stop();
    const redis = new Redis(testConfig().redis.url, { maxRetriesPerRequest: 1 });
    try {
      const keys = await redis.keys(`{${prefix}}*`);
      if (keys.length) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  });

  function refer(lastName: string) {
    return referPerson(officer.client, {
      territoryId: territory.id,
      person: { firstName: 'Jeanne', lastName, birthDate: '1958-06-01', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['HOUSING_DEBT'],
        servicesInvolved: [],
        questionToCell: 'Comment éviter l’expulsion ?',
        urgency: 'MEDIUM',
        requests: ['CELL_EXAMINATION'],
      },
    });
  }

  async function nextReviewSeenBy(member: Member): Promise<string | null | undefined> {
    const { situations } = await member.client.expectData<{
      situations: { edges: { node: { id: string; nextReviewOn: string | null } }[] };
    }>(SITUATIONS, { t: territory.id });
    return situations.edges.find((edge) => edge.node.id === situationId)?.node.nextReviewOn;
  }

  /** Changes the situation on the primary alone while replay is paused: the lag's marker. */
  async function markOnPrimary(day: string): Promise<void> {
    await pair.query('primary', DATABASE, 'UPDATE situations SET next_review_on = $1 WHERE id = $2', [
      day,
      situationId,
    ]);
  }

  /** Replay paused from a standby that had replayed everything, resumed afterwards. */
  async function whilePaused(work: () => Promise<void>): Promise<void> {
    await pair.caughtUp();
    await pair.pauseReplay();
    try {
      await work();
    } finally {
      await pair.resumeReplay();
    }
  }

  it('reads from a standby that streams from the primary', async () => {
    const senders = await pair.query<{ application_name: string; state: string }>(
      'primary',
      'postgres',
      'SELECT application_name, state FROM pg_stat_replication',
    );
    expect(senders).toEqual([{ application_name: STANDBY_NAME, state: 'streaming' }]);
    const [{ recovering }] = await pair.query<{ recovering: boolean }>(
      'standby',
      DATABASE,
      'SELECT pg_is_in_recovery() AS recovering',
    );
    expect(recovering).toBe(true);
  });

  it('serves the lists and the activity report from the standby, and writes their audit on the primary', async () => {
    const original = await nextReviewSeenBy(coordinator);
    expect(original).not.toBeUndefined();
    await whilePaused(async () => {
      await markOnPrimary('2031-01-15');
      const before = { ...served };
      expect(await nextReviewSeenBy(coordinator)).toBe(original);
      expect(served.standby - before.standby).toBe(1);

      const mine = await officer.client.expectData<{ myOrganisationReferrals: { edges: unknown[] } }>(
        MY_REFERRALS,
        { t: territory.id },
      );
      expect(mine.myOrganisationReferrals.edges).toHaveLength(2);
      expect(served.standby - before.standby).toBe(2);

      const readsAudited = () =>
        pair.query<{ count: string }>(
          'primary',
          DATABASE,
          `SELECT count(*) FROM audit_events WHERE action = 'PERSON_DATA_READ' AND actor_user_id = $1`,
          [coordinator.id],
        );
      const [{ count: readsBefore }] = await readsAudited();
      const toReview = await coordinator.client.expectData<{
        referralsToReview: { edges: { node: { identity: { lastName: string } | null } }[] };
      }>(TO_REVIEW, { t: territory.id });
      expect(toReview.referralsToReview.edges.map((edge) => edge.node.identity?.lastName)).toEqual([
        'Barbier',
      ]);
      expect(served.standby - before.standby).toBe(3);
      expect(Number((await readsAudited())[0].count)).toBe(Number(readsBefore) + 1);

      const audited = () =>
        pair.query<{ count: string }>(
          'primary',
          DATABASE,
          `SELECT count(*) FROM audit_events WHERE territory_id = $1 AND action = 'ACTIVITY_REPORT_PRODUCED'`,
          [territory.id],
        );
      const [{ count: reportsBefore }] = await audited();
      const period = { from: '2026-01-01', to: '2026-12-31' };
      await coordinator.client.expectData(REPORT, { t: territory.id, ...period });
      const csv = await fetch(
        `${api.url}/documents/reports/${territory.id}/bilan-activite-chiffres.csv?from=${period.from}&to=${period.to}`,
        { headers: { authorization: `Bearer ${coordinator.client.accessToken}` } },
      );
      expect(csv.status).toBe(200);
      expect(served.standby - before.standby).toBe(5);
      expect(served.primary).toBe(before.primary);
      // Read on the standby, recorded on the primary while the standby replays nothing.
      expect(Number((await audited())[0].count)).toBe(Number(reportsBefore) + 2);
    });
  });

  it('answers a session after its own mutation from the primary while the standby lags', async () => {
    await whilePaused(async () => {
      const before = { ...served };
      await refer('Carpentier');
      const mine = await officer.client.expectData<{ myOrganisationReferrals: { edges: unknown[] } }>(
        MY_REFERRALS,
        { t: territory.id },
      );
      expect(mine.myOrganisationReferrals.edges).toHaveLength(3);
      expect(served.primary - before.primary).toBe(1);
      expect(served.standby).toBe(before.standby);
    });
    // Once the standby has replayed the write, the session reads there again.
    await pair.caughtUp();
    const before = { ...served };
    const mine = await officer.client.expectData<{ myOrganisationReferrals: { edges: unknown[] } }>(
      MY_REFERRALS,
      { t: territory.id },
    );
    expect(mine.myOrganisationReferrals.edges).toHaveLength(3);
    expect(served.standby - before.standby).toBe(1);
  });

  it('reads on the primary for everyone in the territory from the request after a consent withdrawal', async () => {
    await whilePaused(async () => {
      await markOnPrimary('2032-02-20');
      // Before: the nurse of the circle reads the lagging standby.
      expect(await nextReviewSeenBy(nurse)).toBe('2031-01-15');

      await officer.client.expectData(WITHDRAW_CONSENT, { id: consentId });

      // The very next request of another session reads the primary, where the withdrawal is.
      const before = { ...served };
      expect(await nextReviewSeenBy(nurse)).toBe('2032-02-20');
      expect(served.primary - before.primary).toBe(1);
      expect(served.standby).toBe(before.standby);
      const [{ status }] = await pair.query<{ status: string }>(
        'standby',
        DATABASE,
        'SELECT status FROM consents WHERE id = $1',
        [consentId],
      );
      expect(status).toBe('GIVEN');
    });
  });
});
