import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { MailQueue, MailStatus, ReminderDispatcher, ReminderJob, ReminderQueue } from '@relais/reminders';
import { DelayedError, Job } from 'bullmq';

@Injectable()
export class ReminderJobs {
  constructor(
    private readonly dispatcher: ReminderDispatcher,
    private readonly reminders: ReminderQueue,
    private readonly mails: MailQueue,
    private readonly clock: Clock,
  ) {}

  async process(job: Job<ReminderJob>, token?: string): Promise<string> {
    const fired = await this.dispatcher.fire(job.data.reminderId);
    switch (fired.outcome) {
      case 'NOT_YET': {
        // Its due time moved later (or activity pushed a watch back): the same job waits again.
        const wait = Math.max(0, fired.dueAt.getTime() - this.clock.now().getTime());
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      case 'SENT':
        if (fired.mail === MailStatus.PENDING_IMMEDIATE) {
          await this.mails.enqueue([
            { notificationId: fired.notificationId, territoryId: fired.territoryId },
          ]);
        }
        await this.reminders.enqueue(fired.next);
        return 'SENT';
      case 'SKIPPED':
        return `SKIPPED:${fired.reason}`;
      case 'GONE':
        return 'GONE';
    }
  }
}
