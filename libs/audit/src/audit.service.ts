import { Injectable, Optional } from '@nestjs/common';
import { AUDITED_READ_CATEGORIES, DataCategory, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ChainedFields, keyedLinkHash, readSeals, ReadSealFields } from './audit-chain';
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

/**
 * Chained events' rows, one array per column (each id drawn by the insert): Postgres reads typed
 * arrays about eight times faster than the same rows as JSON. Categories travel comma-joined (an
 * array per row would not make a rectangular array), details as JSON texts.
 */
const INSERT_EVENTS = `/* prepared:audit-events-insert */
INSERT INTO audit_events (territory_id, sequence, occurred_at, actor_user_id, request_id, action,
       subject_type, subject_id, person_id, data_categories, details, key_id, previous_hash, hash)
SELECT e.territory_id, e.sequence, e.occurred_at, e.actor_user_id, e.request_id, e.action,
       e.subject_type, e.subject_id, e.person_id, string_to_array(e.data_categories, ','),
       e.details::jsonb, e.key_id, e.previous_hash, e.hash
  FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[],
              $7::text[], $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::text[], $13::text[],
              $14::text[])
    AS e(territory_id, sequence, occurred_at, actor_user_id, request_id, action, subject_type,
         subject_id, person_id, data_categories, details, key_id, previous_hash, hash)`;

const READ_ACTION = 'PERSON_DATA_READ';

/**
 * A request's reads, sealed and unchained. What they share travels once; what differs, one text
 * per column that Postgres splits (ids, type names and category names hold no comma or space):
 * the driver's quoting of each value of fifteen arrays was a seventh of what a list's audit cost
 * the api.
 */
const INSERT_READS = `/* prepared:audit-reads-insert */
INSERT INTO audit_events (id, territory_id, occurred_at, actor_user_id, request_id, action, subject_type,
       subject_id, person_id, data_categories, key_id, hash)
SELECT r.id, r.territory_id, $1::timestamptz, $2::uuid, $3::text, $4::text, r.subject_type,
       r.subject_id, r.person_id, string_to_array(r.data_categories, ','), $5::text, r.seal
  FROM unnest(string_to_array($6, ',')::uuid[], string_to_array($7, ',')::uuid[],
              string_to_array($8, ','), string_to_array($9, ',')::uuid[],
              string_to_array($10, ',')::uuid[], string_to_array($11, ' '), string_to_array($12, ','))
    AS r(id, territory_id, subject_type, subject_id, person_id, data_categories, seal)`;

/** What an event says, before it has a place in the chain. */
type EventFields = ChainedFields & { sequence: null; dataCategories: string[] };

/** A chained event as inserted: a plain object rather than a TypeORM entity; its id is drawn by the insert. */
type EventRow = Omit<ChainedFields, 'dataCategories'> &
  Pick<AuditEvent, 'keyId' | 'previousHash' | 'hash'> & { dataCategories: string[] };

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
  /** Per request, each person's categories already recorded (the key is territory and person). */
  private readonly readsThisRequest = new WeakMap<Principal, Map<string, Set<DataCategory>>>();

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
      const event: EventRow = { ...fields, keyId: key.id, previousHash, hash };
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
    if (!seen) this.readsThisRequest.set(principal, (seen = new Map()));
    const pending = new Map<string, { read: AuditedRead; categories: DataCategory[] }>();
    for (const read of reads) {
      const person = `${read.territoryId}:${read.personId}`;
      let recorded = seen.get(person);
      for (const category of read.categories) {
        if (!AUDITED_READ_CATEGORIES.has(category) || recorded?.has(category)) continue;
        if (!recorded) seen.set(person, (recorded = new Set()));
        recorded.add(category);
        const entry = pending.get(person);
        if (entry) entry.categories.push(category);
        else pending.set(person, { read, categories: [category] });
      }
    }
    if (!pending.size) return;
    const common = {
      occurredAt: this.clock.now(),
      actorUserId: principal.userId,
      requestId: principal.requestId || null,
      action: READ_ACTION,
    };
    const events: ReadSealFields[] = [];
    for (const { read, categories } of pending.values()) {
      events.push({
        id: randomUUID(),
        territoryId: read.territoryId,
        subjectType: read.subject.type,
        subjectId: read.subject.id,
        personId: read.personId,
        dataCategories: categories.sort(),
      });
    }
    const key = this.keyring.current;
    const seals = readSeals(key, common, events);
    const column = (value: (event: ReadSealFields) => string) => events.map(value).join(',');
    await this.onPrimary(
      manager,
      events.map((event) => event.territoryId),
      (writer) =>
        writer.query(INSERT_READS, [
          common.occurredAt,
          common.actorUserId,
          common.requestId,
          common.action,
          key.id,
          column((event) => event.id),
          column((event) => event.territoryId),
          column((event) => event.subjectType),
          column((event) => event.subjectId),
          column((event) => event.personId),
          events.map((event) => event.dataCategories.join(',')).join(' '),
          seals.join(','),
        ]),
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
   * it is prepared once per connection (TypeORM's insert builder made a text of fifteen parameters
   * per row, new for every number of rows).
   */
  private async insert(manager: EntityManager, events: readonly EventRow[]): Promise<void> {
    const column = <T>(value: (event: EventRow) => T) => events.map(value);
    await manager.query(INSERT_EVENTS, [
      column((event) => event.territoryId),
      column((event) => event.sequence),
      column((event) => event.occurredAt),
      column((event) => event.actorUserId),
      column((event) => event.requestId),
      column((event) => event.action),
      column((event) => event.subjectType),
      column((event) => event.subjectId),
      column((event) => event.personId),
      column((event) => event.dataCategories.join(',')),
      column((event) => JSON.stringify(event.details)),
      column((event) => event.keyId),
      column((event) => event.previousHash),
      column((event) => event.hash),
    ]);
  }
}
