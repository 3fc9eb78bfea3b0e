import { Organisation } from '@relais/identity';
import { Handoff, Person, Situation } from '@relais/situations';
import { EntityManager, In } from 'typeorm';

/** What a hand-off is shown with beyond its own row: the case code, both partners' names, the chasers. */
export interface HandoffContext {
  caseCode: string;
  receivingOrganisationName: string;
  proposedByOrganisationName: string;
  /** When the receiver was reminded of its answer, oldest first. */
  remindersSentAt: Date[];
}

/**
 * The context of many hand-offs in three statements whatever their number. The reminders are read
 * from the reminders already sent (the reminders library plans them; this one only reads their
 * table, which it cannot import without a cycle): one moment per occurrence, the first sending to a
 * member of the receiving organisation.
 */
export async function handoffContexts(
  manager: EntityManager,
  handoffs: readonly Handoff[],
): Promise<Map<string, HandoffContext>> {
  const contexts = new Map<string, HandoffContext>();
  if (!handoffs.length) return contexts;
  const ids = handoffs.map((handoff) => handoff.id);
  const codes = await manager
    .getRepository(Situation)
    .createQueryBuilder('situation')
    .innerJoin(Person, 'person', 'person.id = situation.personId')
    .select('situation.id', 'id')
    .addSelect('person.caseCode', 'caseCode')
    .where('situation.id IN (:...situationIds)', {
      situationIds: [...new Set(handoffs.map((handoff) => handoff.situationId))],
    })
    .getRawMany<{ id: string; caseCode: string }>();
  const organisations = await manager.findBy(Organisation, {
    id: In([
      ...new Set(
        handoffs.flatMap((handoff) => [handoff.receivingOrganisationId, handoff.proposedByOrganisationId]),
      ),
    ]),
  });
  const sent = (await manager.query(
    `SELECT reminder.subject_id AS handoff_id, min(reminder.settled_at) AS sent_at
       FROM reminders reminder
       JOIN handoffs handoff
         ON handoff.id = reminder.subject_id AND handoff.territory_id = reminder.territory_id
      WHERE handoff.id = ANY($1) AND reminder.subject_type = 'Handoff'
        AND reminder.kind = 'HANDOFF_UNANSWERED' AND reminder.status = 'SENT'
        AND reminder.recipient_organisation_id = handoff.receiving_organisation_id
      GROUP BY reminder.subject_id, reminder.occurrence
      ORDER BY sent_at`,
    [ids],
  )) as { handoff_id: string; sent_at: Date }[];
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const caseCodes = new Map(codes.map((code) => [code.id, code.caseCode]));
  const nameOf = (id: string) => names.get(id) ?? '—';
  for (const handoff of handoffs) {
    contexts.set(handoff.id, {
      caseCode: caseCodes.get(handoff.situationId) ?? '—',
      receivingOrganisationName: nameOf(handoff.receivingOrganisationId),
      proposedByOrganisationName: nameOf(handoff.proposedByOrganisationId),
      remindersSentAt: sent
        .filter((row) => row.handoff_id === handoff.id)
        .map((row) => new Date(row.sent_at)),
    });
  }
  return contexts;
}
