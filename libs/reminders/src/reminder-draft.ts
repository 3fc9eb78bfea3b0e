import { ReminderKind } from './domain/reminder-kind';

export interface Recipient {
  readonly userId: string;
  readonly organisationId: string;
  /** Coordinators hear of every situation of their cell; others through the person's consent. */
  readonly coordinator: boolean;
}

/** A reminder to write: everything but its id and status. */
export interface ReminderDraft {
  readonly territoryId: string;
  readonly kind: ReminderKind;
  readonly subject: { readonly type: string; readonly id: string };
  readonly personId: string | null;
  readonly situationId: string | null;
  readonly recipient: Recipient;
  readonly dueAt: Date;
  readonly occurrence: number;
  /**
   * What the subject's date was when planned (an action's due date, a consent's expiry): a new
   * date gives new reminders, while planning again for the same one finds the same rows.
   */
  readonly basis: string;
}

export function dedupeKey(draft: ReminderDraft): string {
  return [
    draft.kind,
    draft.subject.type,
    draft.subject.id,
    draft.basis,
    draft.occurrence,
    draft.recipient.userId,
  ].join(':');
}

/** A reminder as Redis needs it: its id (the job id) and when it is due. */
export interface ScheduledReminder {
  readonly id: string;
  readonly dueAt: Date;
}
