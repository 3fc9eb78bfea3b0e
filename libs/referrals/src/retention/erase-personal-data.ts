import { EntityManager } from 'typeorm';

const ERASED = `actions_tried = NULL, blockages = NULL, question_to_cell = NULL, description = NULL,
  housing_context = NULL, health_information = NULL, redirect_message = NULL`;

/**
 * Erases the free texts of the referrals that led to a situation, and the reasons written on
 * their moves; statuses, dates, difficulty areas and urgency stay (they are counted).
 */
export async function eraseReferralPersonalData(manager: EntityManager, situationId: string): Promise<void> {
  await manager.query(
    `UPDATE referral_transitions SET reason = NULL
      WHERE referral_id IN (SELECT id FROM referrals WHERE situation_id = $1)`,
    [situationId],
  );
  await manager.query(`UPDATE referrals SET ${ERASED} WHERE situation_id = $1`, [situationId]);
}

/** The same for every referral about a person, whether or not it led to a situation. */
export async function erasePersonReferrals(manager: EntityManager, personId: string): Promise<void> {
  await manager.query(
    `UPDATE referral_transitions SET reason = NULL
      WHERE referral_id IN (SELECT id FROM referrals WHERE person_id = $1)`,
    [personId],
  );
  await manager.query(`UPDATE referrals SET ${ERASED} WHERE person_id = $1`, [personId]);
}
