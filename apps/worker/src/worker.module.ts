import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ConfigModule } from '@relais/config';
import { AccessModule } from '@relais/access';
import { AuditModule } from '@relais/audit';
import { DatabaseModule } from '@relais/database';
import { FollowUpsModule } from '@relais/followups';
import { IdentityModule } from '@relais/identity';
import { SituationsModule } from '@relais/situations';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { QueueModule } from '@relais/queue';
import { RemindersDispatchModule } from '@relais/reminders';
import { ReportingModule } from '@relais/reporting';
import { DispatchLoops } from './dispatch/dispatch-loops';
import { JobWorkers } from './dispatch/job-workers';
import { MailJobs } from './dispatch/mail.jobs';
import { OutboxJobs } from './dispatch/outbox.jobs';
import { ReminderJobs } from './dispatch/reminder.jobs';
import { AuditChainingLoop } from './maintenance/audit-chaining.loop';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MAINTENANCE_QUEUE } from './maintenance/maintenance.queue';
import { MaintenanceScheduler } from './maintenance/maintenance.scheduler';

@Module({})
export class WorkerModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot(RELAIS_ENTITIES, 'relais-worker'),
        QueueModule.forRoot('worker'),
        BullModule.registerQueue({ name: MAINTENANCE_QUEUE }),
        AccessModule,
        AuditModule,
        IdentityModule,
        SituationsModule,
        FollowUpsModule,
        RemindersDispatchModule,
        ReportingModule,
      ],
      providers: [
        MaintenanceProcessor,
        MaintenanceScheduler,
        OutboxJobs,
        ReminderJobs,
        MailJobs,
        JobWorkers,
        DispatchLoops,
        AuditChainingLoop,
      ],
    };
  }
}
