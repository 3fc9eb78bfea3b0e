/**
 * npm run retention [-- --dry-run]
 * Runs the retention lifecycle of every territory now, as the worker's daily job does: archives
 * closed situations past their active period, anonymises those past their archive period, purges
 * audit events past theirs (a legal hold stops the last two). With --dry-run, lists what it would
 * do and changes nothing. Reads the database settings from the validated configuration, or, unset,
 * connects to the embedded Postgres `npm start` runs, as the application role.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccessModule } from '@relais/access';
import { AuditModule } from '@relais/audit';
import { ConfigModule, loadConfigOrExit } from '@relais/config';
import { DatabaseModule } from '@relais/database';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { RetentionLifecycleService, RetentionModule, retentionTally } from '@relais/reporting';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--dry-run');
  if (unknown.length) {
    throw new UsageError(
      `Option inconnue : ${unknown.join(' ')}.`,
      'Usage : npm run retention [-- --dry-run]',
    );
  }
  const dryRun = args.includes('--dry-run');
  const config = loadConfigOrExit(await commandEnvironment({ postgres: 'application' }));

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(RELAIS_ENTITIES, 'relais-retention'),
      AccessModule,
      AuditModule,
      RetentionModule,
    ],
  })
  class RetentionCommandModule {}

  const app = await NestFactory.createApplicationContext(RetentionCommandModule, {
    logger: ['error', 'warn'],
  });
  try {
    const runs = await app.get(RetentionLifecycleService).runAll({ dryRun });
    console.log(dryRun ? 'Simulation : rien n’est modifié.' : 'Durées de conservation appliquées.');
    for (const run of runs) {
      if (!run.steps.length) continue;
      console.log(`Territoire ${run.territoryId} :`);
      for (const step of run.steps) console.log(`  ${step.held ? '[gel] ' : ''}${step.description}`);
    }
    const tally = retentionTally(runs);
    console.log(
      `${tally.territories} territoire(s) ; ${tally.archived} situation(s) ${dryRun ? 'à archiver' : 'archivée(s)'}, ` +
        `${tally.anonymised} ${dryRun ? 'à anonymiser' : 'anonymisée(s)'}, ${tally.auditEventsPurged} événement(s) d’audit ` +
        `${dryRun ? 'à purger' : 'purgé(s)'}, ${tally.held} étape(s) suspendue(s) par un gel juridique.`,
    );
    return EXIT.OK;
  } finally {
    await app.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
