import { EntityManager } from 'typeorm';
import { GENESIS_HASH, keyedLinkHash, legacyLinkHash, readLinkHash, sealHash } from './audit-chain';
import { AuditChainKeyring } from './chain/audit-chain-keyring';
import { AuditCheckpoint, checkpointSignature } from './chain/audit-checkpoint';
import { StoredCheckpoint } from './chain/audit-checkpoint.store';
import { latestSignedPurge } from './chain/audit-purge';
import {
  ChainedReads,
  chainEntries,
  countChainEntriesThrough,
  linkedPositions,
  linkedReads,
} from './chain/chain-entries';
import { AuditChainHead, AuditEvent } from './entities';

export type AuditChainProblem =
  | 'HASH_MISMATCH'
  | 'BROKEN_LINK'
  | 'MISSING_EVENT'
  | 'TRUNCATED'
  | 'KEY_MISMATCH'
  | 'UNKNOWN_KEY'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_TRUNCATED'
  | 'CHECKPOINT_INVALID'
  | 'SEAL_MISMATCH';

export interface AuditChainReport {
  valid: boolean;
  checkedEvents: number;
  /** Links written before the chain was keyed (plain SHA-256), among those checked. */
  legacyEvents: number;
  /** The ids of the keys the checked links name, in order of first use. */
  keyIds: string[];
  /** The latest checkpoint whose signature holds: the one the chain is compared against. */
  checkpoint?: { sequence: string; takenAt: Date };
  /** Checkpoints with a valid signature whose sequence the walk reached and compared. */
  checkpointsCompared: number;
  /** Checkpoints that cannot be read, or whose signature fails or names an unknown key. */
  invalidCheckpoints: number;
  /** Events written but not yet chained (reads waiting for the chaining worker), their seals checked. */
  unchainedEvents: number;
  /** The last link checked: what a new checkpoint attests when the chain holds. */
  end: { sequence: string; hash: string };
  /**
   * The first link that does not hold, when one does not; an event not yet chained whose seal
   * does not hold has no sequence.
   */
  firstBroken?: { sequence: string | null; eventId: string | null; problem: AuditChainProblem };
}

export interface AuditChainVerificationOptions {
  keyring: AuditChainKeyring;
  /** The territory's checkpoints, as read from their store. */
  checkpoints?: readonly StoredCheckpoint[];
  /** Start after this trusted point instead of the first event: a checkpoint being extended. */
  after?: { sequence: string; hash: string };
  /** Whether to check the seals of the events not yet chained too (true unless said otherwise). */
  unchained?: boolean;
}

const PAGE = 1000;

/**
 * Recomputes a territory's chain: a changed, removed or inserted row breaks it at that row; a
 * link recomputed without the key, or with another key, breaks at the first such link; rows
 * removed from the end show against the head, and against any checkpoint kept outside the
 * database — which also catches a chain rewritten whole by someone holding the key.
 */
export async function verifyAuditChain(
  manager: EntityManager,
  territoryId: string,
  options: AuditChainVerificationOptions,
): Promise<AuditChainReport> {
  const { keyring } = options;
  const checkpoints = validCheckpoints(keyring, options.checkpoints ?? []);
  const bySequence = new Map<bigint, AuditCheckpoint[]>();
  for (const checkpoint of checkpoints.valid) {
    const sequence = BigInt(checkpoint.sequence);
    bySequence.set(sequence, [...(bySequence.get(sequence) ?? []), checkpoint]);
  }
  const latest = checkpoints.valid.at(-1);
  // Checkpoints exist only since the chain is keyed: no plain link may follow the first one.
  const keyedAfter = checkpoints.valid.length ? BigInt(checkpoints.valid[0].sequence) : undefined;

  // Behind a signed purge's anchor only the events under a legal hold remain: the walk accepts
  // the purge's gaps there, checks each kept event's own link hash, and resumes from the anchor.
  const purge = await latestSignedPurge(manager, keyring, territoryId);
  const purgedThrough = purge ? BigInt(purge.throughSequence) : 0n;
  const after = options.after && BigInt(options.after.sequence) > purgedThrough ? options.after : undefined;
  let previousHash = after?.hash ?? GENESIS_HASH;
  let expected = after ? BigInt(after.sequence) + 1n : 1n;
  let keyedSeen = after !== undefined;
  const keyIds = new Set<string>();
  let checkedEvents = 0;
  let legacyEvents = 0;
  let checkpointsCompared = 0;
  let unchainedEvents = 0;
  const report = (broken?: AuditChainReport['firstBroken']): AuditChainReport => ({
    valid: !broken,
    checkedEvents,
    end: { sequence: (expected - 1n).toString(), hash: previousHash },
    legacyEvents,
    keyIds: [...keyIds],
    ...(latest && { checkpoint: { sequence: latest.sequence, takenAt: new Date(latest.takenAt) } }),
    checkpointsCompared,
    invalidCheckpoints: checkpoints.invalid.length,
    unchainedEvents,
    ...(broken && { firstBroken: broken }),
  });

  // The head first: writers commit it with their events, so every event up to it is visible to
  // the reads that follow, and a concurrent writer cannot pass for a truncation.
  const head = await manager.getRepository(AuditChainHead).findOneBy({ territoryId });
  if (after) {
    // Extending a checkpoint: the event it attests must still be there, unchanged.
    const [anchor] = await chainEntries(manager, territoryId, {
      from: after.sequence,
      to: after.sequence,
      limit: 1,
    });
    const at = { sequence: after.sequence, eventId: anchor?.kind === 'event' ? anchor.id : null };
    if (!anchor) return report({ ...at, problem: 'CHECKPOINT_TRUNCATED' });
    if (anchor.hash !== after.hash) return report({ ...at, problem: 'CHECKPOINT_MISMATCH' });
  } else if (purge) {
    // The purge signed how many events it left behind its anchor: one deleted since is missing.
    const kept = await countChainEntriesThrough(manager, territoryId, purge.throughSequence);
    if (kept !== purge.keptEvents) {
      return report({ sequence: purge.throughSequence, eventId: null, problem: 'MISSING_EVENT' });
    }
  }
  for (;;) {
    const page = await chainEntries(manager, territoryId, {
      from: expected.toString(),
      to: head?.sequence,
      limit: PAGE,
    });
    for (const event of page) {
      const broken = (
        problem: AuditChainProblem,
        eventId: string | null = event.kind === 'event' ? event.id : null,
      ) => report({ sequence: expected.toString(), eventId, problem });
      const at = BigInt(event.sequence);
      if (at !== expected) {
        if (!purge || expected > purgedThrough || at > purgedThrough + 1n)
          return broken('MISSING_EVENT', null);
        previousHash = at === purgedThrough + 1n ? purge.throughHash : event.previousHash;
        expected = at;
      }
      if (event.previousHash !== previousHash) return broken('BROKEN_LINK');
      if (event.kind === 'reads') {
        // Behind a purge's anchor, the reads it deleted are gone from their link.
        const outcome = await checkReadLink(manager, keyring, previousHash, event, expected <= purgedThrough);
        if ('problem' in outcome) return broken(outcome.problem, outcome.eventId);
        checkedEvents += outcome.checked - 1;
        keyedSeen = true;
        keyIds.add(event.keyId);
      } else if (event.keyId === null) {
        if (keyedSeen || (keyedAfter !== undefined && expected > keyedAfter)) return broken('KEY_MISMATCH');
        if (legacyLinkHash(previousHash, event) !== event.hash) return broken('HASH_MISMATCH');
        legacyEvents += 1;
      } else {
        const key = keyring.find(event.keyId);
        if (!key) return broken('UNKNOWN_KEY');
        if (keyedLinkHash(key, previousHash, event) !== event.hash) {
          // Recomputed by someone without the key: the plain hash matches where the keyed one does not.
          return broken(
            legacyLinkHash(previousHash, event) === event.hash ? 'KEY_MISMATCH' : 'HASH_MISMATCH',
          );
        }
        keyedSeen = true;
        keyIds.add(key.id);
      }
      if (purge && expected === purgedThrough && event.hash !== purge.throughHash)
        return broken('BROKEN_LINK');
      for (const checkpoint of bySequence.get(expected) ?? []) {
        checkpointsCompared += 1;
        if (checkpoint.headHash !== event.hash) return broken('CHECKPOINT_MISMATCH');
      }
      previousHash = event.hash;
      expected += 1n;
      checkedEvents += 1;
    }
    if (page.length < PAGE) break;
  }

  const last = expected - 1n;
  const atHead = head
    ? BigInt(head.sequence) === last && head.hash === previousHash && !(await eventsPastHead(manager, head))
    : last === 0n;
  if (!atHead) return report({ sequence: expected.toString(), eventId: null, problem: 'TRUNCATED' });
  if (latest && BigInt(latest.sequence) > last) {
    return report({ sequence: expected.toString(), eventId: null, problem: 'CHECKPOINT_TRUNCATED' });
  }
  const [invalid] = checkpoints.invalid;
  if (invalid) return report({ sequence: invalid.sequence, eventId: null, problem: 'CHECKPOINT_INVALID' });
  if (options.unchained ?? true) {
    // Not in the chain yet, each still carries its seal: a changed one shows now, not once linked.
    const linked = await linkedPositions(manager, territoryId);
    let position = '0';
    for (;;) {
      const page = await manager
        .getRepository(AuditEvent)
        .createQueryBuilder('event')
        .where('event.territoryId = :territoryId AND event.sequence IS NULL', { territoryId })
        .andWhere('event.position > :position', { position })
        .orderBy('event.position', 'ASC')
        .limit(PAGE)
        .getMany();
      for (const event of page) {
        if (linked.has(event.position)) continue;
        const key = event.keyId ? keyring.find(event.keyId) : undefined;
        if (!key) return report({ sequence: null, eventId: event.id, problem: 'UNKNOWN_KEY' });
        if (sealHash(key, event.id, event) !== event.hash)
          return report({ sequence: null, eventId: event.id, problem: 'SEAL_MISMATCH' });
        unchainedEvents += 1;
      }
      if (page.length < PAGE) break;
      position = page[page.length - 1].position;
    }
  }
  return report();
}

function validCheckpoints(keyring: AuditChainKeyring, stored: readonly StoredCheckpoint[]) {
  const valid: AuditCheckpoint[] = [];
  const invalid: { sequence: string }[] = [];
  for (const { name, checkpoint } of stored) {
    if (checkpoint && checkpointSignature(keyring, checkpoint) === 'VALID') valid.push(checkpoint);
    else invalid.push({ sequence: BigInt(name.slice(0, 20)).toString() });
  }
  valid.sort((a, b) => {
    const order = BigInt(a.sequence) - BigInt(b.sequence);
    return order ? (order < 0n ? -1 : 1) : a.takenAt.localeCompare(b.takenAt);
  });
  return { valid, invalid };
}

/**
 * A link of reads: the link over its place and its reads' positions and seals, then each read
 * still there against the seal it was linked with, and that seal against what the read says. A
 * read that is gone is missing, unless a purge took it. The reads checked, or the first problem.
 */
async function checkReadLink(
  manager: EntityManager,
  keyring: AuditChainKeyring,
  previousHash: string,
  link: ChainedReads,
  purged: boolean,
): Promise<{ checked: number } | { problem: AuditChainProblem; eventId: string | null }> {
  const key = keyring.find(link.keyId);
  if (!key) return { problem: 'UNKNOWN_KEY', eventId: null };
  if (readLinkHash(key, previousHash, link) !== link.hash) return { problem: 'HASH_MISMATCH', eventId: null };
  const reads = await linkedReads(manager, link);
  let checked = 0;
  for (const { position, seal } of link.reads) {
    const read = reads.get(position);
    if (!read) {
      if (purged) continue;
      return { problem: 'MISSING_EVENT', eventId: null };
    }
    if (read.seal !== seal) return { problem: 'HASH_MISMATCH', eventId: read.id };
    const sealKey = read.keyId ? keyring.find(read.keyId) : undefined;
    if (!sealKey) return { problem: 'UNKNOWN_KEY', eventId: read.id };
    if (sealHash(sealKey, read.id, read) !== seal) return { problem: 'SEAL_MISMATCH', eventId: read.id };
    checked += 1;
  }
  return { checked };
}

/** Links past a head that has not moved meanwhile: the head was set back (one snapshot, so no race). */
async function eventsPastHead(manager: EntityManager, head: AuditChainHead): Promise<boolean> {
  const [row] = (await manager.query(
    `SELECT (EXISTS (SELECT 1 FROM audit_events WHERE territory_id = $1 AND sequence > $2)
             OR EXISTS (SELECT 1 FROM audit_read_links WHERE territory_id = $1 AND sequence > $2))
        AND (SELECT sequence FROM audit_chain_heads WHERE territory_id = $1) = $2 AS past`,
    [head.territoryId, head.sequence],
  )) as { past: boolean | null }[];
  return row?.past === true;
}
