import type { Labels } from '../referrals/new-referral/referral-labels';
import type { SchemaEnum } from '../referrals/referral-labels';
import { daysBetween, localCalendarDay } from '../referrals/calendar-day';
import { frenchCalendarDate } from '../ui/written-dates';

/*
 * The words of a hand-off (passage de relais): what the form asks, what the document and the
 * receiving service read. Typed by the schema, so a new value fails `tsc` until it has its words.
 * The statuses keep the situation page's mapping (situation-words.ts), so every page says the same.
 */

export type CmpFollowUpStatus = SchemaEnum<'CmpFollowUpStatus'>;
export type EvictionProcedureState = SchemaEnum<'EvictionProcedureState'>;
export type RightOpened = SchemaEnum<'RightOpened'>;
export type HandoffStatus = SchemaEnum<'HandoffStatus'>;

export const CMP_FOLLOW_UP_STATUSES: Labels<CmpFollowUpStatus> = {
  NONE: { label: 'Aucun suivi au CMP', description: 'La personne n’est pas suivie et rien n’est demandé.' },
  REQUESTED: { label: 'Suivi demandé au CMP', description: 'La demande est faite, sans rendez-vous fixé.' },
  APPOINTMENT_SET: {
    label: 'Rendez-vous fixé au CMP',
    description: 'Indiquez la date du premier rendez-vous plus bas.',
  },
  ONGOING: { label: 'Suivi en cours au CMP', description: 'La personne voit déjà l’équipe du CMP.' },
  NOT_NEEDED: { label: 'Suivi au CMP non nécessaire', description: 'L’équipe ne le juge pas utile.' },
};

export const EVICTION_PROCEDURE_STATES: Labels<EvictionProcedureState> = {
  NONE: { label: 'Aucune procédure' },
  PRE_LITIGATION: {
    label: 'Phase précontentieuse',
    description: 'Relances, commandement de payer : avant toute assignation.',
  },
  SUMMONS: { label: 'Assignation devant le tribunal' },
  JUDGMENT: { label: 'Jugement d’expulsion rendu' },
  EVICTION_ORDERED: { label: 'Concours de la force publique accordé' },
  SUSPENDED: { label: 'Procédure suspendue', description: 'Plan d’apurement, délais accordés, trêve…' },
};

export const RIGHTS_OPENED: Labels<RightOpened> = {
  HOUSING_ALLOWANCE: { label: 'Aide au logement', description: 'APL, ALS ou ALF.' },
  FSL: { label: 'Fonds de solidarité pour le logement (FSL)' },
  RSA: { label: 'Revenu de solidarité active (RSA)' },
  AAH: { label: 'Allocation aux adultes handicapés (AAH)' },
  DISABILITY_RECOGNITION: {
    label: 'Reconnaissance du handicap par la MDPH',
    description: 'RQTH, orientation vers un service ou un établissement.',
  },
  HEALTH_COVERAGE: {
    label: 'Couverture maladie',
    description: 'Assurance maladie, complémentaire santé solidaire.',
  },
  PROTECTION_MEASURE: { label: 'Mesure de protection juridique', description: 'Curatelle, tutelle…' },
  OTHER: { label: 'Autre droit', description: 'Précisez-le dans les contacts ou les risques.' },
};

/** A colour family per status, a second cue after the words (`status-tag-…`). */
export const HANDOFF_STATUS_TONES: Record<HandoffStatus, 'waiting' | 'done' | 'attention'> = {
  PROPOSED: 'waiting',
  ACCEPTED: 'done',
  DECLINED: 'attention',
};

/** « proposé aujourd’hui », « proposé hier », « proposé il y a 3 jours », « il y a 2 mois » from 60 days. */
export function proposedAgoWords(proposedAt: string, today: string = localCalendarDay()): string {
  const days = daysBetween(localCalendarDay(new Date(proposedAt)), today);
  if (!Number.isFinite(days) || days <= 0) return 'proposé aujourd’hui';
  if (days === 1) return 'proposé hier';
  if (days < 60) return `proposé il y a ${days} jours`;
  return `proposé il y a ${Math.floor(days / 30)} mois`;
}

/** « Aucune relance », « 1 relance, le 3 décembre 2026 », « 2 relances, la dernière le … ». */
export function remindersWords(sentAt: readonly string[]): string {
  if (!sentAt.length) return 'Aucune relance envoyée';
  const last = [...sentAt].sort().at(-1)!;
  const day = frenchCalendarDate(localCalendarDay(new Date(last)), { weekday: false });
  return sentAt.length === 1 ? `1 relance, le ${day}` : `${sentAt.length} relances, la dernière le ${day}`;
}
