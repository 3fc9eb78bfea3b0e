import { Environment, processEnvironment } from '@relais/config';
import { createDatabase, dropDatabase, withDatabase } from '@relais/database';
import { testConfig } from '@relais/testing';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Client } from 'pg';
import {
  generateNationalDataset,
  NATIONAL,
  NATIONAL_GENERATION,
  NationalDataset,
  NationalScale,
} from '../../test/support/national-dataset';

const ROOT = resolve(__dirname, '../..');
/** Kept between runs (generating the national preset takes minutes), one per scale. */
function databaseName(scale: NationalScale): string {
  const preset = JSON.stringify(scale) === JSON.stringify(NATIONAL);
  return preset ? 'relais_bench_national' : `relais_bench_national_${scale.territories}_${scale.situations}`;
}

function say(line: string): void {
  process.stdout.write(`  ${line}\n`);
}

function migrate(environment: Environment): void {
  execFileSync(process.execPath, ['-r', '@swc-node/register', 'tools/migrations.ts', 'run'], {
    cwd: ROOT,
    env: { ...processEnvironment(), ...environment },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * The national database, generated once at `scale` and reused while its comment says it holds
 * that scale and comes from this generation of the generator (any newer migration is applied to
 * it, and the application role of this run made a login of it). Needs the run's variables
 * (provisionTestInfrastructure) for the server and role.
 */
export async function nationalDatabase(
  scale: NationalScale,
): Promise<{ environment: Environment; dataset: NationalDataset; cached: boolean }> {
  const config = testConfig();
  const NATIONAL_DATABASE = databaseName(scale);
  const admin = String(processEnvironment().RELAIS_TEST_ADMIN_DATABASE_URL);
  const ownerUrl = withDatabase(config.database.ownerUrl!, NATIONAL_DATABASE);
  const environment: Environment = {
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_URL: withDatabase(config.database.url, NATIONAL_DATABASE),
  };
  const adminClient = new Client({ connectionString: admin });
  await adminClient.connect();
  const [existing] = (
    await adminClient.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [NATIONAL_DATABASE],
    )
  ).rows;
  await adminClient.end();
  const kept = existing?.comment ? (JSON.parse(existing.comment) as NationalDataset) : null;
  if (kept?.generation === NATIONAL_GENERATION && JSON.stringify(kept.scale) === JSON.stringify(scale)) {
    say(`base nationale ${NATIONAL_DATABASE} réutilisée (générée en ${kept.seconds.toFixed(0)} s)`);
    migrate(environment);
    return { environment, dataset: kept, cached: true };
  }
  say(`génération de la base nationale ${NATIONAL_DATABASE}…`);
  await dropDatabase(admin, NATIONAL_DATABASE);
  await createDatabase(admin, NATIONAL_DATABASE);
  migrate(environment);
  const dataset = await generateNationalDataset(ownerUrl, scale, (line) => say(line));
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    // Written last: a generation cut short leaves no comment, so the next run starts again.
    await owner.query(
      `COMMENT ON DATABASE ${owner.escapeIdentifier(NATIONAL_DATABASE)} IS ${owner.escapeLiteral(JSON.stringify(dataset))}`,
    );
  } finally {
    await owner.end();
  }
  return { environment, dataset, cached: false };
}
