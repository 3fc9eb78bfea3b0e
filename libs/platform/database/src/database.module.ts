import {
  DynamicModule,
  Global,
  Inject,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { assertApplicationRole } from './application-role';
import { dataSourceOptions } from './data-source-options';
import { ScopedDatabase } from './scoped-database';
import { ReadPositions } from './standby/read-positions';
import { STANDBY_DATA_SOURCE } from './standby/standby-reads';

type Entities = MixedList<(new (...args: never[]) => unknown) | EntitySchema>;

@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(getDataSourceToken()) private readonly dataSource: DataSource,
    @Optional() @Inject(STANDBY_DATA_SOURCE) private readonly standby: DataSource | null = null,
  ) {}

  /**
   * `standby`: the process serves reads that may lag (the api), so it opens a pool on
   * `DATABASE_REPLICA_URL` when one is configured; the worker and the commands never do.
   */
  static forRoot(
    entities: Entities,
    applicationName: string,
    options: { standby?: boolean } = {},
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => dataSourceOptions(config.database, entities, applicationName),
        }),
      ],
      providers: [
        {
          provide: STANDBY_DATA_SOURCE,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            options.standby && config.database.replicaUrl
              ? new DataSource(
                  dataSourceOptions(
                    { ...config.database, url: config.database.replicaUrl },
                    entities,
                    `${applicationName}-standby`,
                  ),
                ).initialize()
              : null,
        },
        ScopedDatabase,
        ReadPositions,
      ],
      exports: [ScopedDatabase, ReadPositions],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await assertApplicationRole(this.dataSource);
    // The standby's roles are the primary's: the same role, the same second lock.
    if (this.standby) await assertApplicationRole(this.standby);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.standby?.isInitialized) await this.standby.destroy();
  }
}
