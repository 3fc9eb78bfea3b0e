import { EntityManager } from 'typeorm';
import { GENESIS_HASH, linkHash } from './audit-chain';
import { AuditChainHead, AuditEvent } from './entities';

export type AuditChainProblem = 'HASH_MISMATCH' | 'BROKEN_LINK' | 'MISSING_EVENT' | 'TRUNCATED';

export interface AuditChainReport {
  valid: boolean;
  checkedEvents: number;
  /** The first link that does not hold, when one does not. */
  firstBroken?: { sequence: string; eventId: string | null; problem: AuditChainProblem };
}

const PAGE = 1000;

/**
 * Recomputes a territory's chain from the first event: a changed, removed or inserted row
 * breaks it at that row; rows removed from the end show against the head.
 */
export async function verifyAuditChain(
  manager: EntityManager,
  territoryId: string,
): Promise<AuditChainReport> {
  let previousHash = GENESIS_HASH;
  let expected = 1n;
  let checkedEvents = 0;
  for (;;) {
    const page = await manager
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('event.territoryId = :territoryId', { territoryId })
      .andWhere('event.sequence >= :from', { from: expected.toString() })
      .orderBy('event.sequence', 'ASC')
      .limit(PAGE)
      .getMany();
    for (const event of page) {
      const broken = (problem: AuditChainProblem, eventId: string | null = event.id): AuditChainReport => ({
        valid: false,
        checkedEvents,
        firstBroken: { sequence: expected.toString(), eventId, problem },
      });
      if (BigInt(event.sequence) !== expected) return broken('MISSING_EVENT', null);
      if (event.previousHash !== previousHash) return broken('BROKEN_LINK');
      if (linkHash(previousHash, event) !== event.hash) return broken('HASH_MISMATCH');
      previousHash = event.hash;
      expected += 1n;
      checkedEvents += 1;
    }
    if (page.length < PAGE) break;
  }
  const head = await manager.getRepository(AuditChainHead).findOneBy({ territoryId });
  if (head && (BigInt(head.sequence) !== expected - 1n || head.hash !== previousHash)) {
    return {
      valid: false,
      checkedEvents,
      firstBroken: { sequence: expected.toString(), eventId: null, problem: 'TRUNCATED' },
    };
  }
  return { valid: true, checkedEvents };
}
