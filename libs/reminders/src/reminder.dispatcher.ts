import { Injectable } from '@nestjs/common';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { EmailMode, MailStatus, ReminderKind } from './domain/reminder-kind';
import { Reminder } from './entities';
import { MailTransport } from './mail/mail-transport';
import { SendMailJob } from './mail/mail.queue';
import { stillDueAll, Verdict } from './reminder-checks';
import { ScheduledReminder } from './reminder-draft';
import { ReminderPolicies } from './reminder-policy.service';
import { recipientStates } from './reminder-recipients';

export type FireOutcome =
  | {
      readonly outcome: 'SENT';
      readonly territoryId: string;
      readonly notificationId: string;
      readonly mail: MailStatus;
      readonly next: ScheduledReminder[];
    }
  | { readonly outcome: 'SKIPPED'; readonly reason: string }
  /** Already sent, cancelled, or deleted: nothing to do (a redelivery, a cancelled job). */
  | { readonly outcome: 'GONE' }
  | { readonly outcome: 'NOT_YET'; readonly dueAt: Date };

/** What one batch did: each reminder's outcome, and what Redis must follow once it has committed. */
export interface BatchFiring {
  /** The reminders asked for, and those the batch found due besides. */
  readonly outcomes: ReadonlyMap<string, FireOutcome>;
  /** It took as many due reminders as it could: more may be due already. */
  readonly full: boolean;
  /** Due reminders it took besides those asked for (before their jobs came). */
  readonly found: number;
  /** Notifications to mail at once. */
  readonly mails: SendMailJob[];
  /** Reminders it planned (the inactivity watch re-armed), for their jobs. */
  readonly next: ScheduledReminder[];
}

/**
 * Reminders fired by one transaction at most: a few statements for the whole batch. A batch's
 * time is mostly its round trips and commit, not its rows (200 or 500 took about 100 ms alike on
 * a loaded two-core machine), so a backlog drains faster in larger batches.
 */
export const FIRING_BATCH = 500;

const GONE: FireOutcome = { outcome: 'GONE' };

/**
 * Under the `dispatch` purpose, scopes the rest of the transaction to the territories of what it
 * will take (the reminders asked for, the first ones due) — the policies' settings are read at
 * the start of each statement, so this one still sees the dispatch purpose. A reminder due in a
 * territory left out stays for the next batch.
 */
const ENTER = `/* prepared:reminders-enter */ SELECT
    set_config('app.territory_ids', '{' || coalesce(string_agg(DISTINCT t.territory_id::text, ','), '') || '}', true),
    set_config('app.purpose', '', true)
  FROM (SELECT territory_id FROM reminders WHERE id = ANY($1::uuid[]) AND status = 'SCHEDULED'
        UNION ALL
        (SELECT territory_id FROM reminders WHERE status = 'SCHEDULED' AND due_at <= $2
          ORDER BY due_at LIMIT $3 * 4)) AS t`;

const COLUMNS = `id, territory_id AS "territoryId", kind, subject_type AS "subjectType", subject_id AS "subjectId",
    person_id AS "personId", situation_id AS "situationId", recipient_user_id AS "recipientUserId",
    recipient_organisation_id AS "recipientOrganisationId", through_consent AS "throughConsent",
    due_at AS "dueAt", status, dedupe_key AS "dedupeKey", occurrence`;

/**
 * Locks the reminders asked for (waiting, in id order, for another worker's batch that holds one
 * — it settles them, or rolls back and leaves them here), then up to $3 others due, oldest first,
 * passing over those another batch holds. Only the first part ever waits, before holding anything
 * but its own, in a fixed order: two batches cannot deadlock.
 */
const CLAIM = `/* prepared:reminders-claim */ WITH asked AS MATERIALIZED (
    SELECT ${COLUMNS} FROM reminders WHERE id = ANY($1::uuid[]) AND status = 'SCHEDULED' ORDER BY id FOR UPDATE),
  found AS MATERIALIZED (
    SELECT ${COLUMNS} FROM reminders WHERE status = 'SCHEDULED' AND due_at <= $2 AND id <> ALL($1::uuid[])
     ORDER BY due_at LIMIT $3 FOR UPDATE SKIP LOCKED)
  SELECT * FROM asked UNION ALL SELECT * FROM found`;

/**
 * Every decision in one statement: moves those due later, settles the skipped and the sent, and
 * writes the notices. The notice is unique per reminder, so a batch run twice notifies once.
 */
const SETTLE = `/* prepared:reminders-settle */ WITH decided AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::date[], $6::text[])
      AS d(id, outcome, reason, due_at, about_on, mail)),
  moved AS (
    UPDATE reminders r SET due_at = d.due_at FROM decided d WHERE r.id = d.id AND d.outcome = 'NOT_YET'),
  settled AS (
    UPDATE reminders r SET status = d.outcome::reminder_status, settled_at = $7, settled_reason = d.reason
      FROM decided d WHERE r.id = d.id AND d.outcome IN ('SENT', 'SKIPPED'))
  INSERT INTO notifications (territory_id, user_id, reminder_id, kind, subject_type, subject_id,
         situation_id, case_code, about_on, created_at, mail_status)
  SELECT r.territory_id, r.recipient_user_id, r.id, r.kind, r.subject_type, r.subject_id, r.situation_id,
         p.case_code, d.about_on, $7, d.mail::mail_status
    FROM decided d JOIN reminders r ON r.id = d.id LEFT JOIN persons p ON p.id = r.person_id
   WHERE d.outcome = 'SENT'
  ON CONFLICT (reminder_id) DO NOTHING RETURNING id, reminder_id`;

/** A situation stays watched: once told it is quiet, the coordinator is told again if it stays so. */
const WATCH = `/* prepared:reminders-watch */ INSERT INTO reminders (territory_id, kind, subject_type, subject_id,
         person_id, situation_id, recipient_user_id, recipient_organisation_id, through_consent, due_at,
         status, dedupe_key, occurrence, created_at)
  SELECT r.territory_id, r.kind, r.subject_type, r.subject_id, r.person_id, r.situation_id, r.recipient_user_id,
         r.recipient_organisation_id, r.through_consent, w.due_at, 'SCHEDULED',
         r.dedupe_key || ':' || (r.occurrence + 1), r.occurrence + 1, $3
    FROM unnest($1::uuid[], $2::timestamptz[]) AS w(id, due_at) JOIN reminders r ON r.id = w.id
  ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, due_at, subject_id, recipient_user_id`;

interface Decision {
  readonly reminder: Reminder;
  readonly outcome: 'SENT' | 'SKIPPED' | 'NOT_YET';
  readonly reason?: string;
  readonly dueAt?: Date;
  readonly aboutOn?: string | null;
  readonly mail?: MailStatus;
}

/**
 * Fires reminders by batches: locks those asked for and the others due, re-reads their subjects
 * (one statement per subject table), their recipients' memberships, preferences and the persons'
 * sharing (one statement), then settles them and writes the notifications (one statement) in one
 * transaction. Each reminder is still judged on its own, as it stands when the batch runs.
 */
@Injectable()
export class ReminderDispatcher {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailTransport,
    private readonly policies: ReminderPolicies,
    private readonly clock: Clock,
  ) {}

  /** `onClaimed` hears which reminders the batch holds as soon as it has locked them. */
  async fireBatch(
    asked: readonly string[],
    size: number = FIRING_BATCH,
    onClaimed?: (ids: readonly string[]) => void,
  ): Promise<BatchFiring> {
    const othersWanted = Math.max(0, size - asked.length);
    return this.database.run({ territoryIds: [], purpose: 'dispatch' }, async (manager) => {
      const now = this.clock.now();
      await manager.query(ENTER, [asked, now, othersWanted]);
      const claimed = ((await manager.query(CLAIM, [asked, now, othersWanted])) as Reminder[]).map((row) =>
        Object.assign(new Reminder(), row, { dueAt: new Date(row.dueAt) }),
      );
      onClaimed?.(claimed.map((reminder) => reminder.id));
      const outcomes = new Map<string, FireOutcome>(asked.map((id) => [id, GONE]));
      const askedIds = new Set(asked);
      const found = claimed.filter((r) => !askedIds.has(r.id)).length;
      const full = othersWanted > 0 && found === othersWanted;

      const decisions: Decision[] = [];
      // Asked for ahead of its time (a job early for its row): it waits again.
      for (const reminder of claimed.filter((r) => r.dueAt.getTime() > now.getTime()))
        outcomes.set(reminder.id, { outcome: 'NOT_YET', dueAt: reminder.dueAt });
      const dueNow = claimed.filter((r) => r.dueAt.getTime() <= now.getTime());
      const quietDays = await this.quietDays(manager, dueNow);
      const verdicts = await stillDueAll(manager, dueNow, now, quietDays);
      const told = dueNow.filter((_, index) => verdicts[index].due === true);
      const recipients = await recipientStates(manager, told, parisDate(now));
      const recipientOf = new Map(told.map((reminder, index) => [reminder, recipients[index]]));
      dueNow.forEach((reminder, index) => {
        decisions.push(this.decide(reminder, verdicts[index], recipientOf.get(reminder)));
      });
      if (!decisions.length) return { outcomes, full, found, mails: [], next: [] };

      const notified = new Map(
        ((await this.settle(manager, decisions, now)) as { id: string; reminder_id: string }[]).map((row) => [
          row.reminder_id,
          row.id,
        ]),
      );
      const next = await this.followingWatch(manager, decisions, notified, now, quietDays);
      const mails: SendMailJob[] = [];
      for (const decision of decisions) {
        const { reminder } = decision;
        if (decision.outcome === 'NOT_YET') {
          outcomes.set(reminder.id, { outcome: 'NOT_YET', dueAt: decision.dueAt! });
        } else if (decision.outcome === 'SKIPPED') {
          outcomes.set(reminder.id, { outcome: 'SKIPPED', reason: decision.reason! });
        } else {
          const notificationId = notified.get(reminder.id);
          if (!notificationId) {
            outcomes.set(reminder.id, GONE);
            continue;
          }
          if (decision.mail === MailStatus.PENDING_IMMEDIATE)
            mails.push({ notificationId, territoryId: reminder.territoryId });
          outcomes.set(reminder.id, {
            outcome: 'SENT',
            territoryId: reminder.territoryId,
            notificationId,
            mail: decision.mail!,
            next: next.get(reminder.id) ?? [],
          });
        }
      }
      return { outcomes, full, found, mails, next: [...next.values()].flat() };
    });
  }

  private decide(
    reminder: Reminder,
    verdict: Verdict,
    recipient: { active: boolean; sharingHolds: boolean; emailMode: EmailMode | null } | undefined,
  ): Decision {
    if (verdict.due === 'later') return { reminder, outcome: 'NOT_YET', dueAt: verdict.at };
    if (verdict.due === false) return { reminder, outcome: 'SKIPPED', reason: verdict.reason };
    if (!recipient!.active) return { reminder, outcome: 'SKIPPED', reason: 'RECIPIENT_GONE' };
    if (!recipient!.sharingHolds) return { reminder, outcome: 'SKIPPED', reason: 'CONSENT_WITHDRAWN' };
    return {
      reminder,
      outcome: 'SENT',
      aboutOn: verdict.aboutOn,
      mail: this.mailStatusFor(recipient!.emailMode),
    };
  }

  private settle(manager: EntityManager, decisions: readonly Decision[], now: Date): Promise<unknown> {
    return manager.query(SETTLE, [
      decisions.map((d) => d.reminder.id),
      decisions.map((d) => d.outcome),
      decisions.map((d) => d.reason ?? null),
      decisions.map((d) => d.dueAt ?? null),
      decisions.map((d) => d.aboutOn ?? null),
      decisions.map((d) => d.mail ?? null),
      now,
    ]);
  }

  /** The territory's quiet period, for the inactivity watches of the batch. */
  private async quietDays(
    manager: EntityManager,
    reminders: readonly Reminder[],
  ): Promise<(reminder: Reminder) => number> {
    const watched = (reminder: Reminder) => reminder.kind === ReminderKind.SITUATION_INACTIVE;
    const territories = [...new Set(reminders.filter(watched).map((reminder) => reminder.territoryId))];
    if (!territories.length) return () => 0;
    const policies = await this.policies.forTerritories(manager, territories);
    return (reminder: Reminder) =>
      watched(reminder)
        ? Math.max(1, policies.get(reminder.territoryId)!.get(reminder.kind)!.offsetsDays[0] ?? 60)
        : 0;
  }

  private mailStatusFor(emailMode: EmailMode | null): MailStatus {
    if (!this.mail.enabled) return MailStatus.NONE;
    switch (emailMode ?? EmailMode.IMMEDIATE) {
      case EmailMode.IMMEDIATE:
        return MailStatus.PENDING_IMMEDIATE;
      case EmailMode.DAILY_DIGEST:
        return MailStatus.PENDING_DIGEST;
      case EmailMode.NONE:
        return MailStatus.NONE;
    }
  }

  /** The next watch of each quiet situation told, one quiet period from now; by the reminder told. */
  private async followingWatch(
    manager: EntityManager,
    decisions: readonly Decision[],
    notified: ReadonlyMap<string, string>,
    now: Date,
    quietDays: (reminder: Reminder) => number,
  ): Promise<Map<string, ScheduledReminder[]>> {
    const told = decisions
      .map((decision) => decision.reminder)
      .filter((r) => r.kind === ReminderKind.SITUATION_INACTIVE && notified.has(r.id));
    if (!told.length) return new Map();
    const rows = (await manager.query(WATCH, [
      told.map((reminder) => reminder.id),
      told.map((reminder) => new Date(now.getTime() + quietDays(reminder) * 86_400_000)),
      now,
    ])) as { id: string; due_at: Date; subject_id: string; recipient_user_id: string }[];
    const next = new Map<string, ScheduledReminder[]>();
    for (const row of rows) {
      const source = told.find(
        (r) => r.subjectId === row.subject_id && r.recipientUserId === row.recipient_user_id,
      );
      if (source) next.set(source.id, [{ id: row.id, dueAt: new Date(row.due_at) }]);
    }
    return next;
  }
}
