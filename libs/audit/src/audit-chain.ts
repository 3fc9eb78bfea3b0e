import { createHash, createHmac, KeyObject } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a link covers: everything an event says, in a fixed order. */
export interface ChainedFields {
  territoryId: string;
  /** Null in a seal: an event not yet chained has no place in the chain. */
  sequence: string | null;
  occurredAt: Date;
  actorUserId: string | null;
  requestId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  personId: string | null;
  dataCategories: readonly string[];
  details: Record<string, unknown>;
}

/** A secret of the chain and the id the events keep to name it. */
export interface ChainKey {
  readonly id: string;
  readonly key: KeyObject;
}

/** jsonb does not keep key order: keys are sorted so the hash does not depend on storage. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

function linkBody(event: ChainedFields): string {
  return JSON.stringify([
    event.territoryId,
    event.sequence,
    event.occurredAt.toISOString(),
    event.actorUserId,
    event.requestId,
    event.action,
    event.subjectType,
    event.subjectId,
    event.personId,
    [...event.dataCategories],
    canonical(event.details),
  ]);
}

/**
 * A link as written before the chain was keyed: anyone holding the rows can recompute it, so it
 * proves nothing against the database's owner by itself. Still verified, and counted apart.
 */
export function legacyLinkHash(previousHash: string, event: ChainedFields): string {
  return createHash('sha256').update(previousHash).update('\n').update(linkBody(event)).digest('hex');
}

/**
 * A keyed link: HMAC-SHA256 under a secret the database does not hold, so whoever rewrites rows
 * cannot recompute the chain after them. The key id is covered too: a link cannot be moved under
 * another key.
 */
export function keyedLinkHash(key: ChainKey, previousHash: string, event: ChainedFields): string {
  // One string, one update: the same bytes as one update per part, at less cost per event.
  return createHmac('sha256', key.key)
    .update(`${previousHash}\n${key.id}\n${linkBody(event)}`)
    .digest('hex');
}

/** Distinct from a link's input, so a seal can never pass for a link or the reverse. */
const SEAL_PURPOSE = 'relais-audit-seal-v1';

/**
 * An event's own seal while it waits to be chained: an HMAC of what it says (its id included, so
 * a copy is not another valid event), without a place in the chain. The chaining worker links
 * only events whose seal holds; verification checks the seals of those still waiting.
 */
export function sealHash(key: ChainKey, eventId: string, event: ChainedFields): string {
  return createHmac('sha256', key.key)
    .update(`${SEAL_PURPOSE}\n${key.id}\n${eventId}\n${linkBody({ ...event, sequence: null })}`)
    .digest('hex');
}

/** What the reads of one request share: they are written at once, by one reader. */
export interface ReadSealCommon {
  occurredAt: Date;
  actorUserId: string | null;
  requestId: string | null;
  action: string;
}

/** What each read says apart from the others (a read carries no details). */
export interface ReadSealFields {
  id: string;
  territoryId: string;
  subjectType: string;
  subjectId: string;
  personId: string;
  dataCategories: readonly string[];
}

/**
 * The seals of a request's reads, each exactly `sealHash` of the read (a unit test holds them
 * equal): what the reads share is serialised once, where building each read's whole body cost a
 * list of fifty reads more than its fifty HMACs.
 */
export function readSeals(key: ChainKey, common: ReadSealCommon, reads: readonly ReadSealFields[]): string[] {
  const shared = JSON.stringify([
    common.occurredAt.toISOString(),
    common.actorUserId,
    common.requestId,
    common.action,
  ]).slice(1, -1);
  const head = `${SEAL_PURPOSE}\n${key.id}\n`;
  return reads.map((read) => {
    const says = `${JSON.stringify(read.subjectType)},${JSON.stringify(read.subjectId)},${JSON.stringify(read.personId)},${JSON.stringify(read.dataCategories)}`;
    return createHmac('sha256', key.key)
      .update(`${head}${read.id}\n[${JSON.stringify(read.territoryId)},null,${shared},${says},{}]`)
      .digest('hex');
  });
}

/** Distinct from seals and links of events, so none can pass for another kind. */
const READ_LINK_PURPOSE = 'relais-audit-read-links-v1';

/** What a link of reads covers: its place in the territory's chain, and each read's position and seal. */
export interface ReadLinkFields {
  territoryId: string;
  sequence: string;
  /** In the order linked; each seal (`sealHash`) covers what its read says and its id. */
  reads: readonly { position: string; seal: string }[];
}

/**
 * A link of reads (`audit_read_links`): an HMAC of its place and of its reads' positions and seals,
 * after the previous link. The seals vouch for the reads, the link for the seals: the chaining
 * worker links reads without reading what they say, and verification finds a read changed since
 * written by its seal, at its place in the chain.
 */
export function readLinkHash(key: ChainKey, previousHash: string, link: ReadLinkFields): string {
  const reads = link.reads.map((read) => `${read.position}:${read.seal}`).join('\n');
  return createHmac('sha256', key.key)
    .update(
      `${READ_LINK_PURPOSE}\n${key.id}\n${previousHash}\n${link.territoryId}\n${link.sequence}\n${reads}`,
    )
    .digest('hex');
}
