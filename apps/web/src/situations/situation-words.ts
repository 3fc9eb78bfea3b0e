import type { SchemaEnum } from '../referrals/referral-labels';
import { REFERRER_KIND_LABELS, SITUATION_STATUS_LABELS } from '../referrals/referral-labels';

/*
 * The words of a situation's page that no other page uses yet. Statuses and referrer kinds keep
 * the referrals' mapping (referral-labels.ts), so every page says the same.
 */

export type SituationStatus = SchemaEnum<'SituationStatus'>;
export type ReferrerKind = SchemaEnum<'ReferrerKind'>;

/** In the order a situation goes through them. */
export const SITUATION_STATUSES: readonly SituationStatus[] = [
  'ACCEPTED',
  'SCHEDULED',
  'EXAMINED',
  'ACTIONS_IN_PROGRESS',
  'REVIEW_DUE',
  'CLOSED',
];

/** Every status but « Close »: what the list shows unless asked otherwise. */
export const OPEN_SITUATION_STATUSES: readonly SituationStatus[] = SITUATION_STATUSES.filter(
  (status) => status !== 'CLOSED',
);

export const SITUATION_STATUS_OPTIONS = SITUATION_STATUSES.map((status) => ({
  value: status,
  label: SITUATION_STATUS_LABELS[status],
}));

export const REFERRER_KIND_OPTIONS = (Object.keys(REFERRER_KIND_LABELS) as ReferrerKind[]).map((kind) => ({
  value: kind,
  label: REFERRER_KIND_LABELS[kind],
}));

/** A colour family per status, a second cue after the words (`status-tag-…`). */
export const SITUATION_STATUS_TONES: Record<SituationStatus, 'attention' | 'waiting' | 'done' | 'closed'> = {
  ACCEPTED: 'attention',
  SCHEDULED: 'waiting',
  EXAMINED: 'waiting',
  ACTIONS_IN_PROGRESS: 'waiting',
  REVIEW_DUE: 'attention',
  CLOSED: 'closed',
};

export const CLOSURE_REASON_LABELS: Record<SchemaEnum<'ClosureReason'>, string> = {
  PLAN_COMPLETED_HANDED_TO_COMMON_LAW: 'Plan mené à bien, relais pris par le droit commun',
  PERSON_REFUSED: 'La personne a refusé',
  MOVED_OR_LOST_CONTACT: 'Déménagement ou contact perdu',
  DECEASED: 'Décès',
  REDIRECTED_OTHER_BODY: 'Réorientée vers une autre instance',
  NO_LONGER_COMPLEX: 'La situation n’est plus complexe',
};

/** Why a partner is in the circle, or why I may see something. */
export const LEGAL_BASIS_LABELS: Record<SchemaEnum<'LegalBasis'>, string> = {
  CONSENT: 'Consentement de la personne',
  DEROGATION: 'Dérogation au consentement',
  INVITATION: 'Invitation à une séance',
  MEMBERSHIP: 'Rôle dans le territoire',
  REFERRAL: 'Saisine',
  SELF: 'Vous-même ou votre organisation',
};

export const HANDOFF_STATUS_LABELS: Record<SchemaEnum<'HandoffStatus'>, string> = {
  PROPOSED: 'Proposé, en attente de réponse',
  ACCEPTED: 'Accepté',
  DECLINED: 'Décliné',
};

export const FOLLOW_UP_KIND_LABELS: Record<SchemaEnum<'FollowUpKind'>, string> = {
  ASSESSMENT: 'Diagnostic-évaluation',
  HOUSING_SUSTAINMENT: 'Maintien dans le logement',
};

export const FOLLOW_UP_PHASE_LABELS: Record<SchemaEnum<'FollowUpPhase'>, string> = {
  ORIENTATION: 'Orientation',
  ASSESSMENT: 'Évaluation',
  SUPPORT: 'Soutien',
  HANDOFF: 'Passage de relais',
  ENDED: 'Terminé',
};

export const TEAM_ROLE_LABELS: Record<SchemaEnum<'TeamRole'>, string> = {
  PATHWAY_COORDINATOR: 'Coordination du parcours',
  FAMILY_SOCIAL_WORKER: 'TISF',
  PSYCHIATRIC_PROFESSIONAL: 'Professionnel·le de la psychiatrie',
};

/** « 2 actions ouvertes », « 1 action ouverte », « Aucune action ouverte ». */
export function openActionsWords(count: number): string {
  if (count === 0) return 'Aucune action ouverte';
  return count > 1 ? `${count} actions ouvertes` : '1 action ouverte';
}

/** The categories read, as the access log names them (« identité, logement »). */
const CATEGORY_WORDS: Readonly<Record<string, string>> = {
  LOGISTIC: 'informations pratiques',
  IDENTITY: 'identité',
  HOUSING: 'logement',
  SOCIAL_CONFIDENTIAL: 'informations sociales confidentielles',
  HEALTH_SECRET: 'informations de santé',
};

export function categoryWords(categories: readonly string[]): string {
  return categories.map((category) => CATEGORY_WORDS[category] ?? category).join(', ');
}
