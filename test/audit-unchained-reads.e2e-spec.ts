import { DataCategory, Principal, Role } from '@relais/access';
import { AuditChainVerifier, AuditedRead, AuditEvent, AuditEventChainer, AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { Territory } from '@relais/identity';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { referPerson } from './support/referral-journey';
import { RoleSession, sessionsByRole } from './support/role-sessions';

const READ_REFERRAL = `query ($id: ID!) { referral(referralId: $id) { id identity { lastName } } }`;
const ACCESS_LOG = /* GraphQL */ `
  query ($t: ID!, $s: ID!, $after: String) {
    accessLog(territoryId: $t, subjectId: $s, first: 2, after: $after) {
      edges {
        cursor
        node {
          id
          action
          sequence
          chained
          actorUserId
          dataCategories
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface LogLine {
  id: string;
  action: string;
  sequence: string | null;
  chained: boolean;
  actorUserId: string | null;
  dataCategories: string[];
}
interface LogPage {
  edges: { cursor: string; node: LogLine }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Fails instead of hanging when `work` waits on a lock. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`toujours en attente après ${ms} ms`)), ms).unref(),
    ),
  ]);
}

describe('reads audited without the chain lock, chained afterwards', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let referral: { id: string; person: { id: string } };

  const readReferral = () => sessions.REFERRER.client.expectData(READ_REFERRAL, { id: referral.id });
  const unchainedReads = (territoryId: string) =>
    api.dataSource.getRepository(AuditEvent).find({
      where: { territoryId, action: 'PERSON_DATA_READ' },
      order: { position: 'ASC' },
    });
  const accessLog = async (after?: string) =>
    (
      await sessions.COORDINATOR.client.expectData<{ accessLog: LogPage }>(ACCESS_LOG, {
        t: territory.id,
        s: referral.person.id,
        after,
      })
    ).accessLog;
  const verify = (territoryId: string) =>
    api.app.get(AuditChainVerifier).verify(api.dataSource.manager, territoryId);

  /** Reads as a list records them: one event per person shown, in the reader's transaction. */
  async function stageReads(territoryId: string, count: number): Promise<void> {
    const audit = api.app.get(AuditService);
    const reader = sessions.COORDINATOR;
    await api.app.get(ScopedDatabase).run({ territoryIds: [territoryId] }, async (manager) => {
      const reads: AuditedRead[] = Array.from({ length: count }, () => ({
        territoryId,
        personId: randomUUID(),
        subject: { type: 'Situation', id: randomUUID() },
        categories: [DataCategory.IDENTITY, DataCategory.SOCIAL_CONFIDENTIAL],
      }));
      // A principal of its own per call: reads are recorded once per request and person.
      const principal = { userId: reader.userId, requestId: randomUUID() } as unknown as Principal;
      await audit.recordReads(manager, principal, reads);
    });
  }
  async function writeEvent(territoryId: string): Promise<void> {
    await api.app.get(ScopedDatabase).run({ territoryIds: [territoryId] }, (manager) =>
      api.app.get(AuditService).record(manager, {
        territoryId,
        action: 'ORGANISATION_CREATED',
        subject: { type: 'Organisation', id: randomUUID() },
        details: { kind: 'ASSOCIATION' },
      }),
    );
  }

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    referral = await referPerson(sessions.REFERRER.client, {
      territoryId: territory.id,
      person: { firstName: 'Odile', lastName: 'Verrou', birthDate: '1971-02-03', protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: ['Bailleur'],
        questionToCell: 'Comment reprendre contact ?',
        urgency: 'MEDIUM',
        requests: ['FOLLOW_UP_ASSESSMENT'],
      },
    });
    await api.app.get(AuditEventChainer).chainTerritory(territory.id);
  });
  afterAll(() => api.close());

  it('completes a read while another transaction holds the territory’s chain head, and records it unchained', async () => {
    const before = (await unchainedReads(territory.id)).length;
    const runner = api.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // What every writer of the territory's chain takes: a reader no longer needs it.
      const locked = await runner.query(
        `SELECT sequence FROM audit_chain_heads WHERE territory_id = $1 FOR UPDATE`,
        [territory.id],
      );
      expect(locked).toHaveLength(1);
      await within(10_000, readReferral());
      const reads = await unchainedReads(territory.id);
      expect(reads.length).toBe(before + 1);
      expect(reads.at(-1)).toMatchObject({
        actorUserId: sessions.REFERRER.userId,
        personId: referral.person.id,
        sequence: null,
        previousHash: null,
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('shows the read in the access log before and after chaining, at the same place, newest first', async () => {
    await readReferral();
    const waiting = await accessLog();
    const read = waiting.edges[0].node;
    expect(read).toMatchObject({
      action: 'PERSON_DATA_READ',
      actorUserId: sessions.REFERRER.userId,
      chained: false,
      sequence: null,
    });
    expect(read.dataCategories).toContain('IDENTITY');
    expect(waiting.pageInfo.hasNextPage).toBe(true);
    const next = await accessLog(waiting.pageInfo.endCursor!);
    expect(next.edges.map((edge) => edge.node.id)).not.toContain(read.id);

    const { chained } = await api.app.get(AuditEventChainer).chainTerritory(territory.id);
    expect(chained).toBeGreaterThanOrEqual(1);
    const linked = await accessLog();
    expect(linked.edges.map((edge) => edge.node.id)).toEqual(waiting.edges.map((edge) => edge.node.id));
    expect(linked.edges[0].cursor).toBe(waiting.edges[0].cursor);
    expect(linked.edges[0].node).toMatchObject({ id: read.id, chained: true, sequence: expect.any(String) });
    expect(await verify(territory.id)).toMatchObject({ valid: true, unchainedEvents: 0 });
  });

  it('links waiting reads in the order they were written, after the writes already chained, and the chain verifies', async () => {
    const other = await api.factory.territory();
    await writeEvent(other.id);
    await stageReads(other.id, 2);
    await writeEvent(other.id);
    await stageReads(other.id, 3);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 2, unchainedEvents: 5 });

    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 5, refused: 0 });
    const events = await api.dataSource
      .getRepository(AuditEvent)
      .find({ where: { territoryId: other.id }, order: { position: 'ASC' } });
    expect(events.map((event) => [event.action, event.sequence])).toEqual([
      ['ORGANISATION_CREATED', '1'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '4'],
      ['ORGANISATION_CREATED', '2'],
      ['PERSON_DATA_READ', '5'],
      ['PERSON_DATA_READ', '6'],
      ['PERSON_DATA_READ', '7'],
    ]);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 7, unchainedEvents: 0 });
    // Nothing left: a second round links nothing.
    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 0, refused: 0 });
  });

  it('reports a waiting read changed since it was written, and never chains it', async () => {
    const other = await api.factory.territory();
    await writeEvent(other.id);
    await stageReads(other.id, 2);
    const [victim, kept] = await unchainedReads(other.id);
    await api.dataSource.transaction(async (manager) => {
      // Only a superuser can silence the append-only triggers; the seal still tells.
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(`UPDATE audit_events SET data_categories = '{IDENTITY}' WHERE id = $1`, [
        victim.id,
      ]);
    });
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: null, eventId: victim.id, problem: 'SEAL_MISMATCH' },
    });
    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 1, refused: 1 });
    const after = await api.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: victim.id });
    expect(after.sequence).toBeNull();
    expect((await api.dataSource.getRepository(AuditEvent).findOneByOrFail({ id: kept.id })).sequence).toBe(
      '2',
    );
    expect(await verify(other.id)).toMatchObject({ valid: false, firstBroken: { problem: 'SEAL_MISMATCH' } });
  });

  it('reports a chained read changed since it was linked', async () => {
    const other = await api.factory.territory();
    await stageReads(other.id, 2);
    await api.app.get(AuditEventChainer).chainTerritory(other.id);
    const [victim] = await unchainedReads(other.id);
    expect(victim.sequence).toBe('1');
    await api.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(`UPDATE audit_events SET data_categories = '{IDENTITY}' WHERE id = $1`, [
        victim.id,
      ]);
    });
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '1', eventId: victim.id, problem: 'HASH_MISMATCH' },
    });
  });

  it('lets the application link a waiting read, and change nothing else', async () => {
    const other = await api.factory.territory();
    await stageReads(other.id, 1);
    const [read] = await unchainedReads(other.id);
    const refused = await api.app
      .get(ScopedDatabase)
      .run({ territoryIds: [other.id] }, (manager) =>
        manager.query(`UPDATE audit_events SET data_categories = '{}' WHERE id = $1`, [read.id]),
      )
      .catch((error: Error) => error);
    expect(refused).toBeInstanceOf(Error);
    await api.app.get(AuditEventChainer).chainTerritory(other.id);
    // Linked once: the owner's function refuses to link it again.
    const again = await api.app
      .get(ScopedDatabase)
      .run({ territoryIds: [other.id] }, (manager) =>
        manager.query(
          `SELECT link_audit_events($1, $2::uuid[], '{9}'::bigint[], $3::text[], $3::text[], 'x')`,
          [other.id, [read.id], ['0'.repeat(64)]],
        ),
      )
      .catch((error: Error) => error);
    expect((again as Error).message).toMatch(/événements à chaîner : 1 attendus, 0 chaînés/);
  });
});
