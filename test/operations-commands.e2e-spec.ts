import { testConfig } from '@relais/testing';
import { runOperationsCommand } from './support/operations-command';

/** As on a machine where nothing is configured and `npm start` never ran. */
const NOTHING_SET = {
  DATABASE_URL: '',
  DATABASE_OWNER_URL: '',
  REDIS_URL: '',
  JWT_SECRET: '',
  AUDIT_CHAIN_KEYS: '',
  SECOND_FACTOR_KEY: '',
};

describe('operations commands: where they connect, and their exit codes', () => {
  it('say where they connect, as which role, and never the password', async () => {
    const config = testConfig();
    const [jobs, retention] = await Promise.all([
      runOperationsCommand('jobs.ts', ['failed', 'outbox']),
      runOperationsCommand('retention.ts', ['--dry-run']),
    ]);
    expect(jobs.code).toBe(0);
    expect(jobs.stderr).toMatch(/^connexion : Redis [\w.-]+:\d+$/m);
    expect(jobs.stdout).toBe('outbox : aucune tâche en échec\n');

    expect(retention.code).toBe(0);
    const role = decodeURIComponent(new URL(config.database.url).username);
    expect(retention.stderr).toMatch(
      new RegExp(`^connexion : Postgres [\\w.-]+:\\d+/relais_test_\\w+ \\(rôle ${role}\\)$`, 'm'),
    );
    expect(retention.stdout).toContain('Simulation : rien n’est modifié.');
    for (const output of [jobs.stderr, retention.stderr]) {
      expect(output).not.toContain(new URL(config.database.url).password);
    }
  }, 120_000);

  it('tell to run npm start, and exit 69, when nothing is set and no local server runs', async () => {
    const runs = await Promise.all([
      runOperationsCommand('jobs.ts', ['failed'], NOTHING_SET),
      runOperationsCommand('backup.ts', [], NOTHING_SET),
      runOperationsCommand('migrations.ts', ['run'], NOTHING_SET),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(69);
      expect(run.stderr).toContain("lancez d'abord npm start, ou définissez DATABASE_URL");
      expect(run.stdout).toBe('');
    }
  }, 120_000);

  it('refuse a mistyped call with exit 64, and a backup or a territory as the application role with exit 78', async () => {
    const [usage, unknownOption, applicationRole, territoryAsApplication] = await Promise.all([
      runOperationsCommand('jobs.ts', ['failed', 'courrier-inconnu']),
      runOperationsCommand('retention.ts', ['--a-sec']),
      runOperationsCommand('backup.ts', ['--output', '/nonexistent/jamais'], { DATABASE_OWNER_URL: '' }),
      runOperationsCommand(
        'territory-create.ts',
        ['--name', 'CLSM de Nullepart', '--admin-email', 'admin@nullepart.relais.test'],
        { DATABASE_OWNER_URL: '' },
      ),
    ]);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('File inconnue : courrier-inconnu.');
    expect(unknownOption.code).toBe(64);
    expect(unknownOption.stderr).toContain('Option inconnue : --a-sec.');
    // Row-level security would hide rows from it: the dump must be the owner's.
    expect(applicationRole.code).toBe(78);
    expect(applicationRole.stderr).toContain(
      'ne lit pas toutes les lignes (sécurité par ligne) : la sauvegarde',
    );
    expect(territoryAsApplication.code).toBe(78);
    expect(territoryAsApplication.stderr).toContain(
      'la création d’un territoire se fait avec le propriétaire',
    );
  }, 120_000);
});
