import { ConsentObject, ConsentPurpose } from '@relais/consent';
import { DataCategory } from '@relais/access';
import { FollowUpObject, HandoffObject } from '@relais/followups';
import { MinutesItemObject } from '@relais/meetings';
import { ReferralObject } from '@relais/referrals';
import { ActionOrigin, SituationRecord } from '@relais/situations';
import {
  PPCS_FORMAT,
  PpcsActionType,
  PpcsDocument,
  PpcsProblemDomain,
  PpcsProfessionalRole,
} from './ppcs.model';

/** What the plan is built from: the situation and its context, each read through the field gate. */
export interface PpcsFacts {
  generatedAt: Date;
  situation: SituationRecord;
  referrals: readonly ReferralObject[];
  consents: readonly ConsentObject[];
  /** The situation's examinations by the cell, the oldest first. */
  minutesItems: readonly MinutesItemObject[];
  followUps: readonly FollowUpObject[];
  handoffs: readonly HandoffObject[];
  /** The territory's partners, as the directory names them. */
  organisations: ReadonlyMap<string, { name: string; kind: string }>;
  coordinationOrganisationId: string;
}

const PROBLEMS: Record<string, { domain: PpcsProblemDomain; label: string }> = {
  HOUSING_DEBT: { domain: 'HOUSING', label: 'Dette locative' },
  EVICTION_PROCEDURE: { domain: 'HOUSING', label: 'Procédure d’expulsion' },
  NEIGHBOUR_DISTURBANCE: { domain: 'HOUSING', label: 'Troubles du voisinage' },
  HYGIENE_HOARDING: { domain: 'HOUSING', label: 'Incurie, accumulation (syndrome de Diogène)' },
  CARE_INTERRUPTION: { domain: 'HEALTH', label: 'Rupture de soins' },
  NO_GP: { domain: 'HEALTH', label: 'Pas de médecin traitant' },
  SOCIAL_RIGHTS: { domain: 'SOCIAL', label: 'Accès aux droits' },
  ISOLATION: { domain: 'SOCIAL', label: 'Isolement' },
  SAFETY_RISK: { domain: 'SAFETY', label: 'Risque pour la sécurité' },
  OTHER: { domain: 'OTHER', label: 'Autre difficulté' },
};

/** An action's type follows the partner that carries it: the one thing Relais knows of its nature. */
const ACTION_TYPES: Record<string, PpcsActionType> = {
  PSYCHIATRY: 'CARE',
  SOCIAL: 'SOCIAL_SUPPORT',
  MEDICO_SOCIAL: 'SOCIAL_SUPPORT',
  ASSOCIATION: 'SOCIAL_SUPPORT',
  PEER_SUPPORT: 'SOCIAL_SUPPORT',
  HOUSING: 'HOUSING',
  MUNICIPAL: 'COORDINATION',
};

const TEAM_FUNCTIONS: Record<string, string> = {
  PATHWAY_COORDINATOR: 'Coordination du parcours (trinôme)',
  FAMILY_SOCIAL_WORKER: 'TISF (trinôme)',
  PSYCHIATRIC_PROFESSIONAL: 'Professionnel·le de psychiatrie (trinôme)',
};

/**
 * Whether the identity may travel with the plan: a consent in force naming the hand-over and
 * identity. The gate has already decided what the coordination reads; this narrows it to what the
 * person agreed to hand over.
 */
export function identityMayTravel(consents: readonly ConsentObject[]): boolean {
  return consents.some(
    (consent) =>
      consent.inForce &&
      consent.purposes.includes(ConsentPurpose.HANDOFF) &&
      consent.dataCategories.includes(DataCategory.IDENTITY),
  );
}

/** The PPCS of a situation, from what its reader was shown. */
export function buildPpcs(facts: PpcsFacts): PpcsDocument {
  const { situation } = facts;
  const day = (moment: Date | null) => (moment ? moment.toISOString().slice(0, 10) : null);
  const organisation = (id: string) => facts.organisations.get(id) ?? { name: 'Partenaire', kind: 'UNKNOWN' };

  const professionals = new Map<string, PpcsDocument['professionals'][number]>();
  const involve = (
    organisationId: string,
    role: PpcsProfessionalRole,
    person?: { name: string; function: string },
  ) => {
    const known = organisation(organisationId);
    const entry = professionals.get(organisationId) ?? {
      organisationId,
      organisationName: known.name,
      organisationKind: known.kind,
      roles: [],
      people: [],
    };
    if (!entry.roles.includes(role)) entry.roles.push(role);
    if (
      person &&
      !entry.people.some((known) => known.name === person.name && known.function === person.function)
    )
      entry.people.push(person);
    professionals.set(organisationId, entry);
  };
  involve(facts.coordinationOrganisationId, 'COORDINATION');
  for (const member of situation.circle ?? []) involve(member.organisationId, 'CIRCLE');
  for (const followUp of facts.followUps)
    for (const seat of followUp.team)
      if (seat.organisationId)
        involve(
          seat.organisationId,
          'FOLLOW_UP_TEAM',
          seat.holderName
            ? { name: seat.holderName, function: TEAM_FUNCTIONS[seat.role] ?? seat.role }
            : undefined,
        );
  for (const action of situation.actions) involve(action.ownerOrganisationId, 'ACTION_OWNER');
  for (const handoff of facts.handoffs)
    if (handoff.status !== 'DECLINED')
      involve(
        handoff.receivingOrganisationId,
        'HANDOFF_RECEIVER',
        handoff.referentName ? { name: handoff.referentName, function: 'Référent du relais' } : undefined,
      );

  const problemCodes = [...new Set(facts.referrals.flatMap((referral) => referral.difficultyAreas ?? []))];
  const answers = facts.minutesItems.map((item) => item.personAnswer).filter((answer) => answer !== null);
  const inForce = facts.consents.find((consent) => consent.inForce);
  const identity = identityMayTravel(facts.consents) ? situation.identity : null;
  const objectives = facts.followUps.flatMap((followUp) =>
    followUp.objectives.map((objective) => ({
      id: objective.id,
      text: objective.text ?? '',
      status: objective.status,
      reached: objective.status === 'ACHIEVED',
    })),
  );

  return {
    format: PPCS_FORMAT,
    generatedAt: facts.generatedAt.toISOString(),
    plan: {
      situationId: situation.id,
      status: situation.status,
      statusLabel: situation.statusLabel,
      elaboratedOn: day(situation.openedAt)!,
      nextReviewOn: situation.nextReviewOn,
      closedOn: day(situation.closedAt),
    },
    person: {
      caseCode: situation.person.caseCode,
      pseudonym: situation.person.pseudonym,
      identity: identity
        ? {
            lastName: identity.lastName,
            firstName: identity.firstName,
            birthDate: identity.birthDate,
            address: identity.address,
            phone: identity.phone,
            protectionMeasure: identity.protectionMeasure,
            representative:
              [identity.representativeName, identity.representativeContact].filter(Boolean).join(', ') ||
              null,
          }
        : null,
    },
    professionals: [...professionals.values()],
    problems: problemCodes.map((code) => ({ code, ...(PROBLEMS[code] ?? { domain: 'OTHER', label: code }) })),
    wishes: {
      questionToCell: facts.referrals.find((referral) => referral.questionToCell)?.questionToCell ?? null,
      wishesToAttend: inForce ? inForce.wishesToAttend : null,
      answerToProposals: answers.at(-1) ?? null,
    },
    actions: situation.actions.map((action) => ({
      id: action.id,
      type:
        action.origin === ActionOrigin.DEROGATION
          ? 'INFORMATION'
          : (ACTION_TYPES[organisation(action.ownerOrganisationId).kind] ?? 'OTHER'),
      description: action.description,
      ownerOrganisationId: action.ownerOrganisationId,
      ownerOrganisationName: organisation(action.ownerOrganisationId).name,
      dueOn: action.dueOn,
      status: action.status,
      outcome: action.outcome,
      origin: action.origin,
    })),
    objectives,
    objectivesNotReached: objectives
      .filter((objective) => !objective.reached)
      .map((objective) => objective.id),
  };
}
