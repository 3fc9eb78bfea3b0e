import { registerEnumType } from '@nestjs/graphql';

/** What a reminder is about; each kind has a policy a territory may tune (`reminder-policy.ts`). */
export enum ReminderKind {
  ACTION_DUE = 'ACTION_DUE',
  ACTION_OVERDUE = 'ACTION_OVERDUE',
  CALL_FOR_ITEMS = 'CALL_FOR_ITEMS',
  AGENDA_PUBLISHED = 'AGENDA_PUBLISHED',
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
  CONSENT_EXPIRING = 'CONSENT_EXPIRING',
  CONSENT_EXPIRED = 'CONSENT_EXPIRED',
  FOLLOW_UP_REVIEW_DUE = 'FOLLOW_UP_REVIEW_DUE',
  FOLLOW_UP_OVERRUN = 'FOLLOW_UP_OVERRUN',
  TEAM_VACANCY = 'TEAM_VACANCY',
  HANDOFF_UNANSWERED = 'HANDOFF_UNANSWERED',
  REFERRAL_NOT_ACKNOWLEDGED = 'REFERRAL_NOT_ACKNOWLEDGED',
  DEROGATION_AWAITING_APPROVAL = 'DEROGATION_AWAITING_APPROVAL',
  PERSON_TO_INFORM = 'PERSON_TO_INFORM',
  PERSON_ANSWER_MISSING = 'PERSON_ANSWER_MISSING',
  SITUATION_INACTIVE = 'SITUATION_INACTIVE',
  REVIEW_DATE_REACHED = 'REVIEW_DATE_REACHED',
}

export const ALL_REMINDER_KINDS: readonly ReminderKind[] = Object.values(ReminderKind);

export enum ReminderStatus {
  SCHEDULED = 'SCHEDULED',
  SENT = 'SENT',
  /** Fired, but its subject no longer called for it (action done, consent renewed…). */
  SKIPPED = 'SKIPPED',
  /** Withdrawn before its time (subject resolved, consent withdrawn, date moved). */
  CANCELLED = 'CANCELLED',
}

/** How a user receives notification e-mails. */
export enum EmailMode {
  IMMEDIATE = 'IMMEDIATE',
  DAILY_DIGEST = 'DAILY_DIGEST',
  NONE = 'NONE',
}

export enum MailStatus {
  /** No e-mail for this notification (user's choice, or no SMTP configured). */
  NONE = 'NONE',
  PENDING_IMMEDIATE = 'PENDING_IMMEDIATE',
  PENDING_DIGEST = 'PENDING_DIGEST',
  SENT = 'SENT',
}

registerEnumType(ReminderKind, {
  name: 'ReminderKind',
  description: 'Sorte de rappel.',
  valuesMap: {
    ACTION_DUE: { description: 'Une action arrive à échéance (par défaut 7 jours et 1 jour avant).' },
    ACTION_OVERDUE: { description: 'Une action a passé son échéance sans être faite.' },
    CALL_FOR_ITEMS: { description: 'Appel à situations pour la prochaine séance de la cellule.' },
    AGENDA_PUBLISHED: { description: "L'ordre du jour d'une séance est publié." },
    MINUTES_PUBLISHED: { description: "Le compte rendu d'une séance est publié." },
    CONSENT_EXPIRING: { description: "L'accord de la personne arrive bientôt à échéance." },
    CONSENT_EXPIRED: {
      description: "L'accord de la personne est échu (le lendemain de sa date d'échéance).",
    },
    FOLLOW_UP_REVIEW_DUE: { description: "Point d'étape d'un accompagnement." },
    FOLLOW_UP_OVERRUN: { description: 'Un accompagnement dépasse sa fin prévue.' },
    TEAM_VACANCY: { description: "Un rôle de l'équipe d'accompagnement est vacant." },
    HANDOFF_UNANSWERED: { description: 'Un passage de relais proposé reste sans réponse.' },
    REFERRAL_NOT_ACKNOWLEDGED: {
      description: "Une saisine transmise n'est pas prise en compte (délai en jours ouvrés).",
    },
    DEROGATION_AWAITING_APPROVAL: { description: 'Une dérogation au consentement attend sa validation.' },
    PERSON_TO_INFORM: { description: 'La personne est à informer du partage fait par dérogation.' },
    PERSON_ANSWER_MISSING: {
      description: 'La réponse de la personne aux propositions de la cellule est attendue.',
    },
    SITUATION_INACTIVE: { description: "Une situation suivie n'a plus d'activité depuis un moment." },
    REVIEW_DATE_REACHED: { description: "La date de réexamen d'une situation est atteinte." },
  },
});
registerEnumType(EmailMode, {
  name: 'EmailMode',
  description: 'Envoi des notifications par e-mail : chacune, un résumé quotidien, ou aucun.',
  valuesMap: {
    IMMEDIATE: { description: 'Un e-mail pour chaque notification, dès qu’elle arrive.' },
    DAILY_DIGEST: { description: 'Un résumé quotidien des notifications.' },
    NONE: { description: 'Aucun e-mail : les notifications restent dans Relais.' },
  },
});
