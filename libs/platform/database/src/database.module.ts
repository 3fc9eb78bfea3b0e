import { DynamicModule, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { assertApplicationRole } from './application-role';
import { dataSourceOptions } from './data-source-options';
import { ScopedDatabase } from './scoped-database';

@Global()
@Module({})
export class DatabaseModule implements OnApplicationBootstrap {
  constructor(@Inject(getDataSourceToken()) private readonly dataSource: DataSource) {}

  static forRoot(
    entities: MixedList<(new (...args: never[]) => unknown) | EntitySchema>,
    applicationName: string,
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => dataSourceOptions(config.database, entities, applicationName),
        }),
      ],
      providers: [ScopedDatabase],
      exports: [ScopedDatabase],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await assertApplicationRole(this.dataSource);
  }
}
