import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { OutboxRelay } from '@relais/outbox';
import { MailDispatcher } from './mail/mail.dispatcher';
import { MailQueue } from './mail/mail.queue';
import { ReminderQueue } from './reminder.queue';

/** The outbox consumer that plans reminders; its consumptions say which events it has handled. */
export const REMINDERS_CONSUMER = 'reminders';

/** Jobs are kept in Redis for what falls due within this window; later ones are checked later. */
const HORIZON_MS = 60 * 60 * 1000;
/** An event or mail younger than this may simply be on its way: leave it to the normal path. */
const GRACE_MS = 30_000;

export interface ReconcileReport {
  republishedEvents: number;
  requeuedReminders: number;
  promotedReminders: number;
  requeuedMails: number;
}

/**
 * Puts back into Redis what Redis lost (a flush, a failover, a job added after a crash): every
 * scheduled reminder due within the horizon gets its job again (a no-op when it still exists,
 * the job id being the reminder's), due ones still delayed run now, unhandled outbox events and
 * unsent immediate mails are queued again. Postgres holds the truth, so this is always safe.
 */
@Injectable()
export class ReminderReconciler {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly relay: OutboxRelay,
    private readonly reminders: ReminderQueue,
    private readonly mails: MailQueue,
    private readonly mailDispatcher: MailDispatcher,
    private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const now = this.clock.now();
    const republishedEvents = await this.relay.republishUnhandled(REMINDERS_CONSUMER, GRACE_MS);
    const scheduled = (await this.database.run({ territoryIds: [], purpose: 'dispatch' }, (manager) =>
      manager.query(
        `SELECT id, due_at FROM reminders WHERE status = 'SCHEDULED' AND due_at <= $1 ORDER BY due_at LIMIT 20000`,
        [new Date(now.getTime() + HORIZON_MS)],
      ),
    )) as { id: string; due_at: Date }[];
    const missing = await this.reminders.withoutJob(scheduled.map((row) => row.id));
    await this.reminders.enqueue(
      scheduled
        .filter((row) => missing.has(row.id))
        .map((row) => ({ id: row.id, dueAt: new Date(row.due_at) })),
    );
    const stillDelayed = scheduled.filter(
      (row) => !missing.has(row.id) && new Date(row.due_at).getTime() <= now.getTime(),
    );
    const promotedReminders = await this.reminders.promoteDue(stillDelayed.map((row) => row.id));

    let requeuedMails = 0;
    const territories = await this.database.allTerritoryIds();
    for (const territoryId of territories) {
      const pending = await this.mailDispatcher.pendingImmediate(
        territoryId,
        new Date(now.getTime() - GRACE_MS),
      );
      await this.mails.enqueue(pending.map((notificationId) => ({ notificationId, territoryId })));
      requeuedMails += pending.length;
    }
    return { republishedEvents, requeuedReminders: missing.size, promotedReminders, requeuedMails };
  }
}
