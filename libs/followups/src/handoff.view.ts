import { DataCategory, Gated, gateFields, NO_ACCESS, Principal, RowAccess, rowView } from '@relais/access';
import { Handoff } from '@relais/situations';
import { HandoffObject } from './dto/follow-up.objects';

/**
 * A hand-off as its reader may see it: the relations the reader holds on it (coordinator, a party
 * to it) give the visible categories, and the gate masks the rest. GraphQL and the PDF both read it.
 */
export function gateHandoff(
  principal: Principal,
  handoff: Handoff,
  access: RowAccess | null | undefined,
): Gated<HandoffObject> & { categories: ReadonlySet<DataCategory> } {
  const view = rowView(principal, handoff.territoryId, access ?? NO_ACCESS);
  const { categories } = view;
  const gated = gateFields(
    HandoffObject,
    {
      id: handoff.id,
      situationId: handoff.situationId,
      followUpId: handoff.followUpId,
      receivingOrganisationId: handoff.receivingOrganisationId,
      proposedByOrganisationId: handoff.proposedByOrganisationId,
      referentName: handoff.referentName,
      cmpFollowUpStatus: handoff.cmpFollowUpStatus,
      firstAppointmentOn: handoff.firstAppointmentOn,
      socialReferent: handoff.socialReferent,
      evictionProcedureState: handoff.evictionProcedureState,
      rightsOpened: handoff.rightsOpened,
      residualRisks: handoff.residualRisks,
      contacts: handoff.contacts,
      personAgreed: handoff.personAgreed,
      status: handoff.status,
      declineReason: handoff.declineReason,
      proposedAt: handoff.proposedAt,
      answeredAt: handoff.answeredAt,
    },
    view,
  );
  return { ...gated, categories };
}
