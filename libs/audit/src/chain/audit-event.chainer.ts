import { Injectable, Logger } from '@nestjs/common';
import { ScopedDatabase } from '@relais/database';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { readLinkHash } from '../audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';
import { lockChainHead, moveChainHead } from './chain-head';

/** Events linked per transaction: the head's lock is held for one batch at a time. */
export const CHAINING_BATCH = 500;

/**
 * A territory's reads waiting for their link, in the order they were written, from a position on:
 * a read waits while it has no link row. Only its position and its seal: the link covers the seal,
 * not what the read says. `OFFSET 0` keeps the search for its link one lookup in the links'
 * unique index for each read, whatever the statistics say.
 */
const WAITING_READS = `/* prepared:audit-chain-waiting */
SELECT e.position, e.hash AS seal
  FROM audit_events e
 WHERE e.territory_id = $1 AND e.sequence IS NULL AND e.position > $2
   AND NOT EXISTS (SELECT 1 FROM audit_read_links l
                    WHERE l.territory_id = e.territory_id AND l.event_position = e.position OFFSET 0)
 ORDER BY e.position
 LIMIT $3`;

/**
 * For each territory: the last position written there (chained or not), and whether a read waits
 * past the position given.
 */
const TERRITORIES_WAITING = `/* prepared:audit-chain-territories-waiting */
SELECT t.territory_id,
       (SELECT max(e.position) FROM audit_events e WHERE e.territory_id = t.territory_id)::text AS reached,
       EXISTS (SELECT 1 FROM audit_events e
                WHERE e.territory_id = t.territory_id AND e.sequence IS NULL AND e.position > t.after
                  AND NOT EXISTS (SELECT 1 FROM audit_read_links l
                                   WHERE l.territory_id = e.territory_id AND l.event_position = e.position
                                  OFFSET 0))
         AS waiting
  FROM unnest($1::uuid[], $2::bigint[]) AS t(territory_id, after)`;

const INSERT_LINKS = `/* prepared:audit-chain-links-insert */
INSERT INTO audit_read_links (territory_id, sequence, event_position, key_id, previous_hash, hash)
SELECT $1, l.sequence, l.position, $2, l.previous_hash, l.hash
  FROM unnest($3::bigint[], $4::bigint[], $5::text[], $6::text[]) AS l(position, sequence, previous_hash, hash)`;

/**
 * How often a round looks for waiting reads from the first position rather than from where the
 * last rounds stopped: a read whose transaction commits long after it drew its position (rare)
 * is linked by such a full pass.
 */
export const FULL_PASS_EVERY_MS = 10 * 60_000;

export interface ChainingOutcome {
  /** Reads linked into the chain. */
  chained: number;
}

export interface ChainingRound {
  territories: number;
  chained: number;
  failed: number;
}

/**
 * Where a territory's next round starts looking: past the last position written there as the
 * round before last began, so that a read drawn before it but committed a little later is still
 * found; and that position as the last round began.
 */
interface ScanMark {
  after: string;
  reached: string;
}

/**
 * Links the reads written unchained into their territory's chain, in the order they were written,
 * under the head's lock, by writing each its link row: what readers skip, one worker does for
 * them a moment later. A link covers the read's seal (`readLinkHash`): a read changed since it
 * was written is linked all the same, and verification reports it at its place in the chain.
 *
 * Reads are never marked linked in their own row, so a round does not look from the first
 * position but from its territory's mark (`ScanMark`). A read committed long after it drew its
 * position, which the marks have passed, is linked by the next full pass (`FULL_PASS_EVERY_MS`),
 * and by any chaining an answer waits for (`chainTerritory`, `chainWithin`).
 */
@Injectable()
export class AuditEventChainer {
  private readonly logger = new Logger('AuditChaining');
  private readonly marks = new Map<string, ScanMark>();
  private lastFullPass = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly keyring: AuditChainKeyring,
  ) {}

  /** The periodic round: every territory with events waiting, each in its own transactions. */
  async chainAll(): Promise<ChainingRound> {
    const round: ChainingRound = { territories: 0, chained: 0, failed: 0 };
    if (performance.now() - this.lastFullPass >= FULL_PASS_EVERY_MS) {
      this.marks.clear();
      this.lastFullPass = performance.now();
    }
    const territoryIds = await this.database.allTerritoryIds();
    if (!territoryIds.length) return round;
    const starts = territoryIds.map((id) => this.marks.get(id)?.after ?? '0');
    const territories = (await this.database.run({ territoryIds, purpose: 'maintenance' }, (manager) =>
      manager.query(TERRITORIES_WAITING, [territoryIds, starts]),
    )) as { territory_id: string; reached: string | null; waiting: boolean }[];
    for (const { territory_id: territoryId, reached, waiting } of territories) {
      const mark = this.marks.get(territoryId);
      if (waiting) {
        round.territories += 1;
        try {
          round.chained += (await this.chainFrom(territoryId, mark?.after ?? '0')).chained;
        } catch (error) {
          round.failed += 1;
          this.logger.error({ err: error, territoryId, msg: "Événements d'audit non chaînés" });
          continue;
        }
      }
      const now = reached ?? '0';
      this.marks.set(territoryId, { after: mark?.reached ?? now, reached: now });
    }
    return round;
  }

  /** Every read of the territory waiting now, a batch per transaction. */
  chainTerritory(territoryId: string): Promise<ChainingOutcome> {
    return this.chainFrom(territoryId, '0');
  }

  private async chainFrom(territoryId: string, after: string): Promise<ChainingOutcome> {
    let chained = 0;
    for (;;) {
      const batch = await this.database.run({ territoryIds: [territoryId] }, (manager) =>
        this.chainBatch(manager, territoryId, after),
      );
      chained += batch.chained;
      if (!batch.last) return { chained };
      after = batch.last;
    }
  }

  /**
   * Within the caller's transaction (which then holds the head's lock to its end): everything
   * waiting, for an answer that must rest on the chain (the person's access export, a purge).
   */
  async chainWithin(manager: EntityManager, territoryId: string): Promise<ChainingOutcome> {
    let chained = 0;
    let after = '0';
    for (;;) {
      const batch = await this.chainBatch(manager, territoryId, after);
      chained += batch.chained;
      if (!batch.last) return { chained };
      after = batch.last;
    }
  }

  /** One batch; `last` is where the next one starts, absent when nothing more waits. */
  private async chainBatch(
    manager: EntityManager,
    territoryId: string,
    after: string,
  ): Promise<ChainingOutcome & { last?: string }> {
    // The lock first: reads found after it cannot be linked by another worker meanwhile.
    const head = await lockChainHead(manager, territoryId);
    const waiting = (await manager.query(WAITING_READS, [territoryId, after, CHAINING_BATCH])) as {
      position: string;
      seal: string;
    }[];
    if (!waiting.length) return { chained: 0 };
    const key = this.keyring.current;
    const sequences: string[] = [];
    const previous: string[] = [];
    const hashes: string[] = [];
    let { sequence, hash } = head;
    for (const read of waiting) {
      sequence += 1n;
      previous.push(hash);
      hash = readLinkHash(key, hash, { territoryId, sequence: sequence.toString(), seal: read.seal });
      sequences.push(sequence.toString());
      hashes.push(hash);
    }
    await manager.query(INSERT_LINKS, [
      territoryId,
      key.id,
      waiting.map((read) => read.position),
      sequences,
      previous,
      hashes,
    ]);
    await moveChainHead(manager, territoryId, { sequence, hash });
    return {
      chained: waiting.length,
      ...(waiting.length === CHAINING_BATCH && { last: waiting[waiting.length - 1].position }),
    };
  }
}
