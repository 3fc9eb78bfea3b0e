import { registerEnumType } from '@nestjs/graphql';

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  HELD = 'HELD',
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: "État d'une séance de la cellule.",
  valuesMap: {
    PLANNED: { description: "Prévue : l'ordre du jour se prépare et peut encore changer." },
    AGENDA_PUBLISHED: { description: 'Ordre du jour publié : figé, les invités sont prévenus.' },
    HELD: { description: 'Tenue : le compte rendu est en brouillon, lu par la coordination seule.' },
    MINUTES_PUBLISHED: { description: 'Compte rendu publié : chacun le lit pour sa part.' },
    CANCELLED: { description: 'Annulée.' },
  },
});

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
  valuesMap: {
    NEW: { description: 'Nouvelle situation : présentée pour la première fois.' },
    REVIEW: { description: 'Point de suivi : situation déjà examinée, revue à la date prévue.' },
    RE_EXAMINATION: {
      description: 'Réexamen : la situation est rediscutée (par exemple, des actions en retard).',
    },
  },
});

export enum InviteeKind {
  PERMANENT = 'PERMANENT',
  SUBSTITUTE = 'SUBSTITUTE',
}
registerEnumType(InviteeKind, {
  name: 'InviteeKind',
  description: 'Membre permanent ou suppléant.',
  valuesMap: {
    PERMANENT: { description: 'Membre de la cellule, titulaire.' },
    SUBSTITUTE: { description: 'Suppléant·e d’un membre de la cellule.' },
  },
});

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
  valuesMap: {
    PRESENT: { description: 'Présent·e à la séance.' },
    EXCUSED: { description: 'Absent·e excusé·e.' },
    REPRESENTED: { description: 'Absent·e, représenté·e par un·e suppléant·e présent·e.' },
  },
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
  valuesMap: {
    AGREES: { description: 'La personne est d’accord.' },
    PARTLY_AGREES: { description: 'La personne est d’accord en partie.' },
    DISAGREES: { description: 'La personne n’est pas d’accord.' },
    NO_ANSWER: { description: 'La personne n’a pas répondu.' },
  },
});
