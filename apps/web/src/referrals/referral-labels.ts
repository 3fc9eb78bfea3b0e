import { graphql } from '../graphql/graphql';

/*
 * The words of what a referral became. What the form asks (difficulties, requests, the consent's
 * scope) keeps the words the form used: new-referral/referral-labels.ts.
 */

/** A GraphQL enum of the committed schema, as a union of its values. */
export type SchemaEnum<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

export type ReferralStatus = SchemaEnum<'ReferralStatus'>;
export type SituationStatus = SchemaEnum<'SituationStatus'>;

/**
 * The words the api uses for a referral's status (`statusLabel`), for the history, whose steps
 * come without one. Lists and pages show the api's own `statusLabel` where it is sent.
 */
export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Envoyée',
  PRE_REVIEW: 'En pré-examen',
  ACCEPTED: 'Acceptée',
  REDIRECTED: 'Réorientée',
  NEEDS_CONSENT: 'Accord à recueillir',
  WITHDRAWN: 'Retirée',
};

/** The words the api uses for a situation's status (`Situation.statusLabel`). */
export const SITUATION_STATUS_LABELS: Record<SituationStatus, string> = {
  ACCEPTED: 'Acceptée',
  SCHEDULED: 'Inscrite à l’ordre du jour',
  EXAMINED: 'Examinée',
  ACTIONS_IN_PROGRESS: 'Actions en cours',
  REVIEW_DUE: 'À réexaminer',
  CLOSED: 'Close',
};

export const REDIRECT_TARGET_LABELS: Record<SchemaEnum<'RedirectTarget'>, string> = {
  DAC: 'Dispositif d’appui à la coordination (DAC)',
  MDPH: 'Maison départementale des personnes handicapées (MDPH)',
  CCAPEX: 'Commission de coordination des actions de prévention des expulsions (CCAPEX)',
  CLSPD: 'Conseil local de sécurité et de prévention de la délinquance (CLSPD)',
  EMERGENCY_SERVICES: 'Services d’urgence',
  OTHER: 'Autre instance',
};

/** Short names for a narrow column; the referral's page gives the full name. */
export const REDIRECT_TARGET_SHORT_LABELS: Record<SchemaEnum<'RedirectTarget'>, string> = {
  DAC: 'DAC',
  MDPH: 'MDPH',
  CCAPEX: 'CCAPEX',
  CLSPD: 'CLSPD',
  EMERGENCY_SERVICES: 'services d’urgence',
  OTHER: 'autre instance',
};

export const CONSENT_STATUS_LABELS: Record<SchemaEnum<'ConsentStatus'>, string> = {
  GIVEN: 'Accord donné',
  REFUSED: 'Accord refusé',
  WITHDRAWN: 'Accord retiré',
  DEROGATION: 'Partage sur dérogation',
};

/** Who referred, told without disclosing care: the api groups psychiatry, medico-social and peer support. */
export const REFERRER_KIND_LABELS: Record<SchemaEnum<'ReferrerKind'>, string> = {
  HOUSING: 'Bailleur social',
  SOCIAL: 'Service social',
  CARE_OR_SUPPORT: 'Partenaire du soin ou de l’accompagnement',
  MUNICIPAL: 'Commune',
  JUSTICE_POLICE: 'Police ou justice',
  ASSOCIATION: 'Association',
  OTHER: 'Autre partenaire',
};
