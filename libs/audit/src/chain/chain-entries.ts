import { EntityManager } from 'typeorm';
import { ChainedFields } from '../audit-chain';

/** An event chained as it was written: its link is in its own row. */
export interface ChainedEvent extends ChainedFields {
  kind: 'event';
  sequence: string;
  id: string;
  keyId: string | null;
  previousHash: string;
  hash: string;
}

/** A link of reads (`audit_read_links`): the positions and seals of the reads it covers. */
export interface ChainedReads {
  kind: 'reads';
  territoryId: string;
  sequence: string;
  reads: { position: string; seal: string }[];
  keyId: string;
  previousHash: string;
  hash: string;
}

/** One link of a territory's chain as verification reads it. */
export type ChainEntry = ChainedEvent | ChainedReads;

/** A read as its link's verification needs it: what its seal covers, and the seal. */
export interface LinkedRead extends ChainedFields {
  id: string;
  position: string;
  keyId: string | null;
  seal: string;
}

const EVENT_FIELDS = `territory_id, occurred_at, actor_user_id, request_id, action, subject_type, subject_id,
       person_id, data_categories, details`;

const EVENTS_PAGE = `/* prepared:audit-chain-events-page */
SELECT id, sequence, ${EVENT_FIELDS}, key_id, previous_hash, hash
  FROM audit_events
 WHERE territory_id = $1 AND sequence >= $2 AND sequence <= $3
 ORDER BY sequence
 LIMIT $4`;

const READ_LINKS_PAGE = `/* prepared:audit-chain-read-links-page */
SELECT territory_id, sequence, positions::text[] AS positions, seals, key_id, previous_hash, hash
  FROM audit_read_links
 WHERE territory_id = $1 AND sequence >= $2 AND sequence <= $3
 ORDER BY sequence
 LIMIT $4`;

const LINKED_READS = `/* prepared:audit-chain-linked-reads */
SELECT id, position, ${EVENT_FIELDS}, key_id, hash
  FROM audit_events
 WHERE territory_id = $1 AND position = ANY ($2::bigint[]) AND sequence IS NULL`;

const LAST_SEQUENCE = '9223372036854775807';

/** A seal is an HMAC-SHA256: its links keep it as 32 bytes. */
const SEAL_BYTES = 32;

interface EventRow {
  id: string;
  territory_id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  request_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  person_id: string | null;
  data_categories: string[];
  details: Record<string, unknown>;
  key_id: string | null;
  hash: string;
}

function fieldsOf(row: EventRow): ChainedFields {
  return {
    territoryId: row.territory_id,
    sequence: null,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    requestId: row.request_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    personId: row.person_id,
    dataCategories: row.data_categories,
    details: row.details,
  };
}

/**
 * Up to `limit` links from sequence `from` on, up to `to` when given, in order: the events chained
 * in their own row and the links of reads, read from their two sequence indexes and merged.
 */
export async function chainEntries(
  manager: EntityManager,
  territoryId: string,
  range: { from: string; to?: string; limit: number },
): Promise<ChainEntry[]> {
  const parameters = [territoryId, range.from, range.to ?? LAST_SEQUENCE, range.limit];
  const events = (await manager.query(EVENTS_PAGE, parameters)) as (EventRow & {
    sequence: string;
    previous_hash: string;
  })[];
  const links = (await manager.query(READ_LINKS_PAGE, parameters)) as {
    territory_id: string;
    sequence: string;
    positions: string[];
    seals: Buffer;
    key_id: string;
    previous_hash: string;
    hash: string;
  }[];
  const entries: ChainEntry[] = [
    ...events.map((row): ChainedEvent => ({
      ...fieldsOf(row),
      kind: 'event',
      sequence: row.sequence,
      id: row.id,
      keyId: row.key_id,
      previousHash: row.previous_hash,
      hash: row.hash,
    })),
    ...links.map((row): ChainedReads => ({
      kind: 'reads',
      territoryId: row.territory_id,
      sequence: row.sequence,
      reads: row.positions.map((position, index) => ({
        position,
        seal: row.seals.subarray(index * SEAL_BYTES, (index + 1) * SEAL_BYTES).toString('hex'),
      })),
      keyId: row.key_id,
      previousHash: row.previous_hash,
      hash: row.hash,
    })),
  ];
  entries.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
  return entries.slice(0, range.limit);
}

/** The reads a link covers that are still there, by position. */
export async function linkedReads(
  manager: EntityManager,
  link: ChainedReads,
): Promise<Map<string, LinkedRead>> {
  const rows = (await manager.query(LINKED_READS, [
    link.territoryId,
    link.reads.map((read) => read.position),
  ])) as (EventRow & { position: string })[];
  return new Map(
    rows.map((row) => [
      row.position,
      { ...fieldsOf(row), id: row.id, position: row.position, keyId: row.key_id, seal: row.hash },
    ]),
  );
}

/** Every read position the territory's links cover. */
export async function linkedPositions(manager: EntityManager, territoryId: string): Promise<Set<string>> {
  const rows = (await manager.query(
    `SELECT read.position::text AS position
       FROM audit_read_links l, unnest(l.positions) AS read(position)
      WHERE l.territory_id = $1`,
    [territoryId],
  )) as { position: string }[];
  return new Set(rows.map((row) => row.position));
}

/** The events and reads linked up to a sequence that are still there (what a purge signs it kept). */
export async function countChainEntriesThrough(
  manager: EntityManager,
  territoryId: string,
  through: string,
): Promise<number> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*) FROM audit_events WHERE territory_id = $1 AND sequence <= $2)
          + (SELECT count(*) FROM audit_read_links l
               JOIN audit_events e ON e.territory_id = l.territory_id AND e.position = ANY (l.positions)
                AND e.sequence IS NULL
              WHERE l.territory_id = $1 AND l.sequence <= $2) AS count`,
    [territoryId, through],
  )) as { count: string }[];
  return Number(row.count);
}
