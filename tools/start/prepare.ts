/**
 * The launcher's preparation, in a process that exits when done (its libraries are not kept in
 * memory for the life of the launcher): the web client built when its sources changed, migrations,
 * the application role's login, and the demonstration territory (once).
 * Reads the environment the launcher completed (DATABASE_URL as the application role,
 * DATABASE_OWNER_URL as the owner, secrets).
 */
import 'reflect-metadata';
import { loadConfig } from '@relais/config';
import { ensureApplicationLogin } from '@relais/database';
import { PasswordHasher, seedDemoTerritory } from '@relais/identity';
import { createRelaisDataSource } from '@relais/persistence';
import { runMigrations } from '@relais/persistence/migrations';
import { buildWebClient, WEB_BUILD, webBuildState } from '@relais/web-build';

const say = (line: string) => process.stdout.write(`[relais] ${line}\n`);

/** Builds the web client (npx nx build web) when it was never built or its sources changed since. */
async function ensureWebBuild(webRoot: string): Promise<void> {
  const state = webBuildState(webRoot);
  if (state === 'current') {
    say('client web à jour');
    return;
  }
  if (webRoot !== WEB_BUILD) {
    say(`client web absent ou ancien dans WEB_ROOT (${webRoot}) : construisez-le vous-même`);
    return;
  }
  say(
    state === 'stale'
      ? 'client web modifié : construction (npx nx build web)…'
      : 'construction du client web (npx nx build web)…',
  );
  await buildWebClient();
}

async function prepare(): Promise<void> {
  const config = loadConfig();
  await ensureWebBuild(config.http.webRoot);
  const owner = { ...config.database, url: config.database.ownerUrl! };
  const applied = await runMigrations(owner);
  await ensureApplicationLogin(owner.url, config.database.url);
  say(applied.length ? `migrations appliquées : ${applied.length}` : 'base de données à jour');

  const dataSource = await createRelaisDataSource(owner, 'relais-start').initialize();
  try {
    const { created } = await seedDemoTerritory(dataSource, new PasswordHasher(), config.secondFactor.key);
    say(created ? 'territoire de démonstration créé' : 'territoire de démonstration déjà présent');
  } finally {
    await dataSource.destroy();
  }
}

prepare().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `[relais] préparation impossible : ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
