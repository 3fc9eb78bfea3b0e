/**
 * npm run reporting:rebuild [-- <territoryId>…]
 * Rebuilds the activity report's projection from the outbox history: of the territories named, or
 * of every territory when none is. Run it with the worker stopped (an event projected live during a
 * rebuild could be counted twice), after restoring a backup or changing how an event is projected.
 * Reads the database settings from the validated configuration.
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigModule, loadConfigOrExit } from '@relais/config';
import { DatabaseModule, ScopedDatabase } from '@relais/database';
import { RELAIS_ENTITIES } from '@relais/persistence';
import { ProjectionModule, ProjectionRebuilder } from '@relais/reporting';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(args: readonly string[]): Promise<number> {
  const invalid = args.filter((arg) => !UUID.test(arg));
  if (invalid.length) {
    console.error(
      `Identifiant de territoire invalide : ${invalid.join(' ')}. Usage : reporting:rebuild [territoire…]`,
    );
    return 2;
  }
  const config = loadConfigOrExit();

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
    return 0;
  } finally {
    await app.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
