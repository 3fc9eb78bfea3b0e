import {
  Categorized,
  DataCategory,
  Gated,
  gateFields,
  NO_ACCESS,
  Principal,
  RowAccess,
  RowView,
  rowView,
} from '@relais/access';
import { Handoff } from '@relais/situations';
import { HandoffObject } from './dto/follow-up.objects';
import { HandoffContext } from './handoff-context';

/**
 * A hand-off as its reader may see it: the relations the reader holds on it (coordinator, a party
 * to it) give the visible categories, and the gate masks the rest. GraphQL and the PDF both read it.
 */
export function gateHandoff(
  principal: Principal,
  handoff: Handoff,
  access: RowAccess | null | undefined,
  context: HandoffContext,
): Gated<HandoffObject> & { view: RowView } {
  const view = rowView(principal, handoff.territoryId, access ?? NO_ACCESS);
  const gated = gateFields(
    HandoffObject,
    {
      id: handoff.id,
      situationId: handoff.situationId,
      caseCode: context.caseCode,
      followUpId: handoff.followUpId,
      receivingOrganisationId: handoff.receivingOrganisationId,
      receivingOrganisationName: context.receivingOrganisationName,
      proposedByOrganisationId: handoff.proposedByOrganisationId,
      proposedByOrganisationName: context.proposedByOrganisationName,
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
      remindersSentAt: context.remindersSentAt,
    },
    view,
  );
  return { ...gated, view };
}

/** What the hand-off document adds about the person: her name, printed only as the gate allows. */
class HandoffDocumentFacts {
  @Categorized(DataCategory.IDENTITY)
  personName!: string | null;

  redactedFields!: string[];
}

/** The person's name for the document, through the same gate as the hand-off (with what it shows). */
export function gatePersonName(view: RowView, personName: string | null): Gated<HandoffDocumentFacts> {
  return gateFields(HandoffDocumentFacts, { personName }, view);
}
