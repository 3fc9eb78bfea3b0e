import { EntityManager } from 'typeorm';

/**
 * Erases what the minutes say in words about one situation: items' summaries, restricted notes,
 * decisions' texts and rationales. Meetings, items, attendance, who was in the room and the
 * decisions' existence stay (the case code and dates are kept).
 */
export async function eraseMeetingPersonalData(manager: EntityManager, situationId: string): Promise<void> {
  await manager.query(
    `UPDATE restricted_notes SET text = ''
      WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE situation_id = $1)`,
    [situationId],
  );
  await manager.query(`UPDATE decisions SET text = '', rationale = NULL WHERE situation_id = $1`, [
    situationId,
  ]);
  await manager.query(`UPDATE agenda_items SET summary = NULL WHERE situation_id = $1`, [situationId]);
}
