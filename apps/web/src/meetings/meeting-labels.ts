import { REFERRER_KIND_LABELS } from '../referrals/referral-labels';
/**
 * The words of the cell's meetings, one mapping for every meeting page (preparation, meeting mode,
 * minutes): the same as the api's and the documents'.
 */
export type MeetingStatus = 'PLANNED' | 'AGENDA_PUBLISHED' | 'HELD' | 'MINUTES_PUBLISHED' | 'CANCELLED';
export type AgendaItemKind = 'NEW' | 'REVIEW' | 'RE_EXAMINATION';
export type SuggestionReason =
  'ACCEPTED_NOT_SCHEDULED' | 'REVIEW_DATE_REACHED' | 'OVERDUE_ACTIONS' | 'DEROGATION_TO_REVIEW';
export type ReferrerKind =
  'ASSOCIATION' | 'CARE_OR_SUPPORT' | 'HOUSING' | 'JUSTICE_POLICE' | 'MUNICIPAL' | 'OTHER' | 'SOCIAL';

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: 'Prévue',
  AGENDA_PUBLISHED: 'Ordre du jour publié',
  HELD: 'Tenue',
  MINUTES_PUBLISHED: 'Compte rendu publié',
  CANCELLED: 'Annulée',
};

/** The status as a word; a status this client does not know yet is shown as the api sent it. */
export function meetingStatusLabel(status: string): string {
  return MEETING_STATUS_LABELS[status as MeetingStatus] ?? status;
}

/** The status tag's tone: a second cue after the word (`status-tag-…` in the stylesheet). */
export function meetingStatusTone(status: string): 'attention' | 'waiting' | 'done' | undefined {
  switch (status) {
    case 'PLANNED':
      return 'attention';
    case 'AGENDA_PUBLISHED':
    case 'HELD':
      return 'waiting';
    case 'MINUTES_PUBLISHED':
      return 'done';
    default:
      return undefined;
  }
}

export const AGENDA_ITEM_KIND_LABELS: Record<AgendaItemKind, string> = {
  NEW: 'Nouvelle situation',
  REVIEW: 'Point de suivi',
  RE_EXAMINATION: 'Réexamen',
};

export function agendaItemKindLabel(kind: string): string {
  return AGENDA_ITEM_KIND_LABELS[kind as AgendaItemKind] ?? kind;
}

/** Why Relais proposed a situation, in short; the suggestion's own explanation gives its date or count. */
export const SUGGESTION_REASON_LABELS: Record<SuggestionReason, string> = {
  ACCEPTED_NOT_SCHEDULED: 'Saisine acceptée, jamais inscrite',
  REVIEW_DATE_REACHED: 'Réexamen prévu avant la séance',
  OVERDUE_ACTIONS: 'Actions en retard',
  DEROGATION_TO_REVIEW: 'Dérogation à revoir',
};

export function suggestionReasonLabel(reason: string): string {
  return SUGGESTION_REASON_LABELS[reason as SuggestionReason] ?? reason;
}

export function referrerKindLabel(kind: string): string {
  return REFERRER_KIND_LABELS[kind as ReferrerKind] ?? kind;
}

/** « 1 h 30 », « 45 min », « 2 h ». */
export function writtenDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

/** The meeting's pages, by address: preparation, meeting mode and minutes. */
export const meetingPaths = {
  list: '/seances',
  plan: '/seances/nouvelle',
  agenda: (meetingId: string) => `/seances/${meetingId}/ordre-du-jour`,
  meetingMode: (meetingId: string) => `/seances/${meetingId}/en-seance`,
  minutes: (meetingId: string) => `/seances/${meetingId}/compte-rendu`,
  agendaPdf: (meetingId: string) => `/documents/meetings/${meetingId}/agenda.pdf`,
};
