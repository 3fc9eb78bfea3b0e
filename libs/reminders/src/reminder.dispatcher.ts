import { Injectable } from '@nestjs/common';
import { WORKING_ROLES } from '@relais/access';
import { Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { EmailMode, MailStatus, ReminderKind, ReminderStatus } from './domain/reminder-kind';
import { Reminder } from './entities';
import { sharingStillHolds, stillDue } from './reminder-checks';
import { MailTransport } from './mail/mail-transport';
import { ScheduledReminder } from './reminder-draft';
import { ReminderPolicies } from './reminder-policy.service';

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

/**
 * Fires one reminder: re-reads the row and its subject, then writes the notification and marks
 * the reminder sent in one transaction. The notification is unique per reminder, so a job run
 * twice (a worker killed after commit, before acknowledging) notifies once.
 */
@Injectable()
export class ReminderDispatcher {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailTransport,
    private readonly policies: ReminderPolicies,
    private readonly clock: Clock,
  ) {}

  async fire(reminderId: string): Promise<FireOutcome> {
    // One transaction, few round trips: this runs for every reminder, at bursts of thousands.
    return this.database.run({ territoryIds: [], purpose: 'dispatch' }, async (manager) => {
      const territoryId = await this.enterTerritoryOf(manager, reminderId);
      if (!territoryId) return { outcome: 'GONE' } as const;
      const reminder = await manager.findOne(Reminder, {
        where: { id: reminderId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!reminder || reminder.status !== ReminderStatus.SCHEDULED) return { outcome: 'GONE' } as const;
      const now = this.clock.now();
      if (reminder.dueAt.getTime() > now.getTime())
        return { outcome: 'NOT_YET', dueAt: reminder.dueAt } as const;

      const quietDays = await this.quietDays(manager, reminder);
      const verdict = await stillDue(manager, reminder, now, quietDays);
      if (verdict.due === 'later') {
        await manager.update(Reminder, { id: reminder.id }, { dueAt: verdict.at });
        return { outcome: 'NOT_YET', dueAt: verdict.at } as const;
      }
      const recipient = verdict.due ? await this.recipientState(manager, reminder, parisDate(now)) : null;
      const reason = !verdict.due
        ? verdict.reason
        : !recipient!.active
          ? 'RECIPIENT_GONE'
          : !recipient!.sharingHolds
            ? 'CONSENT_WITHDRAWN'
            : null;
      if (reason || !verdict.due) {
        await this.settle(manager, reminder, ReminderStatus.SKIPPED, reason ?? 'NOT_DUE');
        return { outcome: 'SKIPPED', reason: reason ?? 'NOT_DUE' } as const;
      }

      const mail = this.mailStatusFor(recipient!.emailMode);
      // The notice and the reminder's SENT are one statement; the unique reminder id keeps one notice.
      const [inserted] = (await manager.query(
        `WITH sent AS (
           UPDATE reminders SET status = 'SENT', settled_at = $10, settled_reason = NULL WHERE id = $3
         )
         INSERT INTO notifications (territory_id, user_id, reminder_id, kind, subject_type, subject_id,
                situation_id, case_code, about_on, created_at, mail_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7,
                (SELECT p.case_code FROM persons p WHERE p.id = $8), $9, $10, $11)
         ON CONFLICT (reminder_id) DO NOTHING RETURNING id`,
        [
          reminder.territoryId,
          reminder.recipientUserId,
          reminder.id,
          reminder.kind,
          reminder.subjectType,
          reminder.subjectId,
          reminder.situationId,
          reminder.personId,
          verdict.aboutOn,
          now,
          mail,
        ],
      )) as { id: string }[];
      if (!inserted) return { outcome: 'GONE' } as const;
      const next = await this.followingWatch(manager, reminder, now, quietDays);
      return { outcome: 'SENT', territoryId, notificationId: inserted.id, mail, next } as const;
    });
  }

  /**
   * Reads the reminder's territory under the `dispatch` purpose and, in the same statement, scopes
   * the rest of the transaction to that territory alone (the policies' settings are read once, at
   * the start of each statement, so this one still sees the dispatch purpose).
   */
  private async enterTerritoryOf(manager: EntityManager, reminderId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT territory_id, set_config('app.territory_ids', '{' || territory_id || '}', true),
              set_config('app.purpose', '', true)
         FROM reminders WHERE id = $1 AND status = 'SCHEDULED'`,
      [reminderId],
    )) as { territory_id: string }[];
    return row?.territory_id ?? null;
  }

  /** Is the recipient still a working member (a coordinator still one), does the person's sharing still reach them, how do they want mail. */
  private async recipientState(
    manager: EntityManager,
    reminder: Reminder,
    today: string,
  ): Promise<{ active: boolean; sharingHolds: boolean; emailMode: EmailMode | null }> {
    const [row] = (await manager.query(
      `SELECT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = $1 AND m.territory_id = $2
                        AND m.status = 'ACTIVE'
                        AND m.roles::text[] && $4::text[]
                        -- told as coordinator: only while still one
                        AND ($3 OR 'COORDINATOR' = ANY(m.roles::text[]))) AS active,
              (SELECT p.email_mode FROM notification_preferences p
                WHERE p.user_id = $1 AND p.territory_id = $2) AS email_mode`,
      [reminder.recipientUserId, reminder.territoryId, reminder.throughConsent, WORKING_ROLES],
    )) as { active: boolean; email_mode: EmailMode | null }[];
    return {
      active: row.active,
      sharingHolds: await sharingStillHolds(manager, reminder, today),
      emailMode: row.email_mode,
    };
  }

  private async quietDays(manager: EntityManager, reminder: Reminder): Promise<number> {
    if (reminder.kind !== ReminderKind.SITUATION_INACTIVE) return 0;
    const policy = (await this.policies.forTerritory(manager, reminder.territoryId)).get(reminder.kind)!;
    return Math.max(1, policy.offsetsDays[0] ?? 60);
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

  private async settle(
    manager: EntityManager,
    reminder: Reminder,
    status: ReminderStatus,
    reason: string | null,
  ): Promise<void> {
    await manager.update(
      Reminder,
      { id: reminder.id },
      { status, settledAt: this.clock.now(), settledReason: reason },
    );
  }

  /** A situation stays watched: once told it is quiet, the coordinator is told again if it stays so. */
  private async followingWatch(
    manager: EntityManager,
    reminder: Reminder,
    now: Date,
    quietDays: number,
  ): Promise<ScheduledReminder[]> {
    if (reminder.kind !== ReminderKind.SITUATION_INACTIVE) return [];
    const dueAt = new Date(now.getTime() + quietDays * 86_400_000);
    const rows = (await manager.query(
      `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, person_id, situation_id,
              recipient_user_id, recipient_organisation_id, through_consent, due_at, status, dedupe_key,
              occurrence, created_at)
       SELECT territory_id, kind, subject_type, subject_id, person_id, situation_id, recipient_user_id,
              recipient_organisation_id, through_consent, $2, 'SCHEDULED', dedupe_key || ':' || (occurrence + 1),
              occurrence + 1, $3
         FROM reminders WHERE id = $1
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, due_at`,
      [reminder.id, dueAt, now],
    )) as { id: string; due_at: Date }[];
    return rows.map((row) => ({ id: row.id, dueAt: new Date(row.due_at) }));
  }
}
