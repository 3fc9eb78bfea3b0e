import { AppConfig } from '@relais/config';
import { createDatabase, dropDatabase, withDatabase } from '@relais/database';
import { randomBytes } from 'node:crypto';
import { QueryRunner } from 'typeorm';
import { createRelaisDataSource } from './index';

type DatabaseConfig = AppConfig['database'];

export async function runMigrations(database: DatabaseConfig): Promise<string[]> {
  const dataSource = await createRelaisDataSource(database, 'relais-migrations').initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(database: DatabaseConfig): Promise<void> {
  const dataSource = await createRelaisDataSource(database, 'relais-migrations').initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

export interface SchemaDiff {
  up: string[];
  down: string[];
}

/** What the entities would change in a database that has every migration applied. */
export async function schemaDiff(database: DatabaseConfig): Promise<SchemaDiff> {
  const dataSource = await createRelaisDataSource(database, 'relais-migrations').initialize();
  // TypeORM reads the tables with queries started together (one per enum column) on the schema
  // builder's single connection; they go one after the other instead, as pg requires from 9.0 on.
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => oneQueryAtATime(createQueryRunner(mode));
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return {
      up: sql.upQueries.map((query) => query.query),
      down: sql.downQueries.map((query) => query.query).reverse(),
    };
  } finally {
    await dataSource.destroy();
  }
}

/** Each query waits for the one before it on the same connection to end. */
function oneQueryAtATime(queryRunner: QueryRunner): QueryRunner {
  const query = queryRunner.query.bind(queryRunner) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  queryRunner.query = ((...args: unknown[]) => {
    const result = previous.then(() => query(...args));
    previous = result.catch(() => undefined);
    return result;
  }) as QueryRunner['query'];
  return queryRunner;
}

/**
 * Runs `work` against a throw-away database on the same server, so generating or checking
 * migrations never depends on the state of a developer's database.
 */
export async function withScratchDatabase<T>(
  database: DatabaseConfig,
  work: (scratch: DatabaseConfig) => Promise<T>,
): Promise<T> {
  const name = `relais_scratch_${randomBytes(6).toString('hex')}`;
  const adminUrl = withDatabase(database.url, 'postgres');
  await createDatabase(adminUrl, name);
  try {
    return await work({ url: withDatabase(database.url, name), ownerUrl: undefined, poolSize: 2 });
  } finally {
    await dropDatabase(adminUrl, name);
  }
}

export interface MigrationCheck {
  /** Statements the entities need that no migration provides. */
  drift: string[];
  /** Statements left over after every migration was reverted (a `down` that forgets something). */
  leftoverAfterRevert: string[];
}

/** Applies every migration, compares with the entities, reverts them all, and applies them again. */
export async function checkMigrations(database: DatabaseConfig): Promise<MigrationCheck> {
  return withScratchDatabase(database, async (scratch) => {
    const applied = await runMigrations(scratch);
    const drift = (await schemaDiff(scratch)).up;
    for (let index = 0; index < applied.length; index++) await revertLastMigration(scratch);
    const leftoverAfterRevert = await userTables(scratch);
    await runMigrations(scratch);
    return { drift, leftoverAfterRevert };
  });
}

async function userTables(database: DatabaseConfig): Promise<string[]> {
  const dataSource = await createRelaisDataSource(database, 'relais-migrations').initialize();
  try {
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    return rows.map((row) => row.table_name);
  } finally {
    await dataSource.destroy();
  }
}

export function migrationSource(className: string, up: string[], down: string[]): string {
  const statements = (queries: string[]) =>
    queries.map((query) => `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`);`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
}
