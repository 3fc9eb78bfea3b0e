import { EvictionProcedureState, Handoff, Situation } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { FollowUp } from './entities';

/** What every follow-up event carries: its situation and that situation's person record (ids). */
export async function situationFacts(
  manager: EntityManager,
  followUp: FollowUp,
): Promise<{ situationId: string; personId: string }> {
  const situation = await manager.findOneByOrFail(Situation, { id: followUp.situationId });
  return { situationId: situation.id, personId: situation.personId };
}

/**
 * Still housed when the follow-up ends, as far as its hand-offs tell: the last one's eviction
 * procedure not carried out (no eviction ordered). Null without a hand-off: nothing says.
 */
export function housedAtEnd(handoffs: Handoff[]): boolean | null {
  const last = [...handoffs].sort((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime()).at(-1);
  return last ? last.evictionProcedureState !== EvictionProcedureState.EVICTION_ORDERED : null;
}
