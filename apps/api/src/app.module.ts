import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, Clock, ConfigModule } from '@relais/config';
import { AccessGraphqlModule, AccessModule } from '@relais/access';
import { AuditGraphqlModule, AuditModule } from '@relais/audit';
import { DatabaseModule } from '@relais/database';
import { graphqlModule } from '@relais/graphql';
import { IdentityGraphqlModule } from '@relais/identity';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { QueueModule } from '@relais/queue';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, clock),
        DatabaseModule.forRoot(RELAIS_ENTITIES, 'relais-api'),
        QueueModule.forRoot('producer'),
        graphqlModule(),
        AccessModule,
        AuditModule,
        IdentityGraphqlModule,
        AuditGraphqlModule,
        AccessGraphqlModule,
      ],
      controllers: [HealthController],
    };
  }
}
