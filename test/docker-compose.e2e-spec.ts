import { checkpointDirectoryOf, loadConfig } from '@relais/config';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs where the tests run: the compose file, Dockerfile and .dockerignore are
 * checked by reading them.
 */
const ROOT = resolve(__dirname, '..');

interface Service {
  image?: string;
  build?: unknown;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: (string | number)[];
  volumes?: (string | { source?: string })[];
}

const compose = parse(readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const { services } = compose;

function environmentOf(service: Service): Record<string, string> {
  const entries = Array.isArray(service.environment)
    ? service.environment.map((entry) => {
        const at = entry.indexOf('=');
        return [entry.slice(0, at), entry.slice(at + 1)];
      })
    : Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value ?? '')]);
  return Object.fromEntries(entries);
}

function words(command: Service['command']): string[] {
  return Array.isArray(command) ? command : (command ?? '').split(/\s+/);
}

function majorVersion(image: string | undefined): number {
  return Number(/:(\d+)/.exec(image ?? '')?.[1]);
}

/** Compose's `${NAME}`, `${NAME:-default}` and `${NAME:?message}`, with the values an operator would give. */
function interpolate(value: string, given: Record<string, string>): string {
  return value.replace(
    /\$\{(\w+)(?:(:?[-?])([^}]*))?\}/g,
    (_match, name: string, operator: string | undefined, argument: string | undefined) => {
      if (name in given) return given[name];
      if (operator?.endsWith('-')) return argument ?? '';
      throw new Error(`${name} n'a ni valeur ni défaut`);
    },
  );
}

const REQUIRED_SUBSTITUTION = /^\$\{\w+:\?[^}]*\}$/;
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|API_KEY/i;

describe('docker-compose.yml', () => {
  it('declares the database, queue, mail sink, migration and both applications', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mail', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('runs Postgres 16 with a health check and a named volume', () => {
    const postgres = services.postgres;
    expect(majorVersion(postgres.image)).toBe(16);
    expect(postgres.healthcheck?.test).toBeDefined();
    const [volume] = (postgres.volumes ?? []).map((entry) =>
      typeof entry === 'string' ? entry.split(':')[0] : entry.source,
    );
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('runs Redis 7 as BullMQ needs it: append-only, fsync every second, nothing evicted', () => {
    const redis = services.redis;
    expect(majorVersion(redis.image)).toBe(7);
    const command = words(redis.command).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--appendfsync everysec');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(redis.healthcheck?.test).toBeDefined();
    const [volume] = (redis.volumes ?? []).map((entry) =>
      typeof entry === 'string' ? entry.split(':')[0] : entry.source,
    );
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('offers an SMTP sink with a web interface', () => {
    expect(services.mail.ports?.map(String)).toEqual(expect.arrayContaining(['1025:1025', '8025:8025']));
  });

  it('migrates once the database is healthy, and starts api and worker only after the migration succeeded', () => {
    expect(words(services.migrate.command).join(' ')).toBe('npm run migration:run');
    expect(services.migrate.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' } });
    for (const name of ['api', 'worker']) {
      expect(services[name].build).toBeDefined();
      expect(services[name].depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
      });
    }
    expect(words(services.api.command).join(' ')).toBe('node -r @swc-node/register apps/api/src/main.ts');
    expect(words(services.worker.command).join(' ')).toBe(
      'node -r @swc-node/register apps/worker/src/main.ts',
    );
  });

  it('gives api and worker an environment the application accepts as production configuration', () => {
    const given = {
      POSTGRES_PASSWORD: 'a'.repeat(24),
      APP_DATABASE_PASSWORD: 'c'.repeat(24),
      JWT_SECRET: 'b'.repeat(40),
      AUDIT_CHAIN_KEYS: `k1:${Buffer.alloc(32, 4).toString('base64')}`,
      SECOND_FACTOR_KEY: 'd'.repeat(64),
    };
    for (const name of ['api', 'worker', 'migrate']) {
      const raw = environmentOf(services[name]);
      expect(raw).toMatchObject({
        NODE_ENV: 'production',
        REDIS_URL: 'redis://redis:6379',
        API_HOST: '0.0.0.0',
        API_PORT: '3000',
        SMTP_URL: 'smtp://mail:1025',
      });
      // The application role, never the owner: row-level security does not apply to owners.
      expect(raw.DATABASE_URL).toMatch(
        /^postgres:\/\/relais_api:\$\{APP_DATABASE_PASSWORD:\?[^}]+\}@postgres:5432\/relais$/,
      );
      if (name === 'migrate') {
        expect(raw.DATABASE_OWNER_URL).toMatch(
          /^postgres:\/\/relais:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/relais$/,
        );
      } else {
        expect(raw.DATABASE_OWNER_URL).toBeUndefined();
      }
      const environment = Object.fromEntries(
        Object.entries(raw).map(([key, value]) => [key, interpolate(value, given)]),
      );
      const config = loadConfig(environment);
      expect(config).toMatchObject({
        isProduction: true,
        http: { host: '0.0.0.0', port: 3000, corsOrigins: [] },
      });
    }
  });

  it('writes the audit checkpoints to a volume of their own, apart from the database, for api and worker', () => {
    for (const name of ['api', 'worker']) {
      const directory = checkpointDirectoryOf(environmentOf(services[name]).AUDIT_CHECKPOINT_URL ?? '');
      expect(directory).toBeDefined();
      expect(services[name].volumes).toContain(`audit-checkpoints:${directory}`);
    }
    expect(services.postgres.volumes).not.toContain(expect.stringMatching(/^audit-checkpoints:/));
    expect(Object.keys(compose.volumes ?? {})).toContain('audit-checkpoints');
  });

  it('commits no secret: every password, secret or URL credential is a required substitution', () => {
    const offenders: string[] = [];
    for (const [serviceName, service] of Object.entries(services)) {
      for (const [name, value] of Object.entries(environmentOf(service))) {
        if (SECRET_NAME.test(name) && !REQUIRED_SUBSTITUTION.test(value))
          offenders.push(`${serviceName}.${name}`);
        const credential = /^\w+:\/\/[^:/@]+:([^@]*)@/.exec(value)?.[1];
        if (credential !== undefined && !REQUIRED_SUBSTITUTION.test(credential))
          offenders.push(`${serviceName}.${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('image', () => {
  it('builds from Node 20 on Debian with the locked dependencies', () => {
    const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20-bookworm-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci\b/m);
  });

  it('leaves local data, dependencies, history and .env files out of the build context', () => {
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.data', '.nx', 'dist', '.git', '.env']));
  });
});
