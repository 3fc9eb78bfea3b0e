import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { AuthenticationService } from '@relais/identity';
import { Job } from 'bullmq';
import { MAINTENANCE_QUEUE, MaintenanceJob } from './maintenance.queue';

/** Housekeeping that must happen whoever is logged in: sessions past their end are deleted. */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly authentication: AuthenticationService) {
    super();
  }

  async process(job: Job): Promise<{ purgedSessions: number }> {
    switch (job.name) {
      case MaintenanceJob.PURGE_ENDED_SESSIONS: {
        const purgedSessions = await this.authentication.purgeEndedSessions();
        this.logger.log({ message: 'Sessions terminées purgées', purgedSessions, jobId: job.id });
        return { purgedSessions };
      }
      default:
        throw new Error(`Tâche de maintenance inconnue : ${job.name}`);
    }
  }
}
