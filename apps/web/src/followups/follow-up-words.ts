import type { SchemaEnum } from '../referrals/referral-labels';
import { FOLLOW_UP_PHASE_LABELS, TEAM_ROLE_LABELS } from '../situations/situation-words';
import { frenchCalendarDate } from '../ui/written-dates';

/*
 * The words of the follow-up team's pages. Phases, kinds and roles keep the situations' mapping
 * (situation-words.ts), so a follow-up reads the same on a situation's page and here.
 */

export type FollowUpPhase = SchemaEnum<'FollowUpPhase'>;
export type ActType = SchemaEnum<'ActType'>;
export type TeamRole = SchemaEnum<'TeamRole'>;
export type ObjectiveStatus = SchemaEnum<'ObjectiveStatus'>;
export type VacancyReason = SchemaEnum<'VacancyReason'>;

export {
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_PHASE_LABELS,
  TEAM_ROLE_LABELS,
} from '../situations/situation-words';

/** The order the api moves a follow-up through, one phase at a time. */
export const PHASE_ORDER: readonly FollowUpPhase[] = [
  'ORIENTATION',
  'ASSESSMENT',
  'SUPPORT',
  'HANDOFF',
  'ENDED',
];

/**
 * The phase a team member may move to from `phase`, or undefined: the last one before the end
 * (« Terminé ») is reached only by ending the follow-up, which is not done from this button.
 */
export function nextPhase(phase: FollowUpPhase): FollowUpPhase | undefined {
  const next = PHASE_ORDER[PHASE_ORDER.indexOf(phase) + 1];
  return next && next !== 'ENDED' ? next : undefined;
}

/** What each phase is for, in a line. */
export const PHASE_DESCRIPTIONS: Record<FollowUpPhase, string> = {
  ORIENTATION: 'Premiers contacts : l’équipe se compose et rencontre la personne.',
  ASSESSMENT: 'L’équipe évalue la situation avec la personne.',
  SUPPORT: 'L’équipe soutient la personne ; les trois rôles doivent être tenus.',
  HANDOFF: 'L’équipe prépare le passage de relais vers le droit commun.',
  ENDED: 'L’accompagnement est terminé.',
};

/** The seats in the order the team is presented. */
export const TEAM_ROLES: readonly TeamRole[] = [
  'PATHWAY_COORDINATOR',
  'FAMILY_SOCIAL_WORKER',
  'PSYCHIATRIC_PROFESSIONAL',
];

/** A seat in full words: « Coordination du parcours (éducateur·rice) ». */
export const TEAM_ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  PATHWAY_COORDINATOR: `${TEAM_ROLE_LABELS.PATHWAY_COORDINATOR} (éducateur·rice spécialisé·e)`,
  FAMILY_SOCIAL_WORKER: `${TEAM_ROLE_LABELS.FAMILY_SOCIAL_WORKER} (technicien·ne de l’intervention sociale et familiale)`,
  PSYCHIATRIC_PROFESSIONAL: `${TEAM_ROLE_LABELS.PSYCHIATRIC_PROFESSIONAL} (infirmier·ère ou médecin)`,
};

export const VACANCY_LABELS: Record<VacancyReason, string> = {
  NOT_ASSIGNED: 'Vacant : personne n’est affecté à ce rôle aujourd’hui.',
  SUSPENDED: 'Vacant : le titulaire est suspendu, ou n’est plus membre du territoire.',
  ROLE_LOST: 'Vacant : le titulaire n’a plus le rôle d’accompagnement.',
  LEFT_ORGANISATION: 'Vacant : le titulaire a quitté l’organisation pour laquelle il tenait ce rôle.',
  NOT_A_HEALTH_PROFESSIONAL: 'Vacant : le titulaire n’est pas un professionnel de santé.',
};

/** The kinds of act, the home visit first: it is what the team records most, on the move. */
export const ACT_TYPES: readonly ActType[] = [
  'HOME_VISIT',
  'ACCOMPANIED_APPOINTMENT',
  'PHONE',
  'PARTNER_MEETING',
  'OTHER',
];

export const ACT_TYPE_LABELS: Record<ActType, string> = {
  HOME_VISIT: 'Visite à domicile',
  ACCOMPANIED_APPOINTMENT: 'Accompagnement à un rendez-vous',
  PHONE: 'Appel téléphonique',
  PARTNER_MEETING: 'Rencontre avec un partenaire',
  OTHER: 'Autre contact',
};

/** Only a home visit counts as « à domicile » in the follow-up's figures (the api has no other mark). */
export function isAtHome(type: ActType): boolean {
  return type === 'HOME_VISIT';
}

export const OBJECTIVE_STATUSES: readonly ObjectiveStatus[] = ['OPEN', 'ACHIEVED', 'ABANDONED'];

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
  OPEN: 'En cours',
  ACHIEVED: 'Atteint',
  ABANDONED: 'Abandonné',
};

/** The restriction of a health-only note, said before it is saved and wherever it is shown. */
export const HEALTH_NOTE_RESTRICTION =
  'Cette note ne sera lisible que par les professionnels de santé de l’équipe';

/** « 45 min », « 1 h », « 1 h 30 ». */
export function durationWords(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

/** « 67 % » for 0.666…; « 0 % » without any act. */
export function shareWords(share: number): string {
  return `${Math.round(share * 100)}\u202f%`;
}

/** « aujourd’hui », « hier », « il y a 12 jours »; « aucun contact » when there is none. */
export function daysSinceWords(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'Aucun contact enregistré';
  if (days <= 0) return 'Aujourd’hui';
  if (days === 1) return 'Hier';
  return `Il y a ${days} jours`;
}

/** « 3 actes », « 1 acte », « Aucun acte ». */
export function actsWords(count: number): string {
  if (count === 0) return 'Aucun acte';
  return count > 1 ? `${count} actes` : '1 acte';
}

/** « Remplacement du lundi 7 décembre 2026 au vendredi 18 décembre 2026 » (open ends said as such). */
export function replacementWords(replacement: { fromOn?: string | null; untilOn?: string | null }): string {
  const day = (value: string) => frenchCalendarDate(value, { weekday: false });
  const { fromOn, untilOn } = replacement;
  if (fromOn && untilOn) return `Remplacement du ${day(fromOn)} au ${day(untilOn)}`;
  if (fromOn) return `Remplacement à partir du ${day(fromOn)}`;
  if (untilOn) return `Remplacement jusqu’au ${day(untilOn)}`;
  return 'Remplacement';
}

/** « 0 renouvellement », « 1 renouvellement », « 2 renouvellements ». */
export function renewalsWords(count: number): string {
  if (count === 0) return 'Jamais renouvelé';
  return count > 1 ? `Renouvelé ${count} fois` : 'Renouvelé une fois';
}

/** How a phase reads in a sentence: « Phase : Évaluation ». */
export function phaseLabel(phase: FollowUpPhase): string {
  return FOLLOW_UP_PHASE_LABELS[phase];
}
