import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChainKey } from '../audit-chain';
import { AuditChainPurge } from '../entities';
import { AuditChainKeyring } from './audit-chain-keyring';
import { AuditEventChainer } from './audit-event.chainer';

/** Distinct from links and checkpoints, so no signature can pass for another kind. */
const PURPOSE = 'relais-audit-purge-v1';

export interface AuditPurgeFields {
  readonly territoryId: string;
  readonly throughSequence: string;
  readonly throughHash: string;
  readonly keptEvents: number;
  readonly purgedAt: Date;
  readonly keyId: string;
}

function purgeSignature(key: ChainKey, fields: AuditPurgeFields): string {
  const body = JSON.stringify([
    PURPOSE,
    fields.territoryId,
    fields.throughSequence,
    fields.throughHash,
    fields.keptEvents,
    fields.purgedAt.toISOString(),
    fields.keyId,
  ]);
  return createHmac('sha256', key.key).update(body).digest('hex');
}

/** Whether a stored purge was signed with one of the chain's keys (a forged one excuses nothing). */
export function isPurgeSigned(keyring: AuditChainKeyring, purge: AuditChainPurge): boolean {
  const key = keyring.find(purge.keyId);
  if (!key) return false;
  const expected = Buffer.from(
    purgeSignature(key, { ...purge, keptEvents: Number(purge.keptEvents) }),
    'hex',
  );
  const given = Buffer.from(purge.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The latest signed purge of a territory: verification starts from the first event it kept. */
export async function latestSignedPurge(
  manager: EntityManager,
  keyring: AuditChainKeyring,
  territoryId: string,
): Promise<AuditChainPurge | undefined> {
  const purges = await manager
    .getRepository(AuditChainPurge)
    .createQueryBuilder('purge')
    .where('purge.territoryId = :territoryId', { territoryId })
    .orderBy('purge.throughSequence', 'DESC')
    .addOrderBy('purge.purgedAt', 'DESC')
    .getMany();
  return purges.find((purge) => isPurgeSigned(keyring, purge));
}

/** What a purge keeps: events about these people or these subjects (a situation under a legal hold). */
export interface AuditPurgeRequest {
  readonly territoryId: string;
  /** Events that occurred before this instant may go. */
  readonly before: Date;
  readonly keptPersonIds: readonly string[];
  readonly keptSubjectIds: readonly string[];
}

export interface AuditPurgePlan {
  /** The last event purged up to (kept ones excepted); null when nothing is old enough. */
  readonly throughSequence: string | null;
  /** Events that would be deleted (or were). */
  readonly purgeable: number;
  /** Events up to that sequence kept under a legal hold. */
  readonly kept: number;
}

/**
 * Deletes a territory's events older than the retention period, except those under a legal hold,
 * through the one database function allowed to (the application role may not delete events).
 * The purge is anchored by a signed row, so the chain still verifies from the first event kept.
 */
@Injectable()
export class AuditPurgeService {
  constructor(
    private readonly keyring: AuditChainKeyring,
    private readonly clock: Clock,
    private readonly chainer: AuditEventChainer,
  ) {}

  async plan(
    manager: EntityManager,
    request: AuditPurgeRequest,
  ): Promise<AuditPurgePlan & { throughHash?: string }> {
    const [row] = (await manager.query(
      `SELECT sequence::text AS sequence, hash FROM (
         SELECT e.sequence, e.hash FROM audit_events e
          WHERE e.territory_id = $1 AND e.occurred_at < $2 AND e.sequence IS NOT NULL
         UNION ALL
         SELECT l.sequence, l.hash FROM audit_read_links l
           JOIN audit_events e ON e.territory_id = l.territory_id AND e.position = l.last_position
          WHERE l.territory_id = $1 AND e.occurred_at < $2) chain
        ORDER BY chain.sequence DESC LIMIT 1`,
      [request.territoryId, request.before],
    )) as { sequence: string; hash: string }[];
    // A hold lifted since the last purge frees events behind its anchor: purge again up to there.
    const previous = await latestSignedPurge(manager, this.keyring, request.territoryId);
    const through =
      previous && (!row || BigInt(previous.throughSequence) > BigInt(row.sequence))
        ? { sequence: previous.throughSequence, hash: previous.throughHash }
        : row;
    if (!through) return { throughSequence: null, purgeable: 0, kept: 0 };
    const [counts] = (await manager.query(
      `SELECT count(*) FILTER (WHERE NOT kept)::int AS purgeable, count(*) FILTER (WHERE kept)::int AS kept
         FROM (SELECT (person_id = ANY ($3::uuid[]) OR subject_id = ANY ($4::uuid[])) IS TRUE AS kept
                 FROM audit_events WHERE territory_id = $1 AND sequence <= $2
               UNION ALL
               SELECT (e.person_id = ANY ($3::uuid[]) OR e.subject_id = ANY ($4::uuid[])) IS TRUE
                 FROM audit_read_links l
                 JOIN audit_events e ON e.territory_id = l.territory_id AND e.position = ANY (l.positions)
                  AND e.sequence IS NULL
                WHERE l.territory_id = $1 AND l.sequence <= $2) events`,
      [request.territoryId, through.sequence, request.keptPersonIds, request.keptSubjectIds],
    )) as { purgeable: number; kept: number }[];
    return { throughSequence: through.sequence, throughHash: through.hash, ...counts };
  }

  /** Idempotent: once purged, the same request finds nothing more to delete and writes nothing. */
  async purge(manager: EntityManager, request: AuditPurgeRequest): Promise<AuditPurgePlan> {
    // Only chained events can be purged behind an anchor: the reads still waiting are linked first.
    await this.chainer.chainWithin(manager, request.territoryId);
    const plan = await this.plan(manager, request);
    if (!plan.throughSequence || !plan.throughHash || !plan.purgeable) return plan;
    const key = this.keyring.current;
    const fields: AuditPurgeFields = {
      territoryId: request.territoryId,
      throughSequence: plan.throughSequence,
      throughHash: plan.throughHash,
      keptEvents: plan.kept,
      purgedAt: this.clock.now(),
      keyId: key.id,
    };
    const [result] = (await manager.query(
      `SELECT purge_audit_events($1, $2, $3::uuid[], $4::uuid[], $5, $6, $7, $8, $9) AS purged`,
      [
        fields.territoryId,
        fields.throughSequence,
        request.keptPersonIds,
        request.keptSubjectIds,
        fields.throughHash,
        fields.keptEvents,
        fields.purgedAt,
        fields.keyId,
        purgeSignature(key, fields),
      ],
    )) as { purged: number }[];
    return { throughSequence: plan.throughSequence, purgeable: result.purged, kept: plan.kept };
  }
}
