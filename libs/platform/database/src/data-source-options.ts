import { AppConfig } from '@relais/config';
import { extname, join } from 'node:path';
import { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';
import { PreparingClient } from './prepared-statements';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type EntityList = MixedList<string | (new (...args: never[]) => unknown) | EntitySchema>;

// Migrations in the same language as this file: the sources' .ts, or the image's compiled .js
// (dist/server keeps the sources' layout).
export const MIGRATIONS_GLOB = join(__dirname, `../../../../migrations/*${extname(__filename)}`);

/**
 * The one TypeORM configuration used by the api, the worker and the migration commands.
 * The schema changes through migrations only: `synchronize` stays off everywhere.
 */
export function dataSourceOptions(
  database: AppConfig['database'],
  entities: EntityList,
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: database.url,
    entities,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into Postgres 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    applicationName,
    // The pool's connections come from PreparingClient, which names the marked statements.
    extra:
      database.preparedStatements === false
        ? { max: database.poolSize }
        : { max: database.poolSize, Client: PreparingClient },
    logging: false,
  };
}
