import { Injectable } from '@nestjs/common';
import { AUDITED_READ_CATEGORIES, DataCategory, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { EntityManager } from 'typeorm';
import { GENESIS_HASH, linkHash } from './audit-chain';
import { AuditEvent } from './entities';

export interface AuditRecord {
  territoryId: string;
  /** Absent for what the platform does by itself. */
  actor?: Pick<Principal, 'userId' | 'requestId'>;
  action: string;
  subject: { type: string; id?: string | null };
  personId?: string | null;
  dataCategories?: readonly DataCategory[];
  /** Ids and names of things (roles, fields, versions), never values typed about a person. */
  details?: Record<string, unknown>;
}

export interface AuditedRead {
  territoryId: string;
  personId: string;
  subject: { type: string; id: string };
  categories: readonly DataCategory[];
}

/**
 * Writes audit events inside the caller's transaction, so an event exists exactly when the
 * change it records does. Events of one territory form a hash chain; the head row's lock
 * orders concurrent writers.
 */
@Injectable()
export class AuditService {
  private readonly readsThisRequest = new WeakMap<Principal, Set<string>>();

  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const [head] = (await manager.query(
      `INSERT INTO audit_chain_heads (territory_id, sequence, hash) VALUES ($1, 0, $2)
       ON CONFLICT (territory_id) DO UPDATE SET territory_id = EXCLUDED.territory_id
       RETURNING sequence, hash`,
      [record.territoryId, GENESIS_HASH],
    )) as { sequence: string; hash: string }[];
    const sequence = (BigInt(head.sequence) + 1n).toString();
    const fields = {
      territoryId: record.territoryId,
      sequence,
      occurredAt: this.clock.now(),
      actorUserId: record.actor?.userId ?? null,
      requestId: record.actor?.requestId || null,
      action: record.action,
      subjectType: record.subject.type,
      subjectId: record.subject.id ?? null,
      personId: record.personId ?? null,
      dataCategories: [...(record.dataCategories ?? [])],
      details: record.details ?? {},
    };
    const hash = linkHash(head.hash, fields);
    await manager.save(manager.create(AuditEvent, { ...fields, previousHash: head.hash, hash }));
    await manager.query(`UPDATE audit_chain_heads SET sequence = $2, hash = $3 WHERE territory_id = $1`, [
      record.territoryId,
      sequence,
      hash,
    ]);
  }

  /**
   * Records that the principal read confidential categories about a person: once per request
   * and person, whatever the number of fields or objects read.
   */
  async recordRead(manager: EntityManager, principal: Principal, read: AuditedRead): Promise<void> {
    const categories = read.categories.filter((category) => AUDITED_READ_CATEGORIES.has(category));
    if (!categories.length) return;
    let seen = this.readsThisRequest.get(principal);
    if (!seen) this.readsThisRequest.set(principal, (seen = new Set()));
    const key = `${read.territoryId}:${read.personId}`;
    if (seen.has(key)) return;
    seen.add(key);
    await this.record(manager, {
      territoryId: read.territoryId,
      actor: principal,
      action: 'PERSON_DATA_READ',
      subject: read.subject,
      personId: read.personId,
      dataCategories: [...new Set(categories)].sort(),
    });
  }
}
