import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { MAINTENANCE_QUEUE, MaintenanceJob, PURGE_EVERY_MS } from './maintenance.queue';

/** Upserting the scheduler is idempotent: every worker replica may do it at boot. */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      MaintenanceJob.PURGE_ENDED_SESSIONS,
      { every: PURGE_EVERY_MS },
      {
        name: MaintenanceJob.PURGE_ENDED_SESSIONS,
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
