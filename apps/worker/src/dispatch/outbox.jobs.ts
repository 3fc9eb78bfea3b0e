import { Injectable } from '@nestjs/common';
import { SET_PASSWORD_LINK_REQUESTED, SET_PASSWORD_MAIL_CONSUMER, SetPasswordLinks } from '@relais/identity';
import { OutboxConsumer, OutboxJob, readOutboxEvent } from '@relais/outbox';
import { MailTransport, REMINDERS_CONSUMER, ReminderPlanner, ReminderQueue } from '@relais/reminders';
import { ReportingConsumer } from '@relais/reporting';
import { Job } from 'bullmq';

/**
 * An outbox event reaches the reminders: planned in Postgres first, then mirrored in Redis. A
 * set-password link asked for is mailed first: should the mail fail, the job fails before the
 * reminders' consumption, so both the retry and the reconciler bring the event back. The
 * activity report's projection comes last: should it wait for an earlier event, the retry finds
 * the reminders' part done.
 */
@Injectable()
export class OutboxJobs {
  constructor(
    private readonly consumer: OutboxConsumer,
    private readonly planner: ReminderPlanner,
    private readonly reminders: ReminderQueue,
    private readonly links: SetPasswordLinks,
    private readonly mail: MailTransport,
    private readonly reporting: ReportingConsumer,
  ) {}

  async process(job: Job<OutboxJob>): Promise<Record<string, number | string>> {
    if (job.name === SET_PASSWORD_LINK_REQUESTED) await this.mailSetPasswordLink(job.data.eventId);
    const consumption = await this.consumer.consume(REMINDERS_CONSUMER, job.data.eventId, (manager, event) =>
      this.planner.react(manager, event),
    );
    const outcome: Record<string, number | string> = {};
    if (consumption.handled) {
      const { scheduled, cancelled } = consumption.result;
      // Should Redis fail here, the reconciler adds the jobs: the rows are committed.
      await this.reminders.discard(cancelled);
      await this.reminders.enqueue(scheduled);
      Object.assign(outcome, { scheduled: scheduled.length, cancelled: cancelled.length });
    } else outcome.skipped = consumption.reason;
    const projected = await this.reporting.handle(job.data.eventId);
    outcome.projected = projected.handled ? Number(projected.result) : projected.reason;
    return outcome;
  }

  /** A failed send rolls the consumption back: the event comes again, with a new link. */
  private async mailSetPasswordLink(eventId: string): Promise<void> {
    await this.consumer.consume(SET_PASSWORD_MAIL_CONSUMER, eventId, async (_manager, stored) => {
      const event = readOutboxEvent(stored);
      if (event?.type !== SET_PASSWORD_LINK_REQUESTED) return;
      const mail = await this.links.mailFor(event);
      if (mail) await this.mail.send(mail);
    });
  }
}
