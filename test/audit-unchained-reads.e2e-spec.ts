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
  /** Each event's action and place in the chain: its own sequence, or its link's for a read. */
  const chainPlaces = async (territoryId: string) =>
    (
      (await api.dataSource.query(
        `SELECT e.action, coalesce(e.sequence, (SELECT l.sequence FROM audit_read_links l
                  WHERE l.territory_id = e.territory_id AND e.position = ANY (l.positions)))::text AS sequence
           FROM audit_events e
          WHERE e.territory_id = $1 ORDER BY e.position`,
        [territoryId],
      )) as { action: string; sequence: string | null }[]
    ).map((event) => [event.action, event.sequence]);
  /** Runs SQL as only a superuser can, past the append-only triggers: what verification must catch. */
  const tamper = (sql: string, parameters: unknown[]) =>
    api.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(sql, parameters);
    });
  const verify = (territoryId: string) =>
    api.app.get(AuditChainVerifier).verify(api.dataSource.manager, territoryId);

  /**
   * Reads as a list records them: one event per person shown, in the reader's transaction. With
   * `hold`, the transaction tells when its reads are written (their positions drawn) and commits
   * once `hold.until` is settled.
   */
  async function stageReads(
    territoryId: string,
    count: number,
    hold?: { written(): void; until: Promise<unknown> },
  ): Promise<void> {
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
      hold?.written();
      await hold?.until;
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

  it('links waiting reads in the order they were written, in one link after the writes already chained, and the chain verifies', async () => {
    const other = await api.factory.territory();
    await writeEvent(other.id);
    await stageReads(other.id, 2);
    await writeEvent(other.id);
    await stageReads(other.id, 3);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 2, unchainedEvents: 5 });

    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 5 });
    expect(await chainPlaces(other.id)).toEqual([
      ['ORGANISATION_CREATED', '1'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '3'],
      ['ORGANISATION_CREATED', '2'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '3'],
    ]);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 7, unchainedEvents: 0 });
    // Nothing left: a second round links nothing.
    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 0 });
  });

  it('never changes a read to link it: the events stay as written, their link is one row of its own', async () => {
    const other = await api.factory.territory();
    await stageReads(other.id, 3);
    const written = await unchainedReads(other.id);
    await api.app.get(AuditEventChainer).chainTerritory(other.id);
    expect(await unchainedReads(other.id)).toEqual(written);
    const [{ versions }] = (await api.dataSource.query(
      `SELECT count(DISTINCT xmin::text)::int AS versions FROM audit_events WHERE territory_id = $1`,
      [other.id],
    )) as { versions: number }[];
    expect(versions).toBe(1);
    expect(await chainPlaces(other.id)).toEqual([
      ['PERSON_DATA_READ', '1'],
      ['PERSON_DATA_READ', '1'],
      ['PERSON_DATA_READ', '1'],
    ]);
    const [{ links }] = (await api.dataSource.query(
      `SELECT count(*)::int AS links FROM audit_read_links WHERE territory_id = $1`,
      [other.id],
    )) as { links: number }[];
    expect(links).toBe(1);
  });

  it('links in the next round a read committed after later ones were linked', async () => {
    const other = await api.factory.territory();
    const chainer = api.app.get(AuditEventChainer);
    await stageReads(other.id, 1);
    await chainer.chainAll();
    await chainer.chainAll();
    let commit!: () => void;
    let written!: () => void;
    const drawn = new Promise<void>((resolve) => (written = resolve));
    const late = stageReads(other.id, 2, {
      written,
      until: new Promise<void>((resolve) => (commit = resolve)),
    });
    // The late reads hold their positions before the next one's, which commits first. (The
    // sequence is shared with the other test files running at the same time: it says nothing.)
    await drawn;
    await stageReads(other.id, 1);
    await chainer.chainAll();
    expect((await chainPlaces(other.id)).map(([, sequence]) => sequence)).toEqual(['1', '2']);
    commit();
    await late;
    await chainer.chainAll();
    expect(await chainPlaces(other.id)).toEqual([
      ['PERSON_DATA_READ', '1'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '3'],
      ['PERSON_DATA_READ', '2'],
    ]);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 4, unchainedEvents: 0 });
  });

  it('reports a waiting read changed since it was written, and once linked, at its place in the chain', async () => {
    const other = await api.factory.territory();
    await writeEvent(other.id);
    await stageReads(other.id, 2);
    const [victim] = await unchainedReads(other.id);
    await tamper(`UPDATE audit_events SET data_categories = '{IDENTITY}' WHERE id = $1`, [victim.id]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: null, eventId: victim.id, problem: 'SEAL_MISMATCH' },
    });
    // Its link vouches for its seal, not for what it says now: the change still shows.
    expect(await api.app.get(AuditEventChainer).chainTerritory(other.id)).toEqual({ chained: 2 });
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '2', eventId: victim.id, problem: 'SEAL_MISMATCH' },
    });
  });

  it('reports a chained read changed, resealed, removed or its link removed', async () => {
    const other = await api.factory.territory();
    // Three links of one read each.
    for (let link = 0; link < 3; link += 1) {
      await stageReads(other.id, 1);
      await api.app.get(AuditEventChainer).chainTerritory(other.id);
    }
    const [first, second] = await unchainedReads(other.id);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 3 });

    await tamper(`UPDATE audit_events SET data_categories = '{IDENTITY}' WHERE id = $1`, [first.id]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '1', eventId: first.id, problem: 'SEAL_MISMATCH' },
    });
    await tamper(`UPDATE audit_events SET data_categories = $2, hash = $3 WHERE id = $1`, [
      first.id,
      first.dataCategories,
      'e'.repeat(64),
    ]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '1', eventId: first.id, problem: 'HASH_MISMATCH' },
    });
    await tamper(`UPDATE audit_events SET hash = $2 WHERE id = $1`, [first.id, first.hash]);
    expect(await verify(other.id)).toMatchObject({ valid: true, checkedEvents: 3 });

    await tamper(`DELETE FROM audit_events WHERE id = $1`, [second.id]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '2', eventId: null, problem: 'MISSING_EVENT' },
    });
    // Its link gone too, the chain has a hole; the last link gone, it ends before its head.
    await tamper(`DELETE FROM audit_read_links WHERE territory_id = $1 AND sequence = 2`, [other.id]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '2', eventId: null, problem: 'MISSING_EVENT' },
    });
    await tamper(`DELETE FROM audit_read_links WHERE territory_id = $1 AND sequence = 3`, [other.id]);
    expect(await verify(other.id)).toMatchObject({
      valid: false,
      firstBroken: { sequence: '2', eventId: null, problem: 'TRUNCATED' },
    });
  });

  it('lets the application add links, and change nothing written', async () => {
    const other = await api.factory.territory();
    await stageReads(other.id, 1);
    const [read] = await unchainedReads(other.id);
    const asApplication = (sql: string, parameters: unknown[]) =>
      api.app
        .get(ScopedDatabase)
        .run({ territoryIds: [other.id] }, (manager) => manager.query(sql, parameters))
        .then(
          () => null,
          (error: Error) => error.message,
        );
    expect(
      await asApplication(`UPDATE audit_events SET data_categories = '{}' WHERE id = $1`, [read.id]),
    ).toMatch(/permission denied for table audit_events/);
    await api.app.get(AuditEventChainer).chainTerritory(other.id);
    expect(
      await asApplication(`UPDATE audit_read_links SET hash = $2 WHERE territory_id = $1`, [
        other.id,
        'f'.repeat(64),
      ]),
    ).toMatch(/permission denied for table audit_read_links/);
    expect(await asApplication(`DELETE FROM audit_read_links WHERE territory_id = $1`, [other.id])).toMatch(
      /permission denied for table audit_read_links/,
    );
    // Even its owner may not rewrite a link: the table's trigger refuses.
    expect(
      await api.dataSource.query(`DELETE FROM audit_read_links WHERE territory_id = $1`, [other.id]).then(
        () => null,
        (error: Error) => error.message,
      ),
    ).toMatch(/audit_read_links est en ajout seul/);
  });
});
