import { Injectable } from '@nestjs/common';
import { AUDITED_READ_CATEGORIES, DataCategory, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { GENESIS_HASH, keyedLinkHash } from './audit-chain';
import { AuditChainKeyring } from './chain/audit-chain-keyring';
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
 * change it records does. Events of one territory form a chain of HMACs under the current key
 * (which the database does not hold); the head row's lock orders concurrent writers.
 */
@Injectable()
export class AuditService {
  private readonly readsThisRequest = new WeakMap<Principal, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly keyring: AuditChainKeyring,
  ) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.recordAll(manager, record.territoryId, [record]);
  }

  /**
   * Several events of one territory in three statements whatever their number: the chain is
   * extended in memory under the head's lock, then written at once.
   */
  private async recordAll(
    manager: EntityManager,
    territoryId: string,
    records: readonly AuditRecord[],
  ): Promise<void> {
    if (!records.length) return;
    const [head] = (await manager.query(
      `INSERT INTO audit_chain_heads (territory_id, sequence, hash) VALUES ($1, 0, $2)
       ON CONFLICT (territory_id) DO UPDATE SET territory_id = EXCLUDED.territory_id
       RETURNING sequence, hash`,
      [territoryId, GENESIS_HASH],
    )) as { sequence: string; hash: string }[];
    let sequence = BigInt(head.sequence);
    let previousHash = head.hash;
    const occurredAt = this.clock.now();
    const key = this.keyring.current;
    const events = records.map((record) => {
      sequence += 1n;
      const fields = {
        territoryId,
        sequence: sequence.toString(),
        occurredAt,
        actorUserId: record.actor?.userId ?? null,
        requestId: record.actor?.requestId || null,
        action: record.action,
        subjectType: record.subject.type,
        subjectId: record.subject.id ?? null,
        personId: record.personId ?? null,
        dataCategories: [...(record.dataCategories ?? [])],
        details: record.details ?? {},
      };
      const hash = keyedLinkHash(key, previousHash, fields);
      const event = manager.create(AuditEvent, { ...fields, keyId: key.id, previousHash, hash });
      previousHash = hash;
      return event;
    });
    // One multi-row INSERT; the cast only drops the jsonb column's too narrow partial type.
    await manager.insert(AuditEvent, events as QueryDeepPartialEntity<AuditEvent>[]);
    await manager.query(`UPDATE audit_chain_heads SET sequence = $2, hash = $3 WHERE territory_id = $1`, [
      territoryId,
      sequence.toString(),
      previousHash,
    ]);
  }

  /**
   * Records that the principal was shown confidential categories about people: one event per
   * person and request naming the categories shown, and another if a later read in the same
   * request shows a category not yet recorded. A list costs three statements per territory.
   */
  async recordReads(
    manager: EntityManager,
    principal: Principal,
    reads: readonly AuditedRead[],
  ): Promise<void> {
    let seen = this.readsThisRequest.get(principal);
    if (!seen) this.readsThisRequest.set(principal, (seen = new Set()));
    const pending = new Map<string, { read: AuditedRead; categories: Set<DataCategory> }>();
    for (const read of reads) {
      const key = `${read.territoryId}:${read.personId}`;
      for (const category of read.categories) {
        if (!AUDITED_READ_CATEGORIES.has(category) || seen.has(`${key}:${category}`)) continue;
        seen.add(`${key}:${category}`);
        const entry = pending.get(key) ?? { read, categories: new Set<DataCategory>() };
        entry.categories.add(category);
        pending.set(key, entry);
      }
    }
    const byTerritory = new Map<string, AuditRecord[]>();
    for (const { read, categories } of pending.values()) {
      const records = byTerritory.get(read.territoryId) ?? [];
      records.push({
        territoryId: read.territoryId,
        actor: principal,
        action: 'PERSON_DATA_READ',
        subject: read.subject,
        personId: read.personId,
        dataCategories: [...categories].sort(),
      });
      byTerritory.set(read.territoryId, records);
    }
    for (const [territoryId, records] of byTerritory) await this.recordAll(manager, territoryId, records);
  }
}
