import { Injectable, Optional } from '@nestjs/common';
import { AUDITED_READ_CATEGORIES, DataCategory, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChainedFields, keyedLinkHash, sealHash } from './audit-chain';
import { AuditChainKeyring } from './chain/audit-chain-keyring';
import { lockChainHead, moveChainHead } from './chain/chain-head';
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

/** The events' rows, as one JSON array of objects keyed by column; a chained event gets its id here. */
const INSERT_EVENTS = `/* prepared:audit-events-insert */
INSERT INTO audit_events (id, territory_id, sequence, occurred_at, actor_user_id, request_id, action,
       subject_type, subject_id, person_id, data_categories, details, key_id, previous_hash, hash)
SELECT COALESCE(id, gen_random_uuid()), territory_id, sequence, occurred_at, actor_user_id, request_id, action,
       subject_type, subject_id, person_id, data_categories, details, key_id, previous_hash, hash
  FROM jsonb_to_recordset($1::jsonb) AS e(id uuid, territory_id uuid, sequence bigint,
       occurred_at timestamptz, actor_user_id uuid, request_id text, action text, subject_type text,
       subject_id uuid, person_id uuid, data_categories text[], details jsonb, key_id text,
       previous_hash character(64), hash character(64))`;

/** What an event says, before it has a place in the chain. */
type EventFields = ChainedFields & { sequence: null; dataCategories: string[] };

export interface AuditedRead {
  territoryId: string;
  personId: string;
  subject: { type: string; id: string };
  categories: readonly DataCategory[];
}

/**
 * Writes audit events inside the caller's transaction, so an event exists exactly when the
 * change it records does. Events of one territory form a chain of HMACs under the current key
 * (which the database does not hold); the head row's lock orders concurrent writers. Reads do not
 * take that lock: each is inserted sealed and unchained, and linked soon after by the chaining
 * worker (`AuditEventChainer`), so readers of a territory never wait for one another.
 */
@Injectable()
export class AuditService {
  private readonly readsThisRequest = new WeakMap<Principal, Set<string>>();

  constructor(
    private readonly clock: Clock,
    private readonly keyring: AuditChainKeyring,
    @Optional() private readonly database?: ScopedDatabase,
  ) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    await this.onPrimary(manager, [record.territoryId], (writer) =>
      this.recordAll(writer, record.territoryId, [record]),
    );
  }

  /**
   * A read answered by the standby cannot write there: its events are written on the primary, in
   * a transaction of their own within the same request, before anything read is returned; if that
   * fails, the read fails with it.
   */
  private onPrimary(
    manager: EntityManager,
    territoryIds: readonly string[],
    write: (writer: EntityManager) => Promise<void>,
  ): Promise<void> {
    if (!this.database?.isStandby(manager)) return write(manager);
    return this.database.run({ territoryIds: [...new Set(territoryIds)] }, write);
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
    const head = await lockChainHead(manager, territoryId);
    let sequence = head.sequence;
    let previousHash = head.hash;
    const occurredAt = this.clock.now();
    const key = this.keyring.current;
    const events = records.map((record) => {
      sequence += 1n;
      const fields = { ...this.fieldsOf(record, occurredAt), sequence: sequence.toString() };
      const hash = keyedLinkHash(key, previousHash, fields);
      const event = manager.create(AuditEvent, { ...fields, keyId: key.id, previousHash, hash });
      previousHash = hash;
      return event;
    });
    await this.insert(manager, events);
    await moveChainHead(manager, territoryId, { sequence, hash: previousHash });
  }

  /**
   * Records that the principal was shown confidential categories about people: one event per
   * person and request naming the categories shown, and another if a later read in the same
   * request shows a category not yet recorded. One statement per list, and no lock: the events
   * are sealed here and chained later, in the order they were written.
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
    if (!pending.size) return;
    const occurredAt = this.clock.now();
    const key = this.keyring.current;
    const events = [...pending.values()].map(({ read, categories }) => {
      const fields = this.fieldsOf(
        {
          territoryId: read.territoryId,
          actor: principal,
          action: 'PERSON_DATA_READ',
          subject: read.subject,
          personId: read.personId,
          dataCategories: [...categories].sort(),
        },
        occurredAt,
      );
      const id = randomUUID();
      return manager.create(AuditEvent, {
        ...fields,
        id,
        keyId: key.id,
        previousHash: null,
        hash: sealHash(key, id, fields),
      });
    });
    await this.onPrimary(
      manager,
      events.map((event) => event.territoryId),
      (writer) => this.insert(writer, events),
    );
  }

  private fieldsOf(record: AuditRecord, occurredAt: Date): EventFields {
    return {
      territoryId: record.territoryId,
      sequence: null,
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
  }

  /**
   * One INSERT whatever the number of events, reading nothing back: its text never changes, so
   * it is prepared once per connection (a list's page writes fifty read events; TypeORM's insert
   * builder made a text of fifteen parameters per row, new for every number of rows).
   */
  private async insert(manager: EntityManager, events: readonly AuditEvent[]): Promise<void> {
    await manager.query(INSERT_EVENTS, [
      JSON.stringify(
        events.map((event) => ({
          id: event.id,
          territory_id: event.territoryId,
          sequence: event.sequence,
          occurred_at: event.occurredAt,
          actor_user_id: event.actorUserId,
          request_id: event.requestId,
          action: event.action,
          subject_type: event.subjectType,
          subject_id: event.subjectId,
          person_id: event.personId,
          data_categories: event.dataCategories,
          details: event.details,
          key_id: event.keyId,
          previous_hash: event.previousHash,
          hash: event.hash,
        })),
      ),
    ]);
  }
}
