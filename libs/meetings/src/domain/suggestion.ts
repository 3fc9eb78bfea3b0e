import { frenchDate } from '@relais/config';
import { AgendaItemKind, SuggestionReason } from './meeting.enums';

/** Most pressing first: a situation proposed for several reasons is proposed once, for this one. */
export const SUGGESTION_PRIORITY: readonly SuggestionReason[] = [
  SuggestionReason.DEROGATION_TO_REVIEW,
  SuggestionReason.OVERDUE_ACTIONS,
  SuggestionReason.REVIEW_DATE_REACHED,
  SuggestionReason.ACCEPTED_NOT_SCHEDULED,
];

export const SUGGESTED_KIND: Record<SuggestionReason, AgendaItemKind> = {
  ACCEPTED_NOT_SCHEDULED: AgendaItemKind.NEW,
  REVIEW_DATE_REACHED: AgendaItemKind.REVIEW,
  OVERDUE_ACTIONS: AgendaItemKind.RE_EXAMINATION,
  DEROGATION_TO_REVIEW: AgendaItemKind.REVIEW,
};

export function explainSuggestion(reason: SuggestionReason, detail: string | null): string {
  switch (reason) {
    case SuggestionReason.ACCEPTED_NOT_SCHEDULED:
      return `Saisine acceptée${detail ? ` le ${frenchDate(detail)}` : ''}, pas encore inscrite à une séance.`;
    case SuggestionReason.REVIEW_DATE_REACHED:
      return `Réexamen prévu le ${detail ? frenchDate(detail) : '—'}, avant cette séance.`;
    case SuggestionReason.OVERDUE_ACTIONS:
      return `${detail ?? 'Des'} action(s) en retard à la date de la séance.`;
    case SuggestionReason.DEROGATION_TO_REVIEW:
      return 'Partage sans consentement (dérogation) à revoir en séance.';
  }
}
