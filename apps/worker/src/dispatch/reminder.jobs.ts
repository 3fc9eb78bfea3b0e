import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ReminderFiring, ReminderJob } from '@relais/reminders';
import { DelayedError, Job } from 'bullmq';

@Injectable()
export class ReminderJobs {
  constructor(
    private readonly firing: ReminderFiring,
    private readonly clock: Clock,
  ) {}

  /** Its reminder is fired in a batch (maybe another job's, which leaves its outcome for it). */
  async process(job: Job<ReminderJob>, token?: string): Promise<string> {
    const fired = await this.firing.fire(job.data.reminderId);
    switch (fired.outcome) {
      case 'NOT_YET': {
        // Its due time moved later (or activity pushed a watch back): the same job waits again.
        const wait = Math.max(0, fired.dueAt.getTime() - this.clock.now().getTime());
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      case 'SENT':
        return 'SENT';
      case 'SKIPPED':
        return `SKIPPED:${fired.reason}`;
      case 'GONE':
        return 'GONE';
    }
  }
}
