import { EntityManager } from 'typeorm';

/**
 * Erases what this context holds in free text about one situation (actions' descriptions and
 * outcomes, hand-offs' names, contacts and texts); ids, dates, statuses and the case code stay.
 * Run by the retention lifecycle, inside its transaction (archived rows are read-only otherwise).
 */
export async function eraseSituationPersonalData(manager: EntityManager, situationId: string): Promise<void> {
  await manager.query(
    `UPDATE situation_actions SET description = '', outcome = NULL WHERE situation_id = $1`,
    [situationId],
  );
  await manager.query(
    `UPDATE handoffs SET referent_name = NULL, social_referent = NULL, residual_risks = NULL, contacts = NULL,
       decline_reason = NULL WHERE situation_id = $1`,
    [situationId],
  );
}

/**
 * Erases a person's identity (names, birth date, contact details, address, representative: the
 * whole `person_identities` row, duplicate key included) and her initials and district; the case
 * code and age band stay, so counts and the reporting projection keep their meaning.
 */
export async function erasePersonIdentity(manager: EntityManager, personId: string): Promise<void> {
  await manager.query(`DELETE FROM person_identities WHERE person_id = $1`, [personId]);
  await manager.query(`UPDATE persons SET initials = '', district = NULL WHERE id = $1`, [personId]);
  await manager.query(`UPDATE situation_actions SET description = '', outcome = NULL WHERE person_id = $1`, [
    personId,
  ]);
}
