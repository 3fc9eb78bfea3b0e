import { Injectable, Logger } from '@nestjs/common';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { ChainedFields, keyedLinkHash, sealHash } from '../audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';
import { lockChainHead, moveChainHead } from './chain-head';

/** Events linked per transaction: the head's lock is held for one batch at a time. */
export const CHAINING_BATCH = 500;

/**
 * The events of a territory waiting to be linked, in the order they were written. Read as plain
 * rows: every read of a list is an event to link, and making each an entity cost the chainer
 * about as much as its two HMACs.
 */
const WAITING_EVENTS = `/* prepared:audit-chain-waiting */
SELECT id, territory_id, occurred_at, actor_user_id, request_id, action, subject_type, subject_id,
       person_id, data_categories, details, key_id, hash, position
  FROM audit_events
 WHERE territory_id = $1 AND sequence IS NULL AND position > $2
 ORDER BY position
 LIMIT $3`;

interface WaitingEvent {
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
  position: string;
}

/** What an event says, as its seal and its link cover it. */
function fieldsOf(event: WaitingEvent): ChainedFields {
  return {
    territoryId: event.territory_id,
    sequence: null,
    occurredAt: event.occurred_at,
    actorUserId: event.actor_user_id,
    requestId: event.request_id,
    action: event.action,
    subjectType: event.subject_type,
    subjectId: event.subject_id,
    personId: event.person_id,
    dataCategories: event.data_categories,
    details: event.details,
  };
}

export interface ChainingOutcome {
  /** Events linked into the chain. */
  chained: number;
  /** Events left unchained because their seal does not hold (changed since written). */
  refused: number;
  /** Whether a full batch was taken, so more may be waiting. */
  more: boolean;
}

export interface ChainingRound {
  territories: number;
  chained: number;
  refused: number;
  failed: number;
}

/**
 * Links the events written unchained (reads) into their territory's chain, in the order they
 * were written, under the head's lock: what readers skip, one worker does for them a moment later.
 * An event whose seal does not hold is never linked — chaining it would vouch for what was
 * changed — and stays visible to verification, which reports it.
 */
@Injectable()
export class AuditEventChainer {
  private readonly logger = new Logger('AuditChaining');

  constructor(
    private readonly database: ScopedDatabase,
    private readonly keyring: AuditChainKeyring,
  ) {}

  /** The periodic round: every territory with events waiting, each in its own transactions. */
  async chainAll(): Promise<ChainingRound> {
    const round: ChainingRound = { territories: 0, chained: 0, refused: 0, failed: 0 };
    const territoryIds = await this.database.allTerritoryIds();
    if (!territoryIds.length) return round;
    const waiting = (await this.database.run({ territoryIds, purpose: 'maintenance' }, (manager) =>
      manager.query(`SELECT DISTINCT territory_id FROM audit_events WHERE sequence IS NULL`),
    )) as { territory_id: string }[];
    for (const { territory_id: territoryId } of waiting) {
      round.territories += 1;
      try {
        const outcome = await this.chainTerritory(territoryId);
        round.chained += outcome.chained;
        round.refused += outcome.refused;
      } catch (error) {
        round.failed += 1;
        this.logger.error({ err: error, territoryId, msg: "Événements d'audit non chaînés" });
      }
    }
    return round;
  }

  /** Every event of the territory waiting now, a batch per transaction. */
  async chainTerritory(territoryId: string): Promise<Omit<ChainingOutcome, 'more'>> {
    const total = { chained: 0, refused: 0 };
    // Past the refused ones too: they stay where they are, and must not be read again and again.
    let after = '0';
    for (;;) {
      const outcome = await this.database.run({ territoryIds: [territoryId] }, (manager) =>
        this.chainBatch(manager, territoryId, after),
      );
      total.chained += outcome.chained;
      total.refused += outcome.refused;
      if (!outcome.more) return total;
      after = outcome.last;
    }
  }

  /**
   * Within the caller's transaction (which then holds the head's lock to its end): everything
   * waiting, for an answer that must rest on the chain (the person's access export, a purge).
   */
  async chainWithin(manager: EntityManager, territoryId: string): Promise<Omit<ChainingOutcome, 'more'>> {
    const total = { chained: 0, refused: 0 };
    let after = '0';
    for (;;) {
      const outcome = await this.chainBatch(manager, territoryId, after);
      total.chained += outcome.chained;
      total.refused += outcome.refused;
      if (!outcome.more) return total;
      after = outcome.last;
    }
  }

  private async chainBatch(
    manager: EntityManager,
    territoryId: string,
    after = '0',
  ): Promise<ChainingOutcome & { last: string }> {
    // The lock first: events read after it cannot be linked by another worker meanwhile.
    const head = await lockChainHead(manager, territoryId);
    const waiting = (await manager.query(WAITING_EVENTS, [
      territoryId,
      after,
      CHAINING_BATCH,
    ])) as WaitingEvent[];
    const current = this.keyring.current;
    const links = {
      ids: [] as string[],
      sequences: [] as string[],
      previous: [] as string[],
      hashes: [] as string[],
    };
    let { sequence, hash } = head;
    let refused = 0;
    for (const event of waiting) {
      const fields = fieldsOf(event);
      const key = event.key_id ? this.keyring.find(event.key_id) : undefined;
      if (!key || sealHash(key, event.id, fields) !== event.hash) {
        refused += 1;
        this.logger.error({
          msg: "Événement d'audit non chaîné : son sceau ne correspond pas à son contenu",
          territoryId,
          eventId: event.id,
        });
        continue;
      }
      sequence += 1n;
      const link = keyedLinkHash(current, hash, { ...fields, sequence: sequence.toString() });
      links.ids.push(event.id);
      links.sequences.push(sequence.toString());
      links.previous.push(hash);
      links.hashes.push(link);
      hash = link;
    }
    if (links.ids.length) {
      await manager.query(
        `SELECT link_audit_events($1, $2::uuid[], $3::bigint[], $4::text[], $5::text[], $6)`,
        [territoryId, links.ids, links.sequences, links.previous, links.hashes, current.id],
      );
      await moveChainHead(manager, territoryId, { sequence, hash });
    }
    return {
      chained: links.ids.length,
      refused,
      more: waiting.length === CHAINING_BATCH,
      last: waiting.at(-1)?.position ?? after,
    };
  }
}
