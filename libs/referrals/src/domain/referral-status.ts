import { registerEnumType } from '@nestjs/graphql';

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PRE_REVIEW = 'PRE_REVIEW',
  ACCEPTED = 'ACCEPTED',
  REDIRECTED = 'REDIRECTED',
  NEEDS_CONSENT = 'NEEDS_CONSENT',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  description: "État d'une saisine.",
  valuesMap: {
    DRAFT: { description: 'Brouillon : reste à l’organisation qui saisit tant qu’il n’est pas transmis.' },
    SUBMITTED: { description: 'Transmise à la cellule, en attente de la coordination.' },
    PRE_REVIEW: { description: 'En pré-examen anonyme par la cellule.' },
    ACCEPTED: { description: 'Acceptée : la situation est ouverte (ou complétée). État final.' },
    REDIRECTED: { description: 'Réorientée vers une autre instance. État final.' },
    NEEDS_CONSENT: {
      description:
        'Consentement à recueillir : l’auteur peut modifier la saisine, enregistrer l’accord, puis la transmettre à nouveau.',
    },
    WITHDRAWN: { description: 'Retirée par l’organisation qui a saisi. État final.' },
  },
});

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Envoyée',
  PRE_REVIEW: 'En pré-examen',
  ACCEPTED: 'Acceptée',
  REDIRECTED: 'Réorientée',
  NEEDS_CONSENT: 'Accord à recueillir',
  WITHDRAWN: 'Retirée',
};

/** HL7 FHIR R4 Task.status, for partners whose systems speak FHIR. */
export enum FhirTaskStatus {
  DRAFT = 'draft',
  REQUESTED = 'requested',
  RECEIVED = 'received',
  ACCEPTED = 'accepted',
  REJECTED = 'rejected',
  ON_HOLD = 'on-hold',
  CANCELLED = 'cancelled',
}

export const FHIR_TASK_STATUS: Record<ReferralStatus, FhirTaskStatus> = {
  DRAFT: FhirTaskStatus.DRAFT,
  SUBMITTED: FhirTaskStatus.REQUESTED,
  PRE_REVIEW: FhirTaskStatus.RECEIVED,
  ACCEPTED: FhirTaskStatus.ACCEPTED,
  // The cell does not take it on, and says who should: FHIR's "rejected" with a reason.
  REDIRECTED: FhirTaskStatus.REJECTED,
  NEEDS_CONSENT: FhirTaskStatus.ON_HOLD,
  WITHDRAWN: FhirTaskStatus.CANCELLED,
};

/** Who moves a referral, and where to; anything else answers INVALID_TRANSITION. */
export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  DRAFT: [ReferralStatus.SUBMITTED, ReferralStatus.WITHDRAWN],
  SUBMITTED: [
    ReferralStatus.PRE_REVIEW,
    ReferralStatus.REDIRECTED,
    ReferralStatus.NEEDS_CONSENT,
    ReferralStatus.WITHDRAWN,
  ],
  PRE_REVIEW: [
    ReferralStatus.ACCEPTED,
    ReferralStatus.REDIRECTED,
    ReferralStatus.NEEDS_CONSENT,
    ReferralStatus.WITHDRAWN,
  ],
  NEEDS_CONSENT: [ReferralStatus.SUBMITTED, ReferralStatus.WITHDRAWN],
  ACCEPTED: [],
  REDIRECTED: [],
  WITHDRAWN: [],
};

export function canMoveReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_TRANSITIONS[from].includes(to);
}

/** The referrer may still change the form and the consent. */
export const EDITABLE_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.DRAFT,
  ReferralStatus.NEEDS_CONSENT,
];

/** The cell sees the anonymous pre-review of these. */
export const CELL_VISIBLE_STATUSES: readonly ReferralStatus[] = [
  ReferralStatus.PRE_REVIEW,
  ReferralStatus.ACCEPTED,
];
