import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** How a stop ended: asked and obeyed, found already stopped, or killed after `STOP_TIMEOUT_MS`. */
export type ServerStopOutcome = 'stopped' | 'already-stopped' | 'forced';

export interface LocalRedisHandle {
  url: string;
  stop(): Promise<ServerStopOutcome>;
}

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 30_000;

const NOT_FOUND =
  'redis-server est introuvable : installez-le (apt install redis-server, dnf install redis, brew install redis…) ' +
  'ou indiquez REDIS_URL vers un Redis existant.';

/**
 * Runs a private redis-server bound to 127.0.0.1, configured as BullMQ requires: nothing evicted,
 * and with `appendOnly` an append-only file synced every second so a restart loses nothing queued.
 * The server writes its log to `<dataDir>/redis.log`.
 */
export async function startLocalRedis(options: {
  dataDir: string;
  port: number;
  appendOnly: boolean;
  log?: (line: string) => void;
  /**
   * In its own process group, out of reach of the terminal's Ctrl-C, so whoever started it stops it
   * once its clients are gone: BullMQ workers whose Redis went first wait for it and log errors.
   */
  detached?: boolean;
}): Promise<LocalRedisHandle> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  if (!isInstalled('redis-server')) await installRedisServer(log);
  mkdirSync(dataDir, { recursive: true });
  await clearPreviousServer(options.port, dataDir, log);

  const logFile = join(dataDir, 'redis.log');
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--dir',
      dataDir,
      '--appendonly',
      options.appendOnly ? 'yes' : 'no',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
      '--daemonize',
      'no',
      '--protected-mode',
      'yes',
      '--logfile',
      logFile,
    ],
    // Its own log file rather than a pipe: nothing stays open in this process once it stops.
    { stdio: 'ignore', detached: options.detached ?? false },
  );
  // A spawn failure emits `error` and possibly no `exit`.
  const exited = new Promise<void>((done) => child.once('exit', () => done()).once('error', () => done()));
  // A server left behind would hold the port; `exit` handlers must be synchronous.
  const stopOnExit = () => child.kill('SIGTERM');
  process.on('exit', stopOnExit);
  let stopping: Promise<ServerStopOutcome> | undefined;
  let serving = false; // a failed start is reported by the error instead
  child.once('exit', (code, signal) => {
    if (serving && !stopping)
      log(`redis-server s’est arrêté de lui-même (${signal ?? `code ${code}`}) ; journal : ${logFile}`);
  });

  const stop = (): Promise<ServerStopOutcome> =>
    (stopping ??= (async () => {
      process.removeListener('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return 'already-stopped';
      child.kill('SIGTERM'); // redis-server fsyncs its append-only file, then exits
      let outcome: ServerStopOutcome = 'stopped';
      const kill = setTimeout(() => {
        outcome = 'forced';
        child.kill('SIGKILL');
      }, STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(kill);
      return outcome;
    })());

  try {
    await waitUntilServing(options.port, child, START_TIMEOUT_MS);
    serving = true;
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message} Journal : ${logFile}`);
  }
  return { url: `redis://127.0.0.1:${options.port}`, stop };
}

/** Spawning is the one lookup that matches how the server will be started (same PATH, same resolution). */
function isInstalled(command: string): boolean {
  const probe = spawnSync(command, ['--version'], { stdio: 'ignore' });
  return (probe.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOENT';
}

/** On Debian or Ubuntu, as root, the missing server is installed; anywhere else we say what to do. */
async function installRedisServer(log: (line: string) => void): Promise<void> {
  const canInstall = process.getuid?.() === 0 && existsSync('/etc/debian_version') && isInstalled('apt-get');
  if (!canInstall) throw new Error(NOT_FOUND);
  log('redis-server est introuvable : installation du paquet Debian redis-server avec apt-get');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'redis-server']]) {
    log(`apt-get ${args.join(' ')}`);
    const code = await runLogged('env', ['DEBIAN_FRONTEND=noninteractive', 'apt-get', ...args], log);
    if (code !== 0) {
      throw new Error(
        `« apt-get ${args.join(' ')} » a échoué (code ${code}) : installez redis-server vous-même ` +
          'ou indiquez REDIS_URL vers un Redis existant.',
      );
    }
  }
  if (!isInstalled('redis-server')) {
    throw new Error(
      'redis-server est installé mais introuvable dans le PATH : ajoutez /usr/bin au PATH ou indiquez REDIS_URL.',
    );
  }
  log('redis-server installé');
}

function runLogged(command: string, args: string[], log: (line: string) => void): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => line.trim() && log(`  ${line}`));
    }
    child.once('error', (error) => (log(`  ${error.message}`), done(null)));
    child.once('close', (code) => done(code));
  });
}

/**
 * A redis-server left by a crashed run on the same data directory is shut down (its append-only file
 * is kept); one still owned by a live Node process belongs to another run, and anything else on the
 * port is not ours to touch.
 */
async function clearPreviousServer(
  port: number,
  dataDir: string,
  log: (line: string) => void,
): Promise<void> {
  if (!(await isPortOpen(port))) return;
  const previous = await identify(port);
  if (!previous || previous.dir !== dataDir) {
    throw new Error(
      `redis-server local : le port ${port} de 127.0.0.1 est déjà pris ; libérez-le ou choisissez-en un autre.`,
    );
  }
  if (parentIsNode(previous.pid)) {
    throw new Error(
      `redis-server local : un autre processus fait déjà tourner redis-server (pid ${previous.pid}) sur ${dataDir}. ` +
        'Arrêtez-le, ou utilisez un autre répertoire de données.',
    );
  }
  log(`un redis-server laissé par une exécution précédente (pid ${previous.pid}) tient ${dataDir} : arrêt`);
  // Plain SHUTDOWN fsyncs the append-only file; the server closes the connection instead of answering.
  await ask(port, ['SHUTDOWN']).catch(() => undefined);
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (await isPortOpen(port)) {
    if (Date.now() > deadline) {
      throw new Error(
        `redis-server local : le redis-server laissé en place (pid ${previous.pid}) ne s’arrête pas.`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The answering server's pid and data directory, or undefined when it is not a Redis. */
async function identify(port: number): Promise<{ pid: number; dir: string } | undefined> {
  try {
    const pid = processId(await ask(port, ['INFO', 'server']));
    const reply = await ask(port, ['CONFIG', 'GET', 'dir']);
    const dir = Array.isArray(reply) ? reply[1] : undefined;
    return pid !== undefined && typeof dir === 'string' ? { pid, dir } : undefined;
  } catch {
    return undefined;
  }
}

function processId(info: Reply): number | undefined {
  const match = typeof info === 'string' ? /^process_id:(\d+)/m.exec(info) : null;
  return match ? Number(match[1]) : undefined;
}

function parentIsNode(pid: number): boolean {
  try {
    let parentPid: number;
    if (existsSync(`/proc/${pid}/stat`)) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may contain spaces: the fields after the last `)` are reliable.
      parentPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } else {
      parentPid = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    }
    if (parentPid <= 1) return false;
    const command = existsSync(`/proc/${parentPid}/cmdline`)
      ? readFileSync(`/proc/${parentPid}/cmdline`, 'utf8').split('\0')[0]
      : execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(parentPid)], { encoding: 'utf8' })
          .trim()
          .split(/\s+/)[0];
    return /^node(js)?$/.test(basename(command ?? ''));
  } catch {
    return false;
  }
}

/** PONG alone is not enough: the server answering must be the one just started, not another on the port. */
async function waitUntilServing(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError) throw new Error(`redis-server : lancement impossible (${spawnError.message}).`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `redis-server s’est arrêté au démarrage (${child.signalCode ?? `code ${child.exitCode}`}).`,
      );
    }
    let answering: number | undefined;
    try {
      if ((await ask(port, ['PING'])) === 'PONG') answering = processId(await ask(port, ['INFO', 'server']));
    } catch {
      // not listening yet
    }
    if (answering === child.pid) return;
    if (answering !== undefined)
      throw new Error(`redis-server : un autre serveur (pid ${answering}) répond sur le port ${port}.`);
    if (Date.now() > deadline) throw new Error(`redis-server ne répond pas après ${timeoutMs} ms.`);
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

type Reply = string | number | null | Error | Reply[];

/**
 * One command on a fresh connection, read by a minimal RESP parser: probing a server that may not
 * be up yet leaves no client library reconnecting or timers running behind it.
 */
function ask(port: number, command: string[], timeoutMs = 1_000): Promise<Reply> {
  return new Promise((done, fail) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (error: Error | undefined, reply?: Reply) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) fail(error);
      else done(reply ?? null);
    };
    socket.setTimeout(timeoutMs, () => finish(new Error('pas de réponse')));
    socket.once('error', (error) => finish(error));
    socket.once('close', () => finish(new Error('connexion fermée sans réponse')));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      try {
        const parsed = parseReply(received, 0);
        if (parsed) finish(undefined, parsed.reply);
      } catch (error) {
        finish(error as Error);
      }
    });
    const request = command.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('');
    socket.connect(port, '127.0.0.1', () => socket.write(`*${command.length}\r\n${request}`));
  });
}

/** Undefined while the reply is incomplete. */
function parseReply(buffer: Buffer, offset: number): { reply: Reply; next: number } | undefined {
  const lineEnd = buffer.indexOf('\r\n', offset);
  if (lineEnd < 0) return undefined;
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const next = lineEnd + 2;
  switch (String.fromCharCode(buffer[offset])) {
    case '+':
      return { reply: line, next };
    case '-':
      return { reply: new Error(line), next };
    case ':':
      return { reply: Number(line), next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { reply: null, next };
      if (buffer.length < next + length + 2) return undefined;
      return { reply: buffer.toString('utf8', next, next + length), next: next + length + 2 };
    }
    case '*': {
      const items: Reply[] = [];
      let position = next;
      for (let index = 0; index < Number(line); index++) {
        const item = parseReply(buffer, position);
        if (!item) return undefined;
        items.push(item.reply);
        position = item.next;
      }
      return { reply: items, next: position };
    }
    default:
      throw new Error('ce serveur ne parle pas le protocole Redis');
  }
}
