/**
 * npm run reporting:rebuild [-- <territoryId>…]
 * Rebuilds the activity report's projection from the outbox history: of the territories named, or
 * of every territory when none is. Run it with the worker stopped (an event projected live during a
 * rebuild could be counted twice), after restoring a backup or changing how an event is projected.
 * Reads the database settings from the validated configuration, or, unset, connects to the embedded
 * Postgres `npm start` runs, as the application role.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfigOrExit } from '@relais/config';
import { DatabaseModule, ScopedDatabase } from '@relais/database';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { ProjectionModule, ProjectionRebuilder } from '@relais/reporting';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(args: readonly string[]): Promise<number> {
  const invalid = args.filter((arg) => !UUID.test(arg));
  if (invalid.length) {
    throw new UsageError(
      `Identifiant de territoire invalide : ${invalid.join(' ')}.`,
      'Usage : npm run reporting:rebuild [-- <identifiant de territoire>…]',
    );
  }
  const config = loadConfigOrExit(await commandEnvironment({ postgres: 'application' }));

  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(RELAIS_ENTITIES, 'relais-rebuild'),
      ProjectionModule,
    ],
  })
  class RebuildCommandModule {}

  const app = await NestFactory.createApplicationContext(RebuildCommandModule, { logger: ['error', 'warn'] });
  try {
    const territoryIds = args.length ? args : await app.get(ScopedDatabase).allTerritoryIds();
    const rebuilder = app.get(ProjectionRebuilder);
    for (const territoryId of territoryIds) {
      const { events } = await rebuilder.rebuild(territoryId);
      console.log(`Territoire ${territoryId} : projection reconstruite à partir de ${events} événement(s).`);
    }
    console.log(`${territoryIds.length} territoire(s) reconstruit(s).`);
    return EXIT.OK;
  } finally {
    await app.close();
  }
}

runCommand(() => main(process.argv.slice(2)));
