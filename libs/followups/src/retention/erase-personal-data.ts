import { EntityManager } from 'typeorm';

/**
 * Erases the follow-ups' free texts about one situation: acts' notes, objectives, renewal and end
 * reasons. Phases, dates, kinds and the team's seats stay (they are counted).
 */
export async function eraseFollowUpPersonalData(manager: EntityManager, situationId: string): Promise<void> {
  const ofSituation = `follow_up_id IN (SELECT id FROM follow_ups WHERE situation_id = $1)`;
  await manager.query(`UPDATE follow_up_acts SET note = NULL WHERE ${ofSituation}`, [situationId]);
  await manager.query(`UPDATE follow_up_objectives SET text = '' WHERE ${ofSituation}`, [situationId]);
  await manager.query(`UPDATE follow_up_renewals SET reason = '' WHERE ${ofSituation}`, [situationId]);
  await manager.query(`UPDATE follow_ups SET end_reason = NULL WHERE situation_id = $1`, [situationId]);
}
