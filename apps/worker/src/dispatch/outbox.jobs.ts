import { Injectable } from '@nestjs/common';
import { OutboxConsumer, OutboxJob } from '@relais/outbox';
import { REMINDERS_CONSUMER, ReminderPlanner, ReminderQueue } from '@relais/reminders';
import { Job } from 'bullmq';

/** An outbox event reaches the reminders: planned in Postgres first, then mirrored in Redis. */
@Injectable()
export class OutboxJobs {
  constructor(
    private readonly consumer: OutboxConsumer,
    private readonly planner: ReminderPlanner,
    private readonly reminders: ReminderQueue,
  ) {}

  async process(job: Job<OutboxJob>): Promise<Record<string, number | string>> {
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
}
