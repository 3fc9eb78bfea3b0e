import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { AuditCheckpointService } from '@relais/audit';
import { AuthenticationService } from '@relais/identity';
import { FollowUpService } from '@relais/followups';
import { RetentionLifecycleService, retentionTally } from '@relais/reporting';
import { SituationService } from '@relais/situations';
import { Job } from 'bullmq';
import { MAINTENANCE_QUEUE, MaintenanceJob } from './maintenance.queue';

/**
 * Work that must happen whoever is logged in: sessions past their end are deleted; situations
 * whose review date has come are marked due for review; follow-ups are watched (planned end,
 * four-weekly review, vacant seats); each territory's audit chain is sealed by a signed checkpoint
 * written outside the database; once a day the retention lifecycle archives, anonymises and
 * purges what is past its period.
 */
@Processor(MAINTENANCE_QUEUE)
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(
    private readonly authentication: AuthenticationService,
    private readonly situations: SituationService,
    private readonly followUps: FollowUpService,
    private readonly auditCheckpoints: AuditCheckpointService,
    private readonly retention: RetentionLifecycleService,
  ) {
    super();
  }

  async process(job: Job): Promise<Record<string, number>> {
    switch (job.name) {
      case MaintenanceJob.PURGE_ENDED_SESSIONS: {
        const purgedSessions = await this.authentication.purgeEndedSessions();
        this.logger.log({ message: 'Sessions terminées purgées', purgedSessions, jobId: job.id });
        return { purgedSessions };
      }
      case MaintenanceJob.MARK_REVIEWS_DUE: {
        const reviewsDue = await this.situations.markReviewsDue();
        this.logger.log({
          message: 'Situations arrivées à leur date de réexamen',
          reviewsDue,
          jobId: job.id,
        });
        return { reviewsDue };
      }
      case MaintenanceJob.WATCH_FOLLOW_UPS: {
        const announced = await this.followUps.watchFollowUps();
        this.logger.log({ message: 'Accompagnements surveillés', ...announced, jobId: job.id });
        return announced;
      }
      case MaintenanceJob.AUDIT_CHECKPOINTS: {
        const round = await this.auditCheckpoints.checkpointAll();
        this.logger.log({ message: "Chaînes d'audit scellées hors de la base", ...round, jobId: job.id });
        return { ...round };
      }
      case MaintenanceJob.RETENTION: {
        const tally = retentionTally(await this.retention.runAll({ dryRun: false }));
        this.logger.log({ message: 'Durées de conservation appliquées', ...tally, jobId: job.id });
        return tally;
      }
      default:
        throw new Error(`Tâche de maintenance inconnue : ${job.name}`);
    }
  }
}
