import { Gated, gateFields, LOGISTIC_VIEW, RowView } from '@relais/access';
import { situationEventLabel } from './domain/event-kind';
import { ActionObject, SituationEventObject } from './dto/situation.objects';
import { SituationAction, SituationEvent } from './entities';

/**
 * An action as its readers see it, with the case code of the person it concerns. Every exposed
 * field is logistic (the description and the outcome are written for and by the partner who acts),
 * so any reader of the row sees it all; the gate still decides.
 */
export function toActionObject(action: SituationAction, caseCode: string): ActionObject {
  return gateFields(
    ActionObject,
    {
      id: action.id,
      situationId: action.situationId,
      caseCode,
      description: action.description,
      ownerOrganisationId: action.ownerOrganisationId,
      ownerUserId: action.ownerUserId,
      dueOn: action.dueOn,
      status: action.status,
      origin: action.origin,
      outcome: action.outcome,
    },
    LOGISTIC_VIEW,
  ).value;
}

/** A timeline line through the gate, for a reader whose view of the line is `view`. */
export function gateEvent(event: SituationEvent, view: RowView): Gated<SituationEventObject> {
  return gateFields(
    SituationEventObject,
    {
      id: event.id,
      kind: event.kind,
      label: situationEventLabel(event.kind),
      category: event.category,
      actorOrganisationId: event.actorOrganisationId,
      audienceOrganisationId: event.audienceOrganisationId,
      occurredAt: event.occurredAt,
    },
    view,
  );
}
