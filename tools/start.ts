/**
 * npm start — runs Relais on this machine: Postgres and Redis from the environment when
 * DATABASE_URL / REDIS_URL are set, otherwise an embedded Postgres and a local redis-server with
 * their data under .data/; then migrations, the demonstration territory (once), the api and the worker,
 * and, once the api listens, the territory's demonstration activity (once, through the api).
 * The web client is built first when its sources are newer than its build.
 *
 * This process only supervises, for as long as Relais runs: it is compiled to plain JavaScript by
 * tools/launch.cjs and imports nothing heavy (the servers' starters, the configuration's schema).
 * Preparing (tools/start/prepare.ts) and welcoming (tools/start/welcome.ts) load the application's
 * libraries in child processes that exit when done.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { processEnvironment } from '../libs/platform/config/src/environment';
import { loadConfig } from '../libs/platform/config/src/load-config';
import { withCredentials } from '../libs/platform/database/src/application-role';
import {
  createDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../libs/platform/database/src/embedded-postgres';
import { startLocalRedis } from '../libs/platform/queue/src/local-redis';

// Compiled to .data/launcher/start.cjs by tools/launch.cjs: the checkout is two folders up.
const ROOT = resolve(__dirname, '..', '..');
const DATA = join(ROOT, '.data');
const EMBEDDED_POSTGRES_PORT = 54329;
const LOCAL_REDIS_PORT = 63790;

const say = (line: string) => process.stdout.write(`[relais] ${line}\n`);
const stops: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await createDatabase(adminUrl, name);
  } finally {
    await client.end();
  }
}

interface LocalSecrets {
  jwtSecret: string;
  /** `id:base64`: the audit chain's key for this checkout (a second one is added in front to rotate). */
  auditChainKeys: string;
  secondFactorKey: string;
  applicationDatabasePassword: string;
}

/** Development secrets made once per checkout and kept out of the repository, under .data/. */
function localSecrets(): LocalSecrets {
  const file = join(DATA, 'local-secrets.json');
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets = {
    jwtSecret: stored.jwtSecret ?? randomBytes(48).toString('base64url'),
    auditChainKeys: stored.auditChainKeys ?? `local-1:${randomBytes(32).toString('base64')}`,
    secondFactorKey: stored.secondFactorKey ?? randomBytes(32).toString('base64'),
    applicationDatabasePassword: stored.applicationDatabasePassword ?? randomBytes(24).toString('hex'),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

function startChild(name: 'api' | 'worker', env: NodeJS.ProcessEnv): ChildProcess {
  const logFile = createWriteStream(join(DATA, 'logs', `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Every line goes to the log file; warnings and errors also reach the terminal.
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line: string) => {
      logFile.write(`${line}\n`);
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (!level || Number(level) >= 40) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      say(`${name} s'est arrêté (code ${code ?? signal}). Journal : .data/logs/${name}.log`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

/** Runs one TypeScript step in a child process, its output shown as it comes; resolves to its exit code. */
function runToEnd(script: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', script, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(child);
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)));
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  return false;
}

let shuttingDown = false;
async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  say('arrêt…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}

async function main(): Promise<void> {
  mkdirSync(join(DATA, 'logs'), { recursive: true });
  const env = { ...processEnvironment() } as Record<string, string | undefined>;

  if (!env.DATABASE_URL) {
    say(`Postgres embarqué (données dans .data/postgres, port ${EMBEDDED_POSTGRES_PORT})…`);
    const postgres = await startEmbeddedPostgres({
      dataDir: join(DATA, 'postgres'),
      port: EMBEDDED_POSTGRES_PORT,
      log: (line: string) => say(line),
    });
    stops.push(postgres.stop);
    await ensureDatabase(withDatabase(postgres.url, 'postgres'), 'relais');
    env.DATABASE_URL = withDatabase(postgres.url, 'relais');
  }
  if (!env.REDIS_URL) {
    say(`redis-server local (données dans .data/redis, port ${LOCAL_REDIS_PORT})…`);
    const redis = await startLocalRedis({
      dataDir: join(DATA, 'redis'),
      port: LOCAL_REDIS_PORT,
      appendOnly: true,
      log: (line: string) => say(line),
    });
    stops.push(redis.stop);
    env.REDIS_URL = redis.url;
  }
  const secrets = localSecrets();
  env.JWT_SECRET ??= secrets.jwtSecret;
  env.AUDIT_CHAIN_KEYS ??= secrets.auditChainKeys;
  // Outside the database, as in production; kept with the rest of the local state.
  env.AUDIT_CHECKPOINT_URL ??= pathToFileURL(join(DATA, 'audit-checkpoints')).href;
  env.SECOND_FACTOR_KEY ??= secrets.secondFactorKey;
  // The URL given (or the embedded server's) is the owner's; the api and the worker log in as
  // the application role, which row-level security applies to.
  if (!env.DATABASE_OWNER_URL) {
    env.DATABASE_OWNER_URL = env.DATABASE_URL;
    env.DATABASE_URL = withCredentials(env.DATABASE_URL!, 'relais_api', secrets.applicationDatabasePassword);
  }

  // Checked here, before anything starts, so a bad variable is named at once.
  const config = loadConfig(env);
  const childEnv = { ...env } as NodeJS.ProcessEnv;
  if ((await runToEnd('tools/start/prepare.ts', [], childEnv)) !== 0) return shutdown(1);

  startChild('api', childEnv);
  startChild('worker', childEnv);

  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  const url = `http://${host}:${config.http.port}`;
  if (!(await waitForHealth(url, 60_000))) {
    say("l'api ne répond pas : voyez .data/logs/api.log");
    return shutdown(1);
  }
  await runToEnd('tools/start/welcome.ts', [url], childEnv);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
main().catch(async (error: unknown) => {
  process.stderr.write(
    `[relais] échec du démarrage : ${error instanceof Error ? error.message : String(error)}\n`,
  );
  await shutdown(1);
});
