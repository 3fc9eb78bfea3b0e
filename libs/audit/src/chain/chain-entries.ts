import { EntityManager } from 'typeorm';
import { ChainedFields } from '../audit-chain';

/**
 * One link of a territory's chain as verification reads it: an event chained as it was written
 * (its link in its own row), or a read and its link row (`audit_read_links`).
 */
export interface ChainEntry extends ChainedFields {
  sequence: string;
  /** Null when a read's link names an event that is no longer there. */
  id: string | null;
  keyId: string | null;
  previousHash: string;
  hash: string;
  /** For a read: its seal and the key the seal was made under; the link covers the seal. */
  read?: { seal: string; keyId: string | null };
}

const EVENT_COLUMNS = `e.id, e.occurred_at, e.actor_user_id, e.request_id, e.action, e.subject_type,
       e.subject_id, e.person_id, e.data_categories, e.details`;

/**
 * A stretch of the chain in sequence order, from both kinds of links: `$2 <= sequence <= $3`, read
 * from the two sequence indexes merged (bigints come back as strings).
 */
const CHAIN_PAGE = `/* prepared:audit-chain-page */
SELECT * FROM (
  SELECT e.sequence, e.territory_id, ${EVENT_COLUMNS}, e.key_id, e.previous_hash,
         e.hash, NULL::text AS seal_key_id, NULL::text AS seal, false AS is_read
    FROM audit_events e
   WHERE e.territory_id = $1 AND e.sequence >= $2 AND e.sequence <= $3
  UNION ALL
  SELECT l.sequence, l.territory_id, ${EVENT_COLUMNS}, l.key_id, l.previous_hash, l.hash,
         e.key_id, e.hash, true
    FROM audit_read_links l
    LEFT JOIN audit_events e
      ON e.territory_id = l.territory_id AND e.position = l.event_position AND e.sequence IS NULL
   WHERE l.territory_id = $1 AND l.sequence >= $2 AND l.sequence <= $3
) chain
ORDER BY chain.sequence
LIMIT $4`;

const LAST_SEQUENCE = '9223372036854775807';

interface ChainRow {
  sequence: string;
  territory_id: string;
  id: string | null;
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
  previous_hash: string;
  hash: string;
  seal_key_id: string | null;
  seal: string | null;
  is_read: boolean;
}

function entryOf(row: ChainRow): ChainEntry {
  return {
    territoryId: row.territory_id,
    sequence: row.sequence,
    id: row.id,
    occurredAt: row.occurred_at,
    actorUserId: row.actor_user_id,
    requestId: row.request_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    personId: row.person_id,
    dataCategories: row.data_categories ?? [],
    details: row.details ?? {},
    keyId: row.key_id,
    previousHash: row.previous_hash,
    hash: row.hash,
    ...(row.is_read && { read: { seal: row.seal ?? '', keyId: row.seal_key_id } }),
  };
}

/** Up to `limit` links from sequence `from` on, up to `to` when given, in order. */
export async function chainEntries(
  manager: EntityManager,
  territoryId: string,
  range: { from: string; to?: string; limit: number },
): Promise<ChainEntry[]> {
  const rows = (await manager.query(CHAIN_PAGE, [
    territoryId,
    range.from,
    range.to ?? LAST_SEQUENCE,
    range.limit,
  ])) as ChainRow[];
  return rows.map(entryOf);
}

/** The links up to a sequence whose events are there (what a purge signs it kept). */
export async function countChainEntriesThrough(
  manager: EntityManager,
  territoryId: string,
  through: string,
): Promise<number> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*) FROM audit_events WHERE territory_id = $1 AND sequence <= $2)
          + (SELECT count(*) FROM audit_read_links l
               JOIN audit_events e ON e.territory_id = l.territory_id AND e.position = l.event_position
              WHERE l.territory_id = $1 AND l.sequence <= $2) AS count`,
    [territoryId, through],
  )) as { count: string }[];
  return Number(row.count);
}
