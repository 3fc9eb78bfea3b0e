import { Injectable, Logger } from '@nestjs/common';
import { ScopedDatabase } from '@relais/database';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { readLinkHash } from '../audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';
import { lockChainHead, moveChainHead } from './chain-head';

/** Reads linked per link and per transaction: the head's lock is held for one batch at a time. */
export const CHAINING_BATCH = 2000;

/**
 * A territory's reads from a position on, in the order they were written: only their positions and
 * seals, since a link covers the seals, not what the reads say.
 */
const READS_AFTER = `/* prepared:audit-chain-reads-after */
SELECT e.position, e.hash AS seal
  FROM audit_events e
 WHERE e.territory_id = $1 AND e.sequence IS NULL AND e.position > $2
 ORDER BY e.position
 LIMIT $3`;

/** The reads already linked from a position on (links reaching past it, through their last). */
const LINKED_AFTER = `/* prepared:audit-chain-linked-after */
SELECT read.position::text AS position
  FROM audit_read_links l, unnest(l.positions) AS read(position)
 WHERE l.territory_id = $1 AND l.last_position > $2 AND read.position > $2`;

/** For each territory, the last position written there, chained or not. */
const TERRITORIES_REACHED = `/* prepared:audit-chain-territories-reached */
SELECT t.territory_id,
       (SELECT max(e.position) FROM audit_events e WHERE e.territory_id = t.territory_id)::text AS reached
  FROM unnest($1::uuid[]) AS t(territory_id)`;

const INSERT_LINK = `/* prepared:audit-chain-link-insert */
INSERT INTO audit_read_links (territory_id, sequence, positions, seals, last_position, key_id, previous_hash, hash)
VALUES ($1, $2, $3::bigint[], $4, $5, $6, $7, $8)`;

/**
 * How often a round looks for waiting reads from the first position rather than from where the
 * last rounds stopped: a read whose transaction commits seconds after it drew its position (rare)
 * is linked by such a full pass. It reads every read's position and seal (about 100 bytes each),
 * hence hourly.
 */
export const FULL_PASS_EVERY_MS = 60 * 60_000;

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
 * under the head's lock: one link row for up to `CHAINING_BATCH` reads, covering their positions
 * and seals (`readLinkHash`). What readers skip, one worker does for them a moment later, writing
 * one row where each read used to be rewritten. A read changed after it was written is linked all
 * the same, and verification reports it at its place in the chain.
 *
 * Reads are never marked linked in their own row: a round looks from its territory's mark
 * (`ScanMark`) and leaves out the reads that the links reaching past it already cover. A read
 * committed long after it drew its position, which the marks have passed, is linked by the next
 * full pass (`FULL_PASS_EVERY_MS`), and by any chaining an answer waits for (`chainTerritory`,
 * `chainWithin`).
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

  /** The periodic round: every territory with reads written since its mark, each in its own transactions. */
  async chainAll(): Promise<ChainingRound> {
    const round: ChainingRound = { territories: 0, chained: 0, failed: 0 };
    if (performance.now() - this.lastFullPass >= FULL_PASS_EVERY_MS) {
      this.marks.clear();
      this.lastFullPass = performance.now();
    }
    const territoryIds = await this.database.allTerritoryIds();
    if (!territoryIds.length) return round;
    const territories = (await this.database.run({ territoryIds, purpose: 'maintenance' }, (manager) =>
      manager.query(TERRITORIES_REACHED, [territoryIds]),
    )) as { territory_id: string; reached: string | null }[];
    for (const { territory_id: territoryId, reached } of territories) {
      const mark = this.marks.get(territoryId);
      const after = mark?.after ?? '0';
      const now = reached ?? '0';
      if (BigInt(now) > BigInt(after)) {
        round.territories += 1;
        try {
          round.chained += (await this.chainFrom(territoryId, after)).chained;
        } catch (error) {
          round.failed += 1;
          this.logger.error({ err: error, territoryId, msg: "Événements d'audit non chaînés" });
          continue;
        }
      }
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

  /** One link; `last` is where the next batch starts, absent when nothing more waits. */
  private async chainBatch(
    manager: EntityManager,
    territoryId: string,
    after: string,
  ): Promise<ChainingOutcome & { last?: string }> {
    // The lock first: links and reads read after it cannot change under us.
    const head = await lockChainHead(manager, territoryId);
    const waiting = await this.waitingReads(manager, territoryId, after);
    if (!waiting.length) return { chained: 0 };
    const key = this.keyring.current;
    const sequence = head.sequence + 1n;
    const hash = readLinkHash(key, head.hash, {
      territoryId,
      sequence: sequence.toString(),
      reads: waiting,
    });
    const positions = waiting.map((read) => read.position);
    await manager.query(INSERT_LINK, [
      territoryId,
      sequence.toString(),
      positions,
      Buffer.from(waiting.map((read) => read.seal).join(''), 'hex'),
      positions[positions.length - 1],
      key.id,
      head.hash,
      hash,
    ]);
    await moveChainHead(manager, territoryId, { sequence, hash });
    return {
      chained: waiting.length,
      ...(waiting.length === CHAINING_BATCH && { last: positions[positions.length - 1] }),
    };
  }

  /** Up to a batch of the territory's reads past `after` that no link covers yet, in order. */
  private async waitingReads(manager: EntityManager, territoryId: string, after: string) {
    const linked = new Set(
      ((await manager.query(LINKED_AFTER, [territoryId, after])) as { position: string }[]).map(
        (read) => read.position,
      ),
    );
    const waiting: { position: string; seal: string }[] = [];
    for (let from = after; ;) {
      const page = (await manager.query(READS_AFTER, [territoryId, from, CHAINING_BATCH])) as {
        position: string;
        seal: string;
      }[];
      for (const read of page) {
        if (linked.has(read.position)) continue;
        waiting.push(read);
        if (waiting.length === CHAINING_BATCH) return waiting;
      }
      if (page.length < CHAINING_BATCH) return waiting;
      from = page[page.length - 1].position;
    }
  }
}
