import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ConfigModule } from '@relais/config';
import { AccessGraphqlModule, AccessModule, requireGatedObjects } from '@relais/access';
import { AuditGraphqlModule, AuditModule } from '@relais/audit';
import { DatabaseModule } from '@relais/database';
import { describeRootTypes, graphqlModule, strictDateTime } from '@relais/graphql';
import { ConsentGraphqlModule } from '@relais/consent';
import { FollowUpsGraphqlModule } from '@relais/followups';
import { IdentityGraphqlModule } from '@relais/identity';
import { MeetingsGraphqlModule } from '@relais/meetings';
import { ReferralsGraphqlModule } from '@relais/referrals';
import { SituationsGraphqlModule } from '@relais/situations';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { QueueModule } from '@relais/queue';
import { RemindersGraphqlModule } from '@relais/reminders';
import { ReportingModule } from '@relais/reporting';
import { DispatchFiguresService } from './health/dispatch-figures.service';
import { HealthController } from './health/health.controller';
import { MetricsController } from './health/metrics.controller';

@Module({})
export class AppModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot(RELAIS_ENTITIES, 'relais-api', { standby: true }),
        QueueModule.forRoot('producer'),
        // Objects about a person are served only as the field gate made them; moments are read
        // strictly (full ISO 8601 with an offset, no 30 February).
        graphqlModule({
          transformSchema: (schema) => requireGatedObjects(strictDateTime(describeRootTypes(schema))),
        }),
        AccessModule,
        AuditModule,
        IdentityGraphqlModule.register(config),
        AuditGraphqlModule,
        AccessGraphqlModule,
        SituationsGraphqlModule,
        ConsentGraphqlModule,
        ReferralsGraphqlModule,
        MeetingsGraphqlModule,
        FollowUpsGraphqlModule,
        RemindersGraphqlModule,
        ReportingModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [DispatchFiguresService],
    };
  }
}
