import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import Redis from 'ioredis';

export interface LocalRedisHandle {
  url: string;
  stop(): Promise<void>;
}

function onPath(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/** On Debian or Ubuntu, as root, the missing server is installed; anywhere else we say what to do. */
function installRedisServer(log: (line: string) => void): void {
  const canInstall = userInfo().uid === 0 && existsSync('/etc/debian_version') && onPath('apt-get');
  if (!canInstall) {
    throw new Error(
      'redis-server est introuvable : installez-le (apt install redis-server, dnf install redis, brew install redis…) ' +
        'ou indiquez REDIS_URL vers un Redis existant.',
    );
  }
  log('redis-server absent : installation avec apt-get (paquet redis-server)');
  for (const command of ['apt-get update', 'apt-get install -y --no-install-recommends redis-server']) {
    const result = spawnSync('sh', ['-c', `DEBIAN_FRONTEND=noninteractive ${command}`], { stdio: 'inherit' });
    if (result.status !== 0) {
      throw new Error(`« ${command} » a échoué : installez redis-server ou indiquez REDIS_URL.`);
    }
  }
}

async function waitForPing(url: string, process: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.exitCode !== null)
      throw new Error(`redis-server s'est arrêté au démarrage (code ${process.exitCode}).`);
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch {
      // not ready yet
    } finally {
      client.disconnect();
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`redis-server ne répond pas après ${timeoutMs} ms.`);
}

/**
 * Runs a private redis-server bound to 127.0.0.1, configured as BullMQ requires: nothing evicted,
 * and with `appendOnly` an append-only file synced every second so a restart loses nothing queued.
 */
export async function startLocalRedis(options: {
  dataDir: string;
  port: number;
  appendOnly: boolean;
  log?: (line: string) => void;
}): Promise<LocalRedisHandle> {
  const log = options.log ?? (() => undefined);
  if (!onPath('redis-server')) installRedisServer(log);
  mkdirSync(options.dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(options.port),
      '--dir',
      options.dataDir,
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
      join(options.dataDir, 'redis.log'),
    ],
    // Its own log file rather than a pipe: nothing stays open in this process once it stops.
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${options.port}`;
  try {
    await waitForPing(url, child, 10_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message} Journal : ${join(options.dataDir, 'redis.log')}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        // 'close' waits for the pipes too, so nothing is left open behind the server.
        child.once('close', () => done());
        child.kill('SIGTERM'); // redis-server flushes its append-only file on SIGTERM
      }),
  };
}
