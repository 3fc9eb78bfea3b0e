import { Role } from '@relais/access';
import {
  AuditChainKeyring,
  AuditEvent,
  AuditService,
  ChainedFields,
  ChainKey,
  FileAuditCheckpointStore,
  GENESIS_HASH,
  keyedLinkHash,
  legacyLinkHash,
  signCheckpoint,
  verifyAuditChain,
} from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { IsNull, Not } from 'typeorm';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RunningApi, startApi } from './support/api-harness';

const VERIFY = /* GraphQL */ `
  query ($t: ID!) {
    auditChainVerification(territoryId: $t) {
      valid
      checkedEvents
      firstBrokenSequence
      firstBrokenEventId
      problem
      legacyEvents
      keyIds
      checkpointSequence
      checkpointTakenAt
      checkpointsCompared
      invalidCheckpoints
    }
  }
`;
const SEAL = /* GraphQL */ `
  mutation ($t: ID!) {
    sealAuditChain(territoryId: $t) {
      status
      sequence
      takenAt
      keyId
      problem
    }
  }
`;

interface ChainReport {
  valid: boolean;
  checkedEvents: number;
  firstBrokenSequence: string | null;
  firstBrokenEventId: string | null;
  problem: string | null;
  legacyEvents: number;
  keyIds: string[];
  checkpointSequence: string | null;
  checkpointTakenAt: string | null;
  checkpointsCompared: number;
  invalidCheckpoints: number;
}
interface SealResult {
  status: string;
  sequence: string | null;
  takenAt: string | null;
  keyId: string | null;
  problem: string | null;
}

const newKey = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;

/**
 * The database's owner is the attacker here: `api.dataSource` is the owner's connection, which
 * (as a superuser) silences the append-only trigger for its own transaction. What it cannot reach
 * is the api's key and the checkpoint directory.
 */
describe('an audit chain its database owner cannot rewrite', () => {
  const checkpoints = mkdtempSync(join(tmpdir(), 'relais-audit-checkpoints-'));
  const keyA = newKey('cle-a');
  let api: RunningApi;

  beforeAll(async () => {
    // A checkpoint directory of this suite's own: workers of other suites seal into the run's.
    api = await startApi({ AUDIT_CHAIN_KEYS: keyA, AUDIT_CHECKPOINT_URL: pathToFileURL(checkpoints).href });
  });
  afterAll(async () => {
    await api.close();
    rmSync(checkpoints, { recursive: true, force: true });
  });

  async function territoryWithAuditor(): Promise<{ territory: Territory; auditor: GraphqlClient }> {
    const territory = await api.factory.territory();
    const user = await api.factory.user({ territory, roles: [Role.AUDITOR] });
    const { client } = await logInClient(api.anonymous, user.email, user.password);
    return { territory, auditor: client };
  }

  /** Events written by the running api, through its one write path. */
  async function writeEvents(on: RunningApi, territoryId: string, count: number): Promise<void> {
    const audit = on.app.get(AuditService);
    for (let index = 0; index < count; index += 1) {
      await on.app.get(ScopedDatabase).run({ territoryIds: [territoryId] }, (manager) =>
        audit.record(manager, {
          territoryId,
          action: 'ORGANISATION_CREATED',
          subject: { type: 'Organisation', id: '5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10' },
          details: { kind: 'ASSOCIATION', rank: index },
        }),
      );
    }
  }

  /** The chain's events, each with its place in it. */
  const eventsOf = async (territoryId: string) =>
    (
      await api.dataSource
        .getRepository(AuditEvent)
        .find({ where: { territoryId, sequence: Not(IsNull()) }, order: { sequence: 'ASC' } })
    ).map((event) => ({ ...event, sequence: String(event.sequence) }));

  /**
   * The owner changes one event's details and recomputes every link from it on with `link`, then
   * moves the head to the new end: a chain that holds together, link by link.
   */
  async function rewriteAsOwner(
    territoryId: string,
    from: string,
    link: (previousHash: string, event: ChainedFields) => { hash: string; keyId: string | null },
  ): Promise<void> {
    await api.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      const events = await manager
        .getRepository(AuditEvent)
        .find({ where: { territoryId }, order: { sequence: 'ASC' } });
      let previousHash = GENESIS_HASH;
      for (const event of events) {
        if (BigInt(event.sequence ?? 0) < BigInt(from)) {
          previousHash = event.hash;
          continue;
        }
        const details = event.sequence === from ? { kind: 'OTHER', rewritten: true } : event.details;
        const { hash, keyId } = link(previousHash, { ...event, details });
        await manager.query(
          `UPDATE audit_events SET details = $2, previous_hash = $3, hash = $4, key_id = $5 WHERE id = $1`,
          [event.id, details, previousHash, hash, keyId],
        );
        previousHash = hash;
      }
      await manager.query(`UPDATE audit_chain_heads SET hash = $2 WHERE territory_id = $1`, [
        territoryId,
        previousHash,
      ]);
    });
  }

  const plainSha256 = (previousHash: string, event: ChainedFields) => ({
    hash: legacyLinkHash(previousHash, event),
    keyId: 'cle-a',
  });
  const underKey = (key: ChainKey) => (previousHash: string, event: ChainedFields) => ({
    hash: keyedLinkHash(key, previousHash, event),
    keyId: key.id,
  });
  const theApiKey = () => new AuditChainKeyring(api.config.audit.chainKeys).current;

  async function verify(auditor: GraphqlClient, territoryId: string): Promise<ChainReport> {
    return (await auditor.expectData<{ auditChainVerification: ChainReport }>(VERIFY, { t: territoryId }))
      .auditChainVerification;
  }
  async function seal(auditor: GraphqlClient, territoryId: string): Promise<SealResult> {
    return (await auditor.expectData<{ sealAuditChain: SealResult }>(SEAL, { t: territoryId }))
      .sealAuditChain;
  }

  it('writes keyed links, seals them outside the database on demand, and verifies against the seal', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 3);
    expect((await eventsOf(territory.id)).map((event) => event.keyId)).toEqual(['cle-a', 'cle-a', 'cle-a']);

    const sealed = await seal(auditor, territory.id);
    expect(sealed).toMatchObject({ status: 'WRITTEN', sequence: '3', keyId: 'cle-a', problem: null });
    expect(await seal(auditor, territory.id)).toMatchObject({ status: 'UNCHANGED', sequence: '3' });
    await writeEvents(api, territory.id, 2);
    expect(await seal(auditor, territory.id)).toMatchObject({ status: 'WRITTEN', sequence: '5' });

    const stored = await new FileAuditCheckpointStore(checkpoints).list(territory.id);
    expect(stored.map(({ checkpoint }) => checkpoint?.sequence)).toEqual(['3', '5']);
    expect(await verify(auditor, territory.id)).toEqual({
      valid: true,
      checkedEvents: 5,
      firstBrokenSequence: null,
      firstBrokenEventId: null,
      problem: null,
      legacyEvents: 0,
      keyIds: ['cle-a'],
      checkpointSequence: '5',
      checkpointTakenAt: api.clock.now().toISOString(),
      checkpointsCompared: 2,
      invalidCheckpoints: 0,
    });
  });

  it('reports a history rewritten and re-hashed with plain SHA-256, head included', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 5);
    await seal(auditor, territory.id);
    const victim = (await eventsOf(territory.id))[1];

    await rewriteAsOwner(territory.id, victim.sequence, plainSha256);

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      checkedEvents: 1,
      firstBrokenSequence: victim.sequence,
      firstBrokenEventId: victim.id,
      problem: 'KEY_MISMATCH',
    });
    // The periodic seal refuses to vouch for it.
    expect(await seal(auditor, territory.id)).toMatchObject({
      status: 'REFUSED',
      problem: 'CHECKPOINT_MISMATCH',
    });
  });

  it('reports plain links passed off as written before the chain was keyed', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 4);
    const victim = (await eventsOf(territory.id))[2];

    await rewriteAsOwner(territory.id, victim.sequence, (previousHash, event) => ({
      hash: legacyLinkHash(previousHash, event),
      keyId: null,
    }));

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      firstBrokenSequence: victim.sequence,
      problem: 'KEY_MISMATCH',
    });
  });

  it('reports a history re-hashed with a key of the attacker’s, under the genuine key id', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 4);
    const victim = (await eventsOf(territory.id))[1];
    const forgedKey = new AuditChainKeyring([{ id: 'cle-a', secret: randomBytes(32) }]).current;

    await rewriteAsOwner(territory.id, victim.sequence, underKey(forgedKey));

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      firstBrokenSequence: victim.sequence,
      firstBrokenEventId: victim.id,
      problem: 'HASH_MISMATCH',
    });
  });

  it('catches, by the checkpoint, a history rewritten with the key itself before the checkpoint', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 4);
    await seal(auditor, territory.id);
    const events = await eventsOf(territory.id);

    // Even someone who stole the key cannot move what the checkpoint attests.
    await rewriteAsOwner(territory.id, events[1].sequence, underKey(theApiKey()));

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      checkedEvents: 3,
      firstBrokenSequence: '4',
      firstBrokenEventId: events[3].id,
      problem: 'CHECKPOINT_MISMATCH',
      checkpointSequence: '4',
      checkpointsCompared: 1,
    });
    expect(await seal(auditor, territory.id)).toMatchObject({
      status: 'REFUSED',
      problem: 'CHECKPOINT_MISMATCH',
    });
  });

  it('catches, by the checkpoint, a chain cut short with its head moved back', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 5);
    await seal(auditor, territory.id);
    const events = await eventsOf(territory.id);

    await api.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query(`DELETE FROM audit_events WHERE territory_id = $1 AND sequence > 3`, [
        territory.id,
      ]);
      await manager.query(`UPDATE audit_chain_heads SET sequence = 3, hash = $2 WHERE territory_id = $1`, [
        territory.id,
        events[2].hash,
      ]);
    });

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      checkedEvents: 3,
      firstBrokenSequence: '4',
      firstBrokenEventId: null,
      problem: 'CHECKPOINT_TRUNCATED',
      checkpointSequence: '5',
    });
  });

  it('reports a checkpoint whose signature fails, and does not compare the chain against it', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    await writeEvents(api, territory.id, 3);
    const [, second] = await eventsOf(territory.id);
    const forgedKey = new AuditChainKeyring([{ id: 'cle-a', secret: randomBytes(32) }]).current;
    await new FileAuditCheckpointStore(checkpoints).append(
      signCheckpoint(forgedKey, {
        territoryId: territory.id,
        sequence: second.sequence,
        headHash: 'f'.repeat(64),
        takenAt: api.clock.now().toISOString(),
      }),
    );

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: false,
      checkedEvents: 3,
      firstBrokenSequence: '2',
      firstBrokenEventId: null,
      problem: 'CHECKPOINT_INVALID',
      checkpointSequence: null,
      checkpointsCompared: 0,
      invalidCheckpoints: 1,
    });
  });

  describe('key rotation', () => {
    let rotated: RunningApi;
    const keyB = newKey('cle-b');

    beforeAll(async () => {
      // The new key first, the former one kept to verify what it signed.
      rotated = await startApi({
        AUDIT_CHAIN_KEYS: `${keyB},${keyA}`,
        AUDIT_CHECKPOINT_URL: pathToFileURL(checkpoints).href,
      });
    });
    afterAll(() => rotated.close());

    it('verifies links and checkpoints under the former key and the new one, each found by its id', async () => {
      const territory = await api.factory.territory();
      const user = await rotated.factory.user({ territory, roles: [Role.AUDITOR] });
      const { client: auditor } = await logInClient(rotated.anonymous, user.email, user.password);
      await writeEvents(api, territory.id, 2);
      expect(await seal(auditor, territory.id)).toMatchObject({ status: 'WRITTEN', keyId: 'cle-b' });
      await writeEvents(rotated, territory.id, 2);
      expect((await eventsOf(territory.id)).map((event) => event.keyId)).toEqual([
        'cle-a',
        'cle-a',
        'cle-b',
        'cle-b',
      ]);

      expect(await verify(auditor, territory.id)).toMatchObject({
        valid: true,
        checkedEvents: 4,
        keyIds: ['cle-a', 'cle-b'],
        checkpointSequence: '2',
        checkpointsCompared: 1,
      });

      // Once the former key is dropped from the configuration, what it signed is named, not trusted.
      const withoutA = new AuditChainKeyring(rotated.config.audit.chainKeys.slice(0, 1));
      const report = await verifyAuditChain(api.dataSource.manager, territory.id, { keyring: withoutA });
      expect(report).toMatchObject({
        valid: false,
        checkedEvents: 0,
        firstBroken: { sequence: '1', problem: 'UNKNOWN_KEY' },
      });
    });
  });

  it('verifies links written before the chain was keyed, and counts them apart', async () => {
    const { territory, auditor } = await territoryWithAuditor();
    // History as the former version wrote it: plain SHA-256 links, no key id.
    let previousHash = GENESIS_HASH;
    for (const sequence of ['1', '2', '3']) {
      const fields: ChainedFields = {
        territoryId: territory.id,
        sequence,
        occurredAt: api.clock.now(),
        actorUserId: null,
        requestId: null,
        action: 'ORGANISATION_CREATED',
        subjectType: 'Organisation',
        subjectId: null,
        personId: null,
        dataCategories: [],
        details: { kind: 'OTHER' },
      };
      const hash = legacyLinkHash(previousHash, fields);
      await api.dataSource.query(
        `INSERT INTO audit_events (territory_id, sequence, occurred_at, action, subject_type, details, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          territory.id,
          sequence,
          fields.occurredAt,
          fields.action,
          fields.subjectType,
          fields.details,
          previousHash,
          hash,
        ],
      );
      previousHash = hash;
    }
    await api.dataSource.query(
      `INSERT INTO audit_chain_heads (territory_id, sequence, hash) VALUES ($1, 3, $2)`,
      [territory.id, previousHash],
    );
    await writeEvents(api, territory.id, 2);

    expect(await verify(auditor, territory.id)).toMatchObject({
      valid: true,
      checkedEvents: 5,
      legacyEvents: 3,
      keyIds: ['cle-a'],
    });
    expect(await seal(auditor, territory.id)).toMatchObject({ status: 'WRITTEN', sequence: '5' });
  });
});
