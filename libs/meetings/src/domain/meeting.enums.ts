import { registerEnumType } from '@nestjs/graphql';

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  HELD = 'HELD',
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus', description: "État d'une séance de la cellule." });

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: 'Prévue',
  AGENDA_PUBLISHED: 'Ordre du jour publié',
  HELD: 'Tenue',
  MINUTES_PUBLISHED: 'Compte rendu publié',
  CANCELLED: 'Annulée',
};

export enum AgendaItemKind {
  NEW = 'NEW',
  REVIEW = 'REVIEW',
  RE_EXAMINATION = 'RE_EXAMINATION',
}
registerEnumType(AgendaItemKind, {
  name: 'AgendaItemKind',
  description: 'Nouvelle situation, point de suivi ou réexamen.',
});

export enum InviteeKind {
  PERMANENT = 'PERMANENT',
  SUBSTITUTE = 'SUBSTITUTE',
}
registerEnumType(InviteeKind, { name: 'InviteeKind', description: 'Membre permanent ou suppléant.' });

/** Why Relais proposes a situation for a meeting. */
export enum SuggestionReason {
  ACCEPTED_NOT_SCHEDULED = 'ACCEPTED_NOT_SCHEDULED',
  REVIEW_DATE_REACHED = 'REVIEW_DATE_REACHED',
  OVERDUE_ACTIONS = 'OVERDUE_ACTIONS',
  DEROGATION_TO_REVIEW = 'DEROGATION_TO_REVIEW',
}
registerEnumType(SuggestionReason, {
  name: 'SuggestionReason',
  description: 'Pourquoi Relais propose une situation pour une séance.',
  valuesMap: {
    ACCEPTED_NOT_SCHEDULED: { description: 'Saisine acceptée, jamais inscrite.' },
    REVIEW_DATE_REACHED: { description: 'Le réexamen prévu tombe avant la séance.' },
    OVERDUE_ACTIONS: { description: 'Des actions sont en retard à la date de la séance.' },
    DEROGATION_TO_REVIEW: { description: 'Une dérogation validée n’a pas été revue depuis.' },
  },
});

/** The agenda may change only before it is published. */
export const AGENDA_EDITABLE: readonly MeetingStatus[] = [MeetingStatus.PLANNED];

export const MEETING_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  PLANNED: [MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.CANCELLED],
  AGENDA_PUBLISHED: [MeetingStatus.HELD, MeetingStatus.CANCELLED],
  HELD: [MeetingStatus.MINUTES_PUBLISHED],
  MINUTES_PUBLISHED: [],
  CANCELLED: [],
};

export function canMoveMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return MEETING_TRANSITIONS[from].includes(to);
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  EXCUSED = 'EXCUSED',
  REPRESENTED = 'REPRESENTED',
}
registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Présent·e, excusé·e, ou représenté·e par un·e suppléant·e.',
});

/** The person's answer once told of the cell's proposals. */
export enum PersonAnswer {
  AGREES = 'AGREES',
  PARTLY_AGREES = 'PARTLY_AGREES',
  DISAGREES = 'DISAGREES',
  NO_ANSWER = 'NO_ANSWER',
}
registerEnumType(PersonAnswer, {
  name: 'PersonAnswer',
  description: 'Réponse de la personne aux propositions.',
});
