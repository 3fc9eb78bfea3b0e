import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE, MaintenanceJob, PURGE_EVERY_MS, REVIEWS_EVERY_MS } from './maintenance.queue';

/** Upserting the scheduler is idempotent: every worker replica may do it at boot. */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule(MaintenanceJob.PURGE_ENDED_SESSIONS, PURGE_EVERY_MS);
    await this.schedule(MaintenanceJob.MARK_REVIEWS_DUE, REVIEWS_EVERY_MS);
    await this.schedule(MaintenanceJob.WATCH_FOLLOW_UPS, REVIEWS_EVERY_MS);
  }

  private async schedule(name: string, every: number): Promise<void> {
    await this.queue.upsertJobScheduler(
      name,
      { every },
      {
        name,
        opts: {
          attempts: 3,
          backoff: { type: 'exponential', delay: 10_000 },
          removeOnComplete: 100,
          removeOnFail: 1000,
        },
      },
    );
  }
}
