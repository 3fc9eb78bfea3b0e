import { EntityManager } from 'typeorm';

/**
 * Erases the free texts of a person's consents and derogations (the witness or representative
 * named, the justification and the decision's note); statuses, methods, scopes and dates stay.
 */
export async function eraseConsentPersonalData(manager: EntityManager, personId: string): Promise<void> {
  await manager.query(`UPDATE consents SET witness_or_representative = NULL WHERE person_id = $1`, [
    personId,
  ]);
  await manager.query(
    `UPDATE consent_exceptions SET justification = '', decision_note = NULL WHERE person_id = $1`,
    [personId],
  );
}
