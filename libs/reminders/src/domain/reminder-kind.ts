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

registerEnumType(ReminderKind, { name: 'ReminderKind', description: 'Sorte de rappel.' });
registerEnumType(EmailMode, {
  name: 'EmailMode',
  description: 'Envoi des notifications par e-mail : chacune, un résumé quotidien, ou aucun.',
});
