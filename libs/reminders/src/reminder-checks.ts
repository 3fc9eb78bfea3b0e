import { parisDate } from '@relais/config';
import { ConsentStatus, isConsentInForce } from '@relais/consent';
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

type Row = Record<string, unknown>;
const done = (status: unknown) => status === 'DONE' || status === 'CANCELLED';

/**
 * The subjects a reminder can be about, one table each: a batch of reminders re-reads each table
 * once, all its subjects at a time (`= ANY($1)`), and each kind judges its own row.
 */
interface SubjectRead {
  readonly kinds: readonly ReminderKind[];
  readonly sql: string;
  readonly verdict: (row: Row, reminder: Reminder, now: Date, quietDays: number) => Verdict;
}

const SUBJECT_READS: readonly SubjectRead[] = [
  {
    kinds: [ReminderKind.ACTION_DUE, ReminderKind.ACTION_OVERDUE],
    sql: `/* prepared:reminders-actions */ SELECT a.id, a.status, to_char(a.due_on, 'YYYY-MM-DD') AS due_on,
                 coalesce(s.retention_state <> 'ACTIVE', false) AS archived
            FROM situation_actions a LEFT JOIN situations s ON s.id = a.situation_id WHERE a.id = ANY($1::uuid[])`,
    verdict: (action) => {
      // An archived situation is out of everyone's reach but the coordination's: it reminds no one.
      if (action.archived) return skip('SUBJECT_GONE');
      if (done(action.status)) return skip('ACTION_DONE');
      return due(action.due_on as string);
    },
  },
  {
    kinds: [ReminderKind.CALL_FOR_ITEMS, ReminderKind.AGENDA_PUBLISHED, ReminderKind.MINUTES_PUBLISHED],
    sql: `/* prepared:reminders-meetings */ SELECT id, status, starts_at FROM meetings WHERE id = ANY($1::uuid[])`,
    verdict: (meeting, reminder) => {
      if (meeting.status === 'CANCELLED') return skip('MEETING_CANCELLED');
      if (reminder.kind === ReminderKind.CALL_FOR_ITEMS && meeting.status !== 'PLANNED')
        return skip('AGENDA_PUBLISHED');
      return due(parisDate(new Date(meeting.starts_at as Date)));
    },
  },
  {
    kinds: [ReminderKind.CONSENT_EXPIRING, ReminderKind.CONSENT_EXPIRED],
    sql: `/* prepared:reminders-consents */ SELECT id, status, superseded_at, to_char(expires_on, 'YYYY-MM-DD') AS expires_on,
                 purposes::text[] AS purposes, organisation_ids::text[] AS organisation_ids,
                 organisation_kinds::text[] AS organisation_kinds, data_categories::text[] AS data_categories
            FROM consents WHERE id = ANY($1::uuid[])`,
    verdict: (consent) => {
      const terms = {
        status: consent.status as ConsentStatus,
        supersededAt: (consent.superseded_at as Date | null) ?? null,
        expiresOn: consent.expires_on as string,
        purposes: consent.purposes as string[],
        organisationIds: consent.organisation_ids as string[],
        organisationKinds: consent.organisation_kinds as string[],
        dataCategories: consent.data_categories as string[],
      };
      // Still the answer in force as of its last day: neither renewed nor withdrawn since.
      if (!isConsentInForce(terms, terms.expiresOn))
        return skip(terms.supersededAt ? 'CONSENT_RENEWED' : 'CONSENT_WITHDRAWN');
      return due(terms.expiresOn);
    },
  },
  {
    kinds: [ReminderKind.FOLLOW_UP_REVIEW_DUE, ReminderKind.FOLLOW_UP_OVERRUN, ReminderKind.TEAM_VACANCY],
    sql: `/* prepared:reminders-follow-ups */ SELECT id, phase, to_char(planned_end_on, 'YYYY-MM-DD') AS planned_end_on
            FROM follow_ups WHERE id = ANY($1::uuid[])`,
    verdict: (followUp, reminder) => {
      if (followUp.phase === 'ENDED') return skip('FOLLOW_UP_ENDED');
      return due(
        reminder.kind === ReminderKind.FOLLOW_UP_OVERRUN ? (followUp.planned_end_on as string) : null,
      );
    },
  },
  {
    kinds: [ReminderKind.HANDOFF_UNANSWERED],
    sql: `/* prepared:reminders-handoffs */ SELECT id, status FROM handoffs WHERE id = ANY($1::uuid[])`,
    verdict: (handoff) => (handoff.status === 'PROPOSED' ? due() : skip('HANDOFF_ANSWERED')),
  },
  {
    kinds: [ReminderKind.REFERRAL_NOT_ACKNOWLEDGED],
    sql: `/* prepared:reminders-referrals */ SELECT id, status FROM referrals WHERE id = ANY($1::uuid[])`,
    verdict: (referral) => (referral.status === 'SUBMITTED' ? due() : skip('REFERRAL_ACKNOWLEDGED')),
  },
  {
    // The notice to inform says when the sharing happened: the Paris day the derogation was
    // approved (not the day the person is to be told by, the action's due date, still ahead).
    kinds: [ReminderKind.DEROGATION_AWAITING_APPROVAL, ReminderKind.PERSON_TO_INFORM],
    sql: `/* prepared:reminders-derogations */ SELECT d.id, d.status,
                 to_char(COALESCE(d.decided_at, d.requested_at) AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS shared_on,
                 (SELECT a.status FROM situation_actions a WHERE a.origin = 'DEROGATION' AND a.origin_id = d.id
                   ORDER BY a.created_at LIMIT 1) AS informing_status
            FROM consent_exceptions d WHERE d.id = ANY($1::uuid[])`,
    verdict: (derogation, reminder) => {
      if (reminder.kind === ReminderKind.DEROGATION_AWAITING_APPROVAL)
        return derogation.status === 'PENDING' ? due() : skip('DEROGATION_DECIDED');
      if (done(derogation.informing_status)) return skip('PERSON_INFORMED');
      return due(derogation.shared_on as string);
    },
  },
  {
    kinds: [ReminderKind.PERSON_ANSWER_MISSING],
    sql: `/* prepared:reminders-agenda-items */ SELECT id, person_answer FROM agenda_items WHERE id = ANY($1::uuid[])`,
    verdict: (item) => (item.person_answer ? skip('PERSON_ANSWERED') : due()),
  },
  {
    kinds: [ReminderKind.SITUATION_INACTIVE, ReminderKind.REVIEW_DATE_REACHED],
    sql: `/* prepared:reminders-situations */ SELECT s.id, s.status, to_char(s.next_review_on, 'YYYY-MM-DD') AS next_review_on,
                 GREATEST(s.opened_at, (SELECT max(e.occurred_at) FROM situation_events e
                   WHERE e.situation_id = s.id)) AS last_activity
            FROM situations s WHERE s.id = ANY($1::uuid[])`,
    verdict: (situation, reminder, now, quietDays) => {
      if (situation.status === 'CLOSED') return skip('SITUATION_CLOSED');
      if (reminder.kind === ReminderKind.REVIEW_DATE_REACHED)
        return situation.status === 'REVIEW_DUE'
          ? due(situation.next_review_on as string)
          : skip('SITUATION_REVIEWED');
      const lastActivity = new Date(situation.last_activity as Date);
      const wakeAt = new Date(lastActivity.getTime() + quietDays * DAY_MS);
      if (wakeAt.getTime() > now.getTime()) return { due: 'later', at: wakeAt };
      return due(parisDate(lastActivity));
    },
  },
];

const READ_OF_KIND = new Map(
  SUBJECT_READS.flatMap((read) => read.kinds.map((kind) => [kind, read] as const)),
);

/**
 * Are these reminders still called for, now that they fire? Each kind re-reads its subject: an
 * action done, a consent renewed, a hand-off answered… and the reminder is skipped, not sent.
 * One statement per subject table present in the batch; verdicts in the reminders' order.
 */
export async function stillDueAll(
  manager: EntityManager,
  reminders: readonly Reminder[],
  now: Date,
  /** The territory's quiet period for `SITUATION_INACTIVE`. */
  quietDays: (reminder: Reminder) => number,
): Promise<Verdict[]> {
  const rowsByRead = new Map<SubjectRead, Map<string, Row>>();
  for (const read of new Set(reminders.map((reminder) => subjectRead(reminder.kind)))) {
    const ids = [...new Set(reminders.filter((r) => read.kinds.includes(r.kind)).map((r) => r.subjectId))];
    const rows = (await manager.query(read.sql, [ids])) as Row[];
    rowsByRead.set(read, new Map(rows.map((row) => [row.id as string, row])));
  }
  return reminders.map((reminder) => {
    const read = subjectRead(reminder.kind);
    const row = rowsByRead.get(read)!.get(reminder.subjectId);
    return row ? read.verdict(row, reminder, now, quietDays(reminder)) : skip('SUBJECT_GONE');
  });
}

/** One reminder's verdict (the batch's own reading, for one). */
export async function stillDue(
  manager: EntityManager,
  reminder: Reminder,
  now: Date,
  quietDays: number = REMINDER_KINDS.SITUATION_INACTIVE.offsetsDays[0],
): Promise<Verdict> {
  const [verdict] = await stillDueAll(manager, [reminder], now, () => quietDays);
  return verdict;
}

function subjectRead(kind: ReminderKind): SubjectRead {
  const read = READ_OF_KIND.get(kind);
  if (!read) throw new Error(`Rappel de sorte inconnue : ${String(kind)}`);
  return read;
}
