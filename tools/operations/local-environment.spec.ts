import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFailure, EXIT } from './command';
import { LocalServersUnavailable, resolveEnvironment } from './local-environment';

const OWNER_PASSWORD = 'p@ss/word:1';
const APPLICATION_PASSWORD = 'a1b2c3d4';
const SECRETS = {
  jwtSecret: 'j'.repeat(64),
  auditChainKeys: `local-1:${Buffer.alloc(32, 1).toString('base64')}`,
  secondFactorKey: Buffer.alloc(32, 2).toString('base64'),
  applicationDatabasePassword: APPLICATION_PASSWORD,
};

describe('where an operations command connects', () => {
  let dataDir: string;
  const running = () => Promise.resolve(true);
  const stopped = () => Promise.resolve(false);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'relais-local-environment-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  /** What `npm start` leaves in .data: the embedded server's password and the local secrets. */
  function startedOnce(): void {
    mkdirSync(join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'postgres.password'), `${OWNER_PASSWORD}\n`);
    writeFileSync(join(dataDir, 'local-secrets.json'), JSON.stringify(SECRETS));
  }

  it('uses what npm start made when nothing is set, and names it without a password', async () => {
    startedOnce();
    const probed: string[] = [];
    const { environment, connectionLine } = await resolveEnvironment(
      {},
      { postgres: 'application', redis: true },
      {
        dataDir,
        isPortOpen: (host, port) => {
          probed.push(`${host}:${port}`);
          return running();
        },
      },
    );
    const owner = new URL(environment.DATABASE_OWNER_URL!);
    expect([owner.username, decodeURIComponent(owner.password), owner.host, owner.pathname]).toEqual([
      'postgres',
      OWNER_PASSWORD,
      '127.0.0.1:54329',
      '/relais',
    ]);
    expect(environment.DATABASE_URL).toBe(
      `postgres://relais_api:${APPLICATION_PASSWORD}@127.0.0.1:54329/relais`,
    );
    expect(environment.REDIS_URL).toBe('redis://127.0.0.1:63790');
    expect(environment).toMatchObject({
      JWT_SECRET: SECRETS.jwtSecret,
      AUDIT_CHAIN_KEYS: SECRETS.auditChainKeys,
      SECOND_FACTOR_KEY: SECRETS.secondFactorKey,
    });
    expect(probed).toEqual(['127.0.0.1:54329', '127.0.0.1:63790']);
    expect(connectionLine).toBe(
      'connexion : Postgres 127.0.0.1:54329/relais (rôle relais_api), Redis 127.0.0.1:63790',
    );
    expect(connectionLine).not.toContain(APPLICATION_PASSWORD);
  });

  it('finds the servers on the ports npm start was given (RELAIS_POSTGRES_PORT, RELAIS_REDIS_PORT)', async () => {
    startedOnce();
    const probed: string[] = [];
    const { environment } = await resolveEnvironment(
      { RELAIS_POSTGRES_PORT: '55432', RELAIS_REDIS_PORT: '16379' },
      { postgres: 'application', redis: true },
      {
        dataDir,
        isPortOpen: (host, port) => {
          probed.push(`${host}:${port}`);
          return running();
        },
      },
    );
    expect(probed).toEqual(['127.0.0.1:55432', '127.0.0.1:16379']);
    expect(new URL(environment.DATABASE_OWNER_URL!).host).toBe('127.0.0.1:55432');
    expect(new URL(environment.DATABASE_URL!).host).toBe('127.0.0.1:55432');
    expect(environment.REDIS_URL).toBe('redis://127.0.0.1:16379');
  });

  it('says the owner for the commands that run as the owner', async () => {
    startedOnce();
    const { connectionLine } = await resolveEnvironment(
      {},
      { postgres: 'owner' },
      { dataDir, isPortOpen: running },
    );
    expect(connectionLine).toBe('connexion : Postgres 127.0.0.1:54329/relais (rôle postgres)');
  });

  it('lets every variable set in the environment win', async () => {
    startedOnce();
    const given = {
      DATABASE_URL: 'postgres://app:secret@db.example:5433/relais_prod',
      DATABASE_OWNER_URL: 'postgres://owner:secret@db.example:5433/relais_prod',
      REDIS_URL: 'redis://cache.example:6380',
      JWT_SECRET: 'k'.repeat(64),
    };
    const { environment, connectionLine } = await resolveEnvironment(
      given,
      { postgres: 'application', redis: true },
      // Nothing local runs: the given servers are used, never probed here.
      { dataDir, isPortOpen: stopped },
    );
    expect(environment).toMatchObject(given);
    // Secrets left unset still come from this checkout's state.
    expect(environment.SECOND_FACTOR_KEY).toBe(SECRETS.secondFactorKey);
    expect(connectionLine).toBe(
      'connexion : Postgres db.example:5433/relais_prod (rôle app), Redis cache.example:6380',
    );
    expect(connectionLine).not.toContain('secret');
  });

  it('refuses with exit 69 and tells to run npm start when the local servers are not running', async () => {
    startedOnce();
    const refusal = await resolveEnvironment(
      {},
      { postgres: 'owner' },
      { dataDir, isPortOpen: stopped },
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(LocalServersUnavailable);
    const { message, code } = describeFailure(refusal);
    expect(code).toBe(EXIT.UNAVAILABLE);
    expect(message).toContain('Le Postgres local (127.0.0.1:54329) ne répond pas');
    expect(message).toContain("lancez d'abord npm start, ou définissez DATABASE_URL");

    const redis = await resolveEnvironment(
      { DATABASE_URL: 'postgres://app@db.example/relais' },
      { redis: true },
      { dataDir, isPortOpen: stopped },
    ).catch((error: unknown) => error);
    expect(describeFailure(redis)).toMatchObject({
      code: 69,
      message: expect.stringContaining('Le Redis local'),
    });
  });

  it('refuses with exit 69 on a machine where npm start never ran', async () => {
    const refusal = await resolveEnvironment(
      {},
      { postgres: 'application' },
      {
        dataDir: join(dataDir, 'absent'),
        isPortOpen: running,
      },
    ).catch((error: unknown) => error);
    expect(describeFailure(refusal)).toMatchObject({
      code: 69,
      message: expect.stringContaining("Aucun Postgres configuré : lancez d'abord npm start"),
    });
  });

  it('never fills anything from the local state in production', async () => {
    startedOnce();
    const { environment } = await resolveEnvironment(
      { NODE_ENV: 'production' },
      {},
      { dataDir, isPortOpen: running },
    );
    expect(environment).toEqual({ NODE_ENV: 'production' });
  });

  it('reads an empty variable as unset', async () => {
    startedOnce();
    const { environment } = await resolveEnvironment(
      { DATABASE_URL: '', REDIS_URL: '' },
      { postgres: 'owner', redis: true },
      { dataDir, isPortOpen: running },
    );
    expect(environment.DATABASE_URL).toContain('127.0.0.1:54329');
    expect(environment.REDIS_URL).toBe('redis://127.0.0.1:63790');
  });
});
