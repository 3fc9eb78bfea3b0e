import { DataCategory, Gated, gateFields, Principal, Relation, RowAccess, rowView } from '@relais/access';
import { ConsentStatus } from '@relais/consent';
import { Organisation, referrerKindOf } from '@relais/identity';
import { PersonIdentityObject, PersonObject, toPersonObject } from '@relais/situations';
import { FHIR_TASK_STATUS, REFERRAL_STATUS_LABELS } from './domain/referral-status';
import { MyReferralObject, ReferralObject, ReferralTransitionObject } from './dto/referral.objects';
import { Referral, ReferralTransition } from './entities';

/** A referral read with its person and the organisation that referred, in the same statement. */
export type LoadedReferral = Referral & { referrerOrganisation?: Organisation | null };

/** Who may hold the coordinator's duplicate warning, and who the history of the referral. */
export const mayReadDuplicate = (access: RowAccess) => access.relations.has(Relation.COORDINATOR);
export const mayReadTransitions = (access: RowAccess) =>
  access.relations.has(Relation.COORDINATOR) || access.relations.has(Relation.REFERRING_USER);

export interface ReferralViewParts {
  referral: LoadedReferral;
  /** The reader's relations to the row, read by the same statement as the row. */
  access: RowAccess;
  /** The identity its own rules (`PersonIdentity`) let this reader have; null otherwise. */
  identity: PersonIdentityObject | null;
  consentStatus: ConsentStatus | null;
  possibleDuplicate: PersonObject | null;
  /** Loaded for the single-referral read only. */
  transitions: readonly ReferralTransition[] | null;
}

/**
 * One referral through the field gate: the relations held on the row give the visible categories,
 * and the gate masks the rest (the pre-review's field list included). The duplicate warning and
 * the history are not for every relation: they are listed as masked before the gate.
 */
export function toReferralView(principal: Principal, parts: ReferralViewParts): Gated<ReferralObject> {
  const { referral, access } = parts;
  const view = rowView(principal, referral.territoryId, access);
  const { categories } = view;
  const preListed: string[] = [];
  if (!parts.identity) preListed.push('identity');
  if (!mayReadDuplicate(access)) preListed.push('possibleDuplicate');
  // Lists do not load the history: null there without being masked.
  if (!mayReadTransitions(access)) preListed.push('transitions');
  const transitions = mayReadTransitions(access) ? parts.transitions : null;
  const gatedTransitions = (transitions ?? []).map((transition) =>
    gateFields(ReferralTransitionObject, toTransitionObject(transition), { categories }),
  );
  const kind = referral.referrerOrganisation?.kind;
  const gated = gateFields(
    ReferralObject,
    {
      id: referral.id,
      territoryId: referral.territoryId,
      person: toPersonObject(referral.person!),
      identity: parts.identity,
      status: referral.status,
      statusLabel: REFERRAL_STATUS_LABELS[referral.status],
      fhirTaskStatus: FHIR_TASK_STATUS[referral.status],
      referrerUserId: referral.referrerUserId,
      referrerOrganisationId: referral.referrerOrganisationId,
      referrerKind: kind ? referrerKindOf(kind) : null,
      urgency: referral.urgency,
      requests: referral.requests,
      difficultyAreas: referral.difficultyAreas,
      servicesInvolved: referral.servicesInvolved,
      actionsTried: referral.actionsTried,
      blockages: referral.blockages,
      questionToCell: referral.questionToCell,
      description: referral.description,
      housingContext: referral.housingContext,
      healthInformation: referral.healthInformation,
      submittedAt: referral.submittedAt,
      decidedAt: referral.decidedAt,
      redirectTarget: referral.redirectTarget,
      redirectMessage: referral.redirectMessage,
      situationId: referral.situationId,
      consentStatus: parts.consentStatus,
      possibleDuplicate: parts.possibleDuplicate,
      transitions: transitions ? gatedTransitions.map((transition) => transition.value) : null,
      redactedFields: preListed,
    },
    view,
  );
  const shown = new Set<DataCategory>(gated.shown);
  if (gated.value.transitions) {
    for (const transition of gatedTransitions) for (const category of transition.shown) shown.add(category);
  }
  return { value: gated.value, shown: [...shown].sort() };
}

function toTransitionObject(
  transition: ReferralTransition,
): Omit<ReferralTransitionObject, 'redactedFields'> {
  return {
    fromStatus: transition.fromStatus,
    toStatus: transition.toStatus,
    actorUserId: transition.actorUserId,
    occurredAt: transition.occurredAt,
    reason: transition.reason,
  };
}

export interface MyReferralParts {
  referral: LoadedReferral;
  access: RowAccess;
  nextMeetingAt: Date | null;
  actionsForMyOrganisation: MyReferralObject['actionsForMyOrganisation'];
  actionsForMyOrganisationCount: number;
}

/** « Les saisines de mon organisation » : logistics only, through the same gate. */
export function toMyReferralView(principal: Principal, parts: MyReferralParts): Gated<MyReferralObject> {
  const { referral, access } = parts;
  const person = toPersonObject(referral.person!);
  return gateFields(
    MyReferralObject,
    {
      id: referral.id,
      caseCode: person.caseCode,
      pseudonym: person.pseudonym,
      status: referral.status,
      statusLabel: REFERRAL_STATUS_LABELS[referral.status],
      fhirTaskStatus: FHIR_TASK_STATUS[referral.status],
      submittedAt: referral.submittedAt,
      decidedAt: referral.decidedAt,
      redirectTarget: referral.redirectTarget,
      redirectMessage: referral.redirectMessage,
      situationStatus: referral.situation?.status ?? null,
      nextMeetingAt: parts.nextMeetingAt,
      actionsForMyOrganisation: parts.actionsForMyOrganisation,
      actionsForMyOrganisationCount: parts.actionsForMyOrganisationCount,
    },
    rowView(principal, referral.territoryId, access),
  );
}
