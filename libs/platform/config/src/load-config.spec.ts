import { ConfigurationError, loadConfig } from './load-config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/relais',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
  AUDIT_CHAIN_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  SECOND_FACTOR_KEY: 'ab'.repeat(32),
};

describe('loadConfig', () => {
  it('builds a typed configuration with defaults', () => {
    const config = loadConfig(valid);
    expect(config.http.port).toBe(3000);
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.graphql.introspection).toBe(true);
  });

  it('reads the request log settings and plan reuse, refusing bad values in French without echoing them', () => {
    expect(loadConfig(valid).requestLog).toEqual({ slowMs: 1000, sampleRate: 0.01 });
    expect(loadConfig(valid).database.preparedStatements).toBe(true);
    const set = loadConfig({
      ...valid,
      LOG_SLOW_REQUEST_MS: '250',
      LOG_ACCESS_SAMPLE_RATE: '1',
      DATABASE_PREPARED_STATEMENTS: 'off',
    });
    expect(set.requestLog).toEqual({ slowMs: 250, sampleRate: 1 });
    expect(set.database.preparedStatements).toBe(false);
    let problems: readonly string[] = [];
    try {
      loadConfig({
        ...valid,
        LOG_SLOW_REQUEST_MS: 'lent',
        LOG_ACCESS_SAMPLE_RATE: '2',
        DATABASE_PREPARED_STATEMENTS: 'peut-être',
      });
    } catch (error) {
      problems = (error as ConfigurationError).problems;
    }
    expect(problems).toEqual([
      'LOG_SLOW_REQUEST_MS : doit être un nombre de millisecondes',
      'LOG_ACCESS_SAMPLE_RATE : doit être compris entre 0 et 1',
      'DATABASE_PREPARED_STATEMENTS : doit valoir « on » ou « off »',
    ]);
  });

  it('reads an optional standby for reads, refusing anything but a Postgres URL', () => {
    expect(loadConfig(valid).database.replicaUrl).toBeUndefined();
    const standby = 'postgres://relais:secret@standby.internal:5432/relais';
    expect(loadConfig({ ...valid, DATABASE_REPLICA_URL: standby }).database.replicaUrl).toBe(standby);
    expect(() => loadConfig({ ...valid, DATABASE_REPLICA_URL: 'mysql://standby/relais' })).toThrow(
      'DATABASE_REPLICA_URL : doit être une URL postgres://',
    );
  });

  it('turns introspection and GraphiQL off in production', () => {
    const config = loadConfig({
      ...valid,
      NODE_ENV: 'production',
      AUDIT_CHECKPOINT_URL: 'file:///var/lib/relais/audit-checkpoints',
    });
    expect(config.graphql.introspection).toBe(false);
    expect(config.graphql.graphiql).toBe(false);
  });

  it('names every missing or invalid variable at once, without echoing values', () => {
    const secret = 'too-short-secret';
    let problems: readonly string[] = [];
    try {
      loadConfig({ API_PORT: 'quatre', JWT_SECRET: secret });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      problems = (error as ConfigurationError).problems;
    }
    const text = problems.join('\n');
    expect(text).toContain('DATABASE_URL : variable manquante');
    expect(text).toContain('REDIS_URL : variable manquante');
    expect(text).toContain('API_PORT');
    expect(text).toContain('JWT_SECRET');
    expect(text).not.toContain(secret);
  });

  it('reads the second-factor key in hexadecimal or base64, and refuses any other length', () => {
    const key = Buffer.alloc(32, 7);
    const base64 = loadConfig({
      ...valid,
      SECOND_FACTOR_KEY: key.toString('base64url'),
      SECOND_FACTOR_PREVIOUS_KEYS: `${'cd'.repeat(32)}, ${key.toString('base64')}`,
    });
    expect(base64.secondFactor.key.equals(key)).toBe(true);
    expect(base64.secondFactor.previousKeys).toEqual([Buffer.from('cd'.repeat(32), 'hex'), key]);
    expect(loadConfig(valid).secondFactor.key).toEqual(Buffer.from('ab'.repeat(32), 'hex'));
    const short = 'ab'.repeat(16);
    expect(() => loadConfig({ ...valid, SECOND_FACTOR_KEY: short })).toThrow(/SECOND_FACTOR_KEY : /);
    expect(() => loadConfig({ ...valid, SECOND_FACTOR_KEY: short })).not.toThrow(new RegExp(short));
  });

  it('reads the audit chain keys newest first, and a checkpoint directory given as a file URL', () => {
    const config = loadConfig({
      ...valid,
      AUDIT_CHAIN_KEYS: `k2:${Buffer.alloc(32, 2).toString('base64url')}, k1:${Buffer.alloc(48, 1).toString('base64')}`,
      AUDIT_CHECKPOINT_URL: 'file:///var/lib/relais/audit-checkpoints',
    });
    expect(config.audit.chainKeys).toEqual([
      { id: 'k2', secret: Buffer.alloc(32, 2) },
      { id: 'k1', secret: Buffer.alloc(48, 1) },
    ]);
    expect(config.audit.checkpointDirectory).toBe('/var/lib/relais/audit-checkpoints');
  });

  it('refuses short or repeated chain keys and other checkpoint places, without echoing a key', () => {
    const short = Buffer.alloc(16, 9).toString('base64');
    expect(() => loadConfig({ ...valid, AUDIT_CHAIN_KEYS: `k1:${short}` })).toThrow(
      /AUDIT_CHAIN_KEYS : clé « k1 » : 32 octets au moins/,
    );
    expect(() => loadConfig({ ...valid, AUDIT_CHAIN_KEYS: `k1:${short}` })).not.toThrow(short);
    const key = Buffer.alloc(32, 3).toString('base64');
    expect(() => loadConfig({ ...valid, AUDIT_CHAIN_KEYS: `k1:${key},k1:${key}` })).toThrow(/deux fois/);
    expect(() => loadConfig({ ...valid, AUDIT_CHECKPOINT_URL: 'https://stockage.example/relais' })).toThrow(
      /AUDIT_CHECKPOINT_URL : /,
    );
    const { AUDIT_CHAIN_KEYS: _keys, ...withoutKeys } = valid;
    expect(() => loadConfig(withoutKeys)).toThrow(/AUDIT_CHAIN_KEYS : variable manquante/);
  });

  it('requires a checkpoint place in production, and uses the local state directory otherwise', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production' })).toThrow(/AUDIT_CHECKPOINT_URL/);
    expect(loadConfig(valid).audit.checkpointDirectory).toMatch(/\.data\/audit-checkpoints$/);
  });

  it("reads Redis sentinels, with Sentinel's usual port and the default master name", () => {
    expect(loadConfig(valid).redis.sentinel).toBeUndefined();
    const config = loadConfig({
      ...valid,
      REDIS_SENTINELS: 'sentinelle-a:26380, 10.0.0.2 ,[fd00::3]:26381',
      REDIS_SENTINEL_PASSWORD: 'secret-des-sentinelles',
    });
    expect(config.redis.sentinel).toEqual({
      addresses: [
        { host: 'sentinelle-a', port: 26380 },
        { host: '10.0.0.2', port: 26379 },
        { host: 'fd00::3', port: 26381 },
      ],
      masterName: 'relais',
      password: 'secret-des-sentinelles',
    });
    expect(
      loadConfig({ ...valid, REDIS_SENTINELS: 'a', REDIS_SENTINEL_MASTER: 'maitre-2' }).redis.sentinel,
    ).toMatchObject({ masterName: 'maitre-2' });
  });

  it('refuses malformed sentinels, and sentinel settings without sentinels, in French', () => {
    const problemsOf = (environment: Record<string, string>) => {
      try {
        loadConfig({ ...valid, ...environment });
      } catch (error) {
        return (error as ConfigurationError).problems;
      }
      return [];
    };
    expect(problemsOf({ REDIS_SENTINELS: 'a:26379,b:99999', REDIS_SENTINEL_MASTER: 'mon maître' })).toEqual([
      'REDIS_SENTINELS : sentinelle n° 2 : la forme attendue est hôte:port (port entre 1 et 65535), séparées par des virgules',
      'REDIS_SENTINEL_MASTER : doit compter 1 à 100 caractères parmi lettres, chiffres, « . », « _ » et « - »',
    ]);
    expect(problemsOf({ REDIS_SENTINELS: 'a:b' })).toHaveLength(1);
    const orphans = problemsOf({
      REDIS_SENTINEL_MASTER: 'relais',
      REDIS_SENTINEL_PASSWORD: 'secret-orphelin',
    });
    expect(orphans).toEqual([
      'REDIS_SENTINEL_MASTER : sans effet sans REDIS_SENTINELS (liste hôte:port des sentinelles)',
      'REDIS_SENTINEL_PASSWORD : sans effet sans REDIS_SENTINELS (liste hôte:port des sentinelles)',
    ]);
  });

  it('parses the CORS origins list', () => {
    const config = loadConfig({ ...valid, CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });
});
