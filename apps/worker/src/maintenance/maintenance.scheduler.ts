import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ProducerQueues, QueueName } from '@relais/queue';
import { MailJob } from '@relais/reminders';
import { RepeatOptions } from 'bullmq';
import {
  AUDIT_CHECKPOINTS_EVERY_MS,
  DIGEST_PATTERN,
  MAINTENANCE_QUEUE,
  MaintenanceJob,
  PURGE_EVERY_MS,
  RETENTION_PATTERN,
  REVIEWS_EVERY_MS,
} from './maintenance.queue';

const PERIODIC_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: 100,
  removeOnFail: 1000,
};

/**
 * Upserting a job scheduler is idempotent: every worker replica does it at boot, and the
 * reconciler again, since a Redis flush would lose them.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(private readonly queues: ProducerQueues) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSchedulers();
  }

  async ensureSchedulers(): Promise<void> {
    await this.schedule(MAINTENANCE_QUEUE, MaintenanceJob.PURGE_ENDED_SESSIONS, { every: PURGE_EVERY_MS });
    await this.schedule(MAINTENANCE_QUEUE, MaintenanceJob.MARK_REVIEWS_DUE, { every: REVIEWS_EVERY_MS });
    await this.schedule(MAINTENANCE_QUEUE, MaintenanceJob.WATCH_FOLLOW_UPS, { every: REVIEWS_EVERY_MS });
    await this.schedule(MAINTENANCE_QUEUE, MaintenanceJob.AUDIT_CHECKPOINTS, {
      every: AUDIT_CHECKPOINTS_EVERY_MS,
    });
    await this.schedule(MAINTENANCE_QUEUE, MaintenanceJob.RETENTION, {
      pattern: RETENTION_PATTERN,
      tz: 'Europe/Paris',
    });
    await this.schedule(QueueName.MAIL, MailJob.DIGEST, { pattern: DIGEST_PATTERN, tz: 'Europe/Paris' });
  }

  private async schedule(queue: QueueName, name: string, repeat: RepeatOptions): Promise<void> {
    await this.queues.get(queue).upsertJobScheduler(name, repeat, { name, opts: PERIODIC_JOB_OPTIONS });
  }
}
