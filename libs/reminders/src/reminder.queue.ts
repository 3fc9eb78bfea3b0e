import { Injectable } from '@nestjs/common';
import { Clock } from '@relais/config';
import { ProducerQueues, QueueName } from '@relais/queue';
import { JobsOptions, Queue } from 'bullmq';
import type Redis from 'ioredis';
import { ScheduledReminder } from './reminder-draft';

export interface ReminderJob {
  reminderId: string;
}

export const REMINDER_JOB = 'fire';

/** Failed jobs stay in Redis (re-drivable with `npm run jobs:retry`); done ones go. */
const REMINDER_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: true,
  removeOnFail: false,
};

/**
 * The delayed jobs behind the reminders table. A job's id is its reminder's, so adding it again
 * (the reconciler, a redelivered event) is a no-op while it exists, and the row stays the truth.
 */
@Injectable()
export class ReminderQueue {
  constructor(
    private readonly queues: ProducerQueues,
    private readonly clock: Clock,
  ) {}

  private get queue(): Queue {
    return this.queues.get(QueueName.REMINDERS);
  }

  async enqueue(reminders: readonly ScheduledReminder[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let start = 0; start < reminders.length; start += 1000) {
      await this.queue.addBulk(
        reminders.slice(start, start + 1000).map((reminder) => ({
          name: REMINDER_JOB,
          data: { reminderId: reminder.id } satisfies ReminderJob,
          opts: {
            ...REMINDER_JOB_OPTIONS,
            jobId: reminder.id,
            delay: Math.max(0, reminder.dueAt.getTime() - now),
          },
        })),
      );
    }
  }

  /** Cancelled reminders lose their job; one already running re-reads its row and stops. */
  async discard(reminderIds: readonly string[]): Promise<void> {
    await Promise.all(reminderIds.map((id) => this.queue.remove(id).catch(() => 0)));
  }

  /** Which of these reminders have no job in Redis (flushed, lost in a failover, never added). */
  async withoutJob(reminderIds: readonly string[]): Promise<Set<string>> {
    const missing = new Set<string>();
    // BullMQ's connection is an ioredis client; its own type hides the plain commands.
    const client = (await this.queue.client) as unknown as Redis;
    for (let start = 0; start < reminderIds.length; start += 1000) {
      const chunk = reminderIds.slice(start, start + 1000);
      const pipeline = client.pipeline();
      for (const id of chunk) pipeline.exists(this.queue.toKey(id));
      const replies = (await pipeline.exec()) ?? [];
      replies.forEach(([error, exists], index) => {
        if (!error && exists === 0) missing.add(chunk[index]);
      });
    }
    return missing;
  }

  /**
   * Jobs still delayed although their reminder is due by the application's clock (a clock moved
   * forward in tests, a due date brought closer) run now.
   */
  async promoteDue(reminderIds: readonly string[]): Promise<number> {
    let promoted = 0;
    for (let start = 0; start < reminderIds.length; start += 50) {
      const results = await Promise.all(
        reminderIds.slice(start, start + 50).map(async (id) => {
          const job = await this.queue.getJob(id);
          if (!job || !(await job.isDelayed())) return 0;
          return job.promote().then(
            () => 1,
            () => 0,
          );
        }),
      );
      promoted += results.reduce<number>((sum, one) => sum + one, 0);
    }
    return promoted;
  }
}
