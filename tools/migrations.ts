/**
 * npm run migration:run | migration:revert | migration:generate -- <Name> | migration:check
 * Connects with DATABASE_OWNER_URL (the schema owner), or DATABASE_URL when it is the only one
 * given. With both, `run` also makes DATABASE_URL's user the application's login role. With neither,
 * the embedded Postgres `npm start` runs (its owner, and its application role for `run`).
 */
import 'reflect-metadata';
import { loadDatabaseConfig } from '@relais/config';
import { ensureApplicationLogin } from '@relais/database';
import {
  checkMigrations,
  migrationSource,
  revertLastMigration,
  runMigrations,
  schemaDiff,
  withScratchDatabase,
} from '@relais/persistence/migrations';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';

const USAGE =
  'Usage : npm run migration:run | migration:revert | migration:generate -- <NomEnPascalCase> | migration:check';

async function main(command: string | undefined, name: string | undefined): Promise<number> {
  if (!['run', 'revert', 'generate', 'check'].includes(command ?? '')) {
    throw new UsageError('Commande de migration inconnue.', USAGE);
  }
  if (command === 'generate' && (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))) {
    throw new UsageError('Donnez un nom en PascalCase : npm run migration:generate -- AddMeetings', USAGE);
  }
  const configured = loadDatabaseConfig(await commandEnvironment({ postgres: 'owner' }));
  const database = { ...configured, url: configured.ownerUrl ?? configured.url };
  switch (command) {
    case 'run': {
      const applied = await runMigrations(database);
      console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour.');
      if (configured.ownerUrl) {
        const role = await ensureApplicationLogin(configured.ownerUrl, configured.url);
        if (role) console.log(`Rôle applicatif prêt : ${role}`);
      }
      return 0;
    }
    case 'revert':
      await revertLastMigration(database);
      console.log('Dernière migration annulée.');
      return 0;
    case 'generate': {
      const diff = await withScratchDatabase(database, async (scratch) => {
        await runMigrations(scratch);
        return schemaDiff(scratch);
      });
      if (!diff.up.length) {
        console.log('Aucune différence entre les entités et les migrations.');
        return EXIT.OK;
      }
      const timestamp = Date.now();
      const kebab = name!.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
      const file = join(__dirname, '..', 'migrations', `${timestamp}-${kebab}.ts`);
      writeFileSync(file, migrationSource(`${name!}${timestamp}`, diff.up, diff.down));
      console.log(`Migration écrite : ${file} — relisez-la et nommez contraintes et index.`);
      return 0;
    }
    case 'check': {
      const result = await checkMigrations(database);
      if (result.drift.length) {
        console.error('Les entités et les migrations divergent. Manque :\n' + result.drift.join(';\n'));
        return 1;
      }
      if (result.leftoverAfterRevert.length) {
        console.error(`Les down() laissent des tables : ${result.leftoverAfterRevert.join(', ')}`);
        return 1;
      }
      console.log('Migrations et entités concordent ; chaque down() défait son up().');
      return 0;
    }
    default:
      throw new UsageError('Commande de migration inconnue.', USAGE);
  }
}

runCommand(() => main(process.argv[2], process.argv[3]));
