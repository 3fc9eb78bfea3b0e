import { Injectable } from '@nestjs/common';
import { SET_PASSWORD_LINK_REQUESTED, SET_PASSWORD_MAIL_CONSUMER, SetPasswordLinks } from '@relais/identity';
import { OutboxConsumer, OutboxJob } from '@relais/outbox';
import { MailTransport, REMINDERS_CONSUMER, ReminderPlanner, ReminderQueue } from '@relais/reminders';
import { Job } from 'bullmq';

/**
 * An outbox event reaches the reminders: planned in Postgres first, then mirrored in Redis. A
 * set-password link asked for is mailed first: should the mail fail, the job fails before the
 * reminders' consumption, so both the retry and the reconciler bring the event back.
 */
@Injectable()
export class OutboxJobs {
  constructor(
    private readonly consumer: OutboxConsumer,
    private readonly planner: ReminderPlanner,
    private readonly reminders: ReminderQueue,
    private readonly links: SetPasswordLinks,
    private readonly mail: MailTransport,
  ) {}

  async process(job: Job<OutboxJob>): Promise<Record<string, number | string>> {
    if (job.name === SET_PASSWORD_LINK_REQUESTED) await this.mailSetPasswordLink(job.data.eventId);
    const consumption = await this.consumer.consume(REMINDERS_CONSUMER, job.data.eventId, (manager, event) =>
      this.planner.react(manager, event),
    );
    if (!consumption.handled) return { skipped: consumption.reason };
    const { scheduled, cancelled } = consumption.result;
    // Should Redis fail here, the reconciler adds the jobs: the rows are committed.
    await this.reminders.discard(cancelled);
    await this.reminders.enqueue(scheduled);
    return { scheduled: scheduled.length, cancelled: cancelled.length };
  }

  /** A failed send rolls the consumption back: the event comes again, with a new link. */
  private async mailSetPasswordLink(eventId: string): Promise<void> {
    await this.consumer.consume(SET_PASSWORD_MAIL_CONSUMER, eventId, async (_manager, event) => {
      const mail = await this.links.mailFor(event);
      if (mail) await this.mail.send(mail);
    });
  }
}
