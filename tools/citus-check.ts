/**
 * npm run citus:check
 * Says, table by table, whether the schema could be distributed by territory_id over Citus: has the
 * table territory_id, do its unique indexes and foreign keys include it, and the verdict
 * (distribuable, référence, bloquée with what blocks it). Reads only the catalog (no row), as the
 * application role: DATABASE_URL, or the embedded Postgres `npm start` runs. Exits 0 whatever the
 * verdicts: it is a report; the test suite holds the list of blocked tables.
 */
import { loadDatabaseConfig } from '@relais/config';
import { checkDistributionReadiness } from '@relais/database';
import { Client } from 'pg';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';
import { formatDistributionReport } from './operations/distribution-report';

async function main(args: readonly string[]): Promise<number> {
  if (args.length)
    throw new UsageError(`Option inconnue : ${args.join(' ')}.`, 'Usage : npm run citus:check');
  const database = loadDatabaseConfig(await commandEnvironment({ postgres: 'application' }));
  const client = new Client({ connectionString: database.url, application_name: 'relais-citus-check' });
  await client.connect();
  try {
    console.log(formatDistributionReport(await checkDistributionReadiness(client)));
    return EXIT.OK;
  } finally {
    await client.end();
  }
}

runCommand(() => main(process.argv.slice(2)));
