import { AppConfig, Environment, loadConfig, processEnvironment } from '@relais/config';

/** The variables the global setup exported for this run: its own database and Redis prefix. */
export function testConfig(overrides: Environment = {}): AppConfig {
  return loadConfig({ ...processEnvironment(), NODE_ENV: 'test', ...overrides });
}

export function adminDatabaseUrl(): string {
  const url = processEnvironment().RELAIS_TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error("La configuration de test n'a pas été préparée (globalSetup de Jest).");
  return url;
}

/**
 * The schema owner's connection: for fixtures and for checks that must see past row-level security.
 * Of the run's database, or of a suite's own (`provisionIsolatedDatabase`'s environment).
 */
export function ownerDatabase(overrides: Environment = {}): AppConfig['database'] {
  const database = testConfig(overrides).database;
  if (!database.ownerUrl)
    throw new Error("La configuration de test n'a pas été préparée (globalSetup de Jest).");
  return { ...database, url: database.ownerUrl };
}
