import { parisDate } from '@relais/config';
import { Consent, consentInForceSql, isConsentInForce } from '@relais/consent';
import { EntityManager } from 'typeorm';
import { ReminderKind } from './domain/reminder-kind';
import { REMINDER_KINDS } from './domain/reminder-policy';
import { Reminder } from './entities';

export type Verdict =
  | { readonly due: true; readonly aboutOn: string | null }
  | { readonly due: false; readonly reason: string }
  /** Still wanted, but later than planned (activity since): the reminder moves to `at`. */
  | { readonly due: 'later'; readonly at: Date };

const DAY_MS = 86_400_000;
const due = (aboutOn: string | null = null): Verdict => ({ due: true, aboutOn });
const skip = (reason: string): Verdict => ({ due: false, reason });

async function one<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T | undefined> {
  const [row] = (await manager.query(sql, parameters)) as T[];
  return row;
}

/**
 * Is the reminder still called for, now that it fires? Each kind re-reads its subject: an action
 * done, a consent renewed, a hand-off answered… and the reminder is skipped, not sent.
 */
export async function stillDue(
  manager: EntityManager,
  reminder: Reminder,
  now: Date,
  /** The territory's quiet period for `SITUATION_INACTIVE`. */
  quietDays: number = REMINDER_KINDS.SITUATION_INACTIVE.offsetsDays[0],
): Promise<Verdict> {
  const id = reminder.subjectId;
  switch (reminder.kind) {
    case ReminderKind.ACTION_DUE:
    case ReminderKind.ACTION_OVERDUE: {
      const action = await one<{ status: string; due_on: string; archived: boolean }>(
        manager,
        `SELECT a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
                coalesce(s.retention_state <> 'ACTIVE', false) AS archived
           FROM situation_actions a LEFT JOIN situations s ON s.id = a.situation_id WHERE a.id = $1`,
        [id],
      );
      // An archived situation is out of everyone's reach but the coordination's: it reminds no one.
      if (!action || action.archived) return skip('SUBJECT_GONE');
      if (action.status === 'DONE' || action.status === 'CANCELLED') return skip('ACTION_DONE');
      return due(action.due_on);
    }
    case ReminderKind.CALL_FOR_ITEMS:
    case ReminderKind.AGENDA_PUBLISHED:
    case ReminderKind.MINUTES_PUBLISHED: {
      const meeting = await one<{ status: string; starts_at: Date }>(
        manager,
        `SELECT status, starts_at FROM meetings WHERE id = $1`,
        [id],
      );
      if (!meeting) return skip('SUBJECT_GONE');
      if (meeting.status === 'CANCELLED') return skip('MEETING_CANCELLED');
      if (reminder.kind === ReminderKind.CALL_FOR_ITEMS && meeting.status !== 'PLANNED')
        return skip('AGENDA_PUBLISHED');
      return due(parisDate(meeting.starts_at));
    }
    case ReminderKind.CONSENT_EXPIRING:
    case ReminderKind.CONSENT_EXPIRED: {
      const consent = await manager.findOneBy(Consent, { id });
      if (!consent) return skip('SUBJECT_GONE');
      // Still the answer in force as of its last day: neither renewed nor withdrawn since.
      if (!isConsentInForce(consent, consent.expiresOn))
        return skip(consent.supersededAt ? 'CONSENT_RENEWED' : 'CONSENT_WITHDRAWN');
      return due(consent.expiresOn);
    }
    case ReminderKind.FOLLOW_UP_REVIEW_DUE:
    case ReminderKind.FOLLOW_UP_OVERRUN:
    case ReminderKind.TEAM_VACANCY: {
      const followUp = await one<{ phase: string; planned_end_on: string }>(
        manager,
        `SELECT phase, to_char(planned_end_on, 'YYYY-MM-DD') AS planned_end_on FROM follow_ups WHERE id = $1`,
        [id],
      );
      if (!followUp) return skip('SUBJECT_GONE');
      if (followUp.phase === 'ENDED') return skip('FOLLOW_UP_ENDED');
      return due(reminder.kind === ReminderKind.FOLLOW_UP_OVERRUN ? followUp.planned_end_on : null);
    }
    case ReminderKind.HANDOFF_UNANSWERED: {
      const handoff = await one<{ status: string }>(manager, `SELECT status FROM handoffs WHERE id = $1`, [
        id,
      ]);
      if (!handoff) return skip('SUBJECT_GONE');
      return handoff.status === 'PROPOSED' ? due() : skip('HANDOFF_ANSWERED');
    }
    case ReminderKind.REFERRAL_NOT_ACKNOWLEDGED: {
      const referral = await one<{ status: string }>(manager, `SELECT status FROM referrals WHERE id = $1`, [
        id,
      ]);
      if (!referral) return skip('SUBJECT_GONE');
      return referral.status === 'SUBMITTED' ? due() : skip('REFERRAL_ACKNOWLEDGED');
    }
    case ReminderKind.DEROGATION_AWAITING_APPROVAL: {
      const derogation = await one<{ status: string }>(
        manager,
        `SELECT status FROM consent_exceptions WHERE id = $1`,
        [id],
      );
      if (!derogation) return skip('SUBJECT_GONE');
      return derogation.status === 'PENDING' ? due() : skip('DEROGATION_DECIDED');
    }
    case ReminderKind.PERSON_TO_INFORM: {
      // The notice says when the sharing happened: the Paris day the derogation was approved (not
      // the day the person is to be told by, which is the action's due date, still ahead).
      const derogation = await one<{ status: string; shared_on: string }>(
        manager,
        `SELECT status, to_char(COALESCE(decided_at, requested_at) AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS shared_on
           FROM consent_exceptions WHERE id = $1`,
        [id],
      );
      if (!derogation) return skip('SUBJECT_GONE');
      const action = await one<{ status: string }>(
        manager,
        `SELECT status FROM situation_actions
          WHERE origin = 'DEROGATION' AND origin_id = $1 ORDER BY created_at LIMIT 1`,
        [id],
      );
      if (action && (action.status === 'DONE' || action.status === 'CANCELLED'))
        return skip('PERSON_INFORMED');
      return due(derogation.shared_on);
    }
    case ReminderKind.PERSON_ANSWER_MISSING: {
      const item = await one<{ person_answer: string | null }>(
        manager,
        `SELECT person_answer FROM agenda_items WHERE id = $1`,
        [id],
      );
      if (!item) return skip('SUBJECT_GONE');
      return item.person_answer ? skip('PERSON_ANSWERED') : due();
    }
    case ReminderKind.SITUATION_INACTIVE: {
      const situation = await one<{ status: string; last_activity: Date }>(
        manager,
        `SELECT s.status, GREATEST(s.opened_at, (SELECT max(e.occurred_at) FROM situation_events e
                 WHERE e.situation_id = s.id)) AS last_activity
           FROM situations s WHERE s.id = $1`,
        [id],
      );
      if (!situation) return skip('SUBJECT_GONE');
      if (situation.status === 'CLOSED') return skip('SITUATION_CLOSED');
      const wakeAt = new Date(new Date(situation.last_activity).getTime() + quietDays * DAY_MS);
      if (wakeAt.getTime() > now.getTime()) return { due: 'later', at: wakeAt };
      return due(parisDate(new Date(situation.last_activity)));
    }
    case ReminderKind.REVIEW_DATE_REACHED: {
      const situation = await one<{ status: string; next_review_on: string | null }>(
        manager,
        `SELECT status, to_char(next_review_on, 'YYYY-MM-DD') AS next_review_on FROM situations WHERE id = $1`,
        [id],
      );
      if (!situation) return skip('SUBJECT_GONE');
      if (situation.status === 'CLOSED') return skip('SITUATION_CLOSED');
      return situation.status === 'REVIEW_DUE' ? due(situation.next_review_on) : skip('SITUATION_REVIEWED');
    }
    default: {
      const unreachable: never = reminder.kind;
      throw new Error(`Rappel de sorte inconnue : ${String(unreachable)}`);
    }
  }
}

/**
 * A partner hears of a person only while the person's sharing holds: a consent in force (the one
 * definition, compiled to SQL), or an approved derogation. The consent's collector keeps hearing of what it started.
 */
export async function sharingStillHolds(
  manager: EntityManager,
  reminder: Reminder,
  today: string,
): Promise<boolean> {
  if (!reminder.throughConsent || !reminder.personId) return true;
  const inForce = consentInForceSql(manager.connection.getMetadata(Consent), 'c', today);
  const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = :personId AND ${inForce.sql})
         OR EXISTS (SELECT 1 FROM consent_exceptions d WHERE d.person_id = :personId AND d.status = 'APPROVED')
         OR EXISTS (SELECT 1 FROM consents c WHERE c.person_id = :personId AND c.superseded_at IS NULL
                      AND c.collected_by_organisation_id = :organisationId)
         OR NOT EXISTS (SELECT 1 FROM consents c WHERE c.person_id = :personId) AS holds`,
    { ...inForce.parameters, personId: reminder.personId, organisationId: reminder.recipientOrganisationId },
    {},
  );
  const row = await one<{ holds: boolean }>(manager, sql, parameters);
  return Boolean(row?.holds);
}
