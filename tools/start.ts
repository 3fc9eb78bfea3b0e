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
 *
 * Every child runs in a process group of its own (tools/start/supervision.ts): Ctrl-C reaches this
 * process alone, which stops the api and the worker first, while Postgres and Redis still answer
 * them, then Redis, then Postgres.
 */
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { processEnvironment } from '../libs/platform/config/src/environment';
import { loadConfig } from '../libs/platform/config/src/load-config';
import { withApiNodeFlags } from '../libs/platform/config/src/node-flags';
import { withCredentials } from '../libs/platform/database/src/application-role';
import {
  createDatabase,
  startEmbeddedPostgres,
  withDatabase,
} from '../libs/platform/database/src/embedded-postgres';
import { startLocalRedis } from '../libs/platform/queue/src/local-redis';
import { spawnInGroup, stopChildren, StoppableServer, stopServers, Supervised } from './start/supervision';

// Compiled to .data/launcher/start.cjs by tools/launch.cjs: the checkout is two folders up.
const ROOT = resolve(__dirname, '..', '..');
const launcherEnvironment = processEnvironment();
const DATA = resolve(ROOT, launcherEnvironment.RELAIS_DATA_DIR || '.data');
const EMBEDDED_POSTGRES_PORT = Number(launcherEnvironment.RELAIS_POSTGRES_PORT || 54329);
const LOCAL_REDIS_PORT = Number(launcherEnvironment.RELAIS_REDIS_PORT || 63790);
/** The api and the worker close in a second or two; past this they are killed. */
const CHILD_STOP_TIMEOUT_MS = 10_000;

/** A path as people see it: relative to the checkout when inside it. */
function shown(path: string): string {
  const inside = relative(ROOT, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

// A closed terminal (SIGHUP) makes writing fail: the stop goes on without being seen.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);
const say = (line: string) => process.stdout.write(`[relais] ${line}\n`);
/** In the order they started; stopped in the reverse order. */
const servers: StoppableServer[] = [];
const children: Supervised[] = [];
/** Settle once a child's output is all written to its log file. */
const logsWritten: Promise<void>[] = [];

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
  const logPath = join(DATA, 'logs', `${name}.log`);
  const logFile = createWriteStream(logPath, { flags: 'a' });
  const child = spawnInGroup(ROOT, `apps/${name}/src/main.ts`, [], env, 'pipe');
  // Every line goes to the log file; warnings and errors also reach the terminal.
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line: string) => {
      logFile.write(`${line}\n`);
      const level = /"level":(\d+)/.exec(line)?.[1];
      if (!level || Number(level) >= 40) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  logsWritten.push(
    new Promise((done) => child.once('close', () => logFile.end(done)).once('error', () => done())),
  );
  child.on('exit', (code, signal) => {
    if (!shuttingDown) {
      say(`${name} s'est arrêté de lui-même (${signal ?? `code ${code}`}). Journal : ${shown(logPath)}`);
      void shutdown(1, 'arrêt des autres processus…');
    }
  });
  children.push({ name, child });
  return child;
}

/** Runs one TypeScript step in a child process, its output shown as it comes; resolves to its exit code. */
function runToEnd(
  name: string,
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const child = spawnInGroup(ROOT, script, args, env, 'inherit');
  children.push({ name, feminine: true, child });
  return new Promise((done) => child.once('exit', (code) => done(code ?? 1)).once('error', () => done(1)));
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
/** Settles once the servers being started are up (or failed): stopping waits for their handles. */
let serversStarting: Promise<unknown> = Promise.resolve();

/** The processes first, both at once, while the servers still answer them; then the servers. */
async function shutdown(code: number, reason: string): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  say(reason);
  let clean = await stopChildren(children, CHILD_STOP_TIMEOUT_MS, say);
  // Their last lines (how they closed) belong in their logs.
  await Promise.race([Promise.all(logsWritten), new Promise((done) => setTimeout(done, 1_000))]);
  await serversStarting.catch(() => undefined);
  clean = (await stopServers([...servers].reverse(), say)) && clean;
  say('Relais est arrêté.');
  process.exit(code || (clean ? 0 : 1));
}

async function main(): Promise<void> {
  mkdirSync(join(DATA, 'logs'), { recursive: true });
  const env = { ...processEnvironment() } as Record<string, string | undefined>;

  serversStarting = startServers(env);
  await serversStarting;
  if (shuttingDown) return;
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
  const prepared = await runToEnd('préparation', 'tools/start/prepare.ts', [], childEnv);
  if (shuttingDown) return;
  if (prepared !== 0) return shutdown(1, 'préparation en échec : arrêt…');

  startChild('api', { ...childEnv, NODE_OPTIONS: withApiNodeFlags(childEnv.NODE_OPTIONS) });
  startChild('worker', childEnv);

  const host = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
  const url = `http://${host}:${config.http.port}`;
  if (!(await waitForHealth(url, 60_000))) {
    if (shuttingDown) return;
    say(`l'api ne répond pas : voyez ${shown(join(DATA, 'logs', 'api.log'))}`);
    return shutdown(1, 'arrêt…');
  }
  if (shuttingDown) return;
  await runToEnd('activité de démonstration', 'tools/start/welcome.ts', [url], childEnv);
}

/** Each server started is registered at once, so that a stop asked meanwhile stops it too. */
async function startServers(env: Record<string, string | undefined>): Promise<void> {
  if (!env.DATABASE_URL) {
    const dataDir = join(DATA, 'postgres');
    say(`Postgres embarqué (données dans ${shown(dataDir)}, port ${EMBEDDED_POSTGRES_PORT})…`);
    const postgres = await startEmbeddedPostgres({
      dataDir,
      port: EMBEDDED_POSTGRES_PORT,
      log: (line: string) => say(line),
      detached: true,
    });
    servers.push({ name: 'Postgres', stop: postgres.stop });
    if (shuttingDown) return;
    await ensureDatabase(withDatabase(postgres.url, 'postgres'), 'relais');
    env.DATABASE_URL = withDatabase(postgres.url, 'relais');
  }
  if (!env.REDIS_URL && !shuttingDown) {
    const dataDir = join(DATA, 'redis');
    say(`redis-server local (données dans ${shown(dataDir)}, port ${LOCAL_REDIS_PORT})…`);
    const redis = await startLocalRedis({
      dataDir,
      port: LOCAL_REDIS_PORT,
      appendOnly: true,
      log: (line: string) => say(line),
      detached: true,
    });
    servers.push({ name: 'Redis', stop: redis.stop });
    env.REDIS_URL = redis.url;
  }
}

process.on('SIGINT', () => void shutdown(0, 'arrêt demandé (Ctrl-C)…'));
process.on('SIGTERM', () => void shutdown(0, 'arrêt demandé (SIGTERM)…'));
process.on('SIGHUP', () => void shutdown(0, 'terminal fermé (SIGHUP) : arrêt…'));
main().catch(async (error: unknown) => {
  process.stderr.write(
    `[relais] échec du démarrage : ${error instanceof Error ? error.message : String(error)}\n`,
  );
  await shutdown(1, 'arrêt…');
});
