import Redis from 'ioredis';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * redis-server in the roles `startLocalRedis` does not play (a sentinel, a Cluster node), for this
 * library's integration tests: each in the test's temporary directory, on a free port, stopped by
 * the test and, should the test process die first, on its exit.
 */
export interface RedisProcess {
  readonly port: number;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
    server.once('error', fail);
  });
}

/** One client that gives up at once instead of reconnecting: for probes and test assertions. */
export function directClient(port: number, password?: string): Redis {
  // A short disconnectTimeout: ioredis's 2 s timer would otherwise outlive the test.
  const client = new Redis({
    host: '127.0.0.1',
    port,
    password,
    lazyConnect: true,
    retryStrategy: () => null,
    disconnectTimeout: 100,
  });
  client.on('error', () => undefined);
  return client;
}

export async function startSentinel(options: {
  dir: string;
  masterName: string;
  masterPort: number;
  masterPassword: string;
  /** The sentinel's own `requirepass`. */
  password: string;
  /** How long the master may stay silent before this sentinel holds it down. */
  downAfterMs: number;
}): Promise<RedisProcess> {
  const port = await freePort();
  // A sentinel rewrites its configuration file as it learns: it must be its own, and writable.
  const configFile = join(options.dir, `sentinel-${port}.conf`);
  writeFileSync(
    configFile,
    [
      `port ${port}`,
      'bind 127.0.0.1',
      `dir ${options.dir}`,
      `logfile ${join(options.dir, `sentinel-${port}.log`)}`,
      `requirepass ${options.password}`,
      `sentinel monitor ${options.masterName} 127.0.0.1 ${options.masterPort} 1`,
      `sentinel auth-pass ${options.masterName} ${options.masterPassword}`,
      `sentinel down-after-milliseconds ${options.masterName} ${options.downAfterMs}`,
      `sentinel failover-timeout ${options.masterName} 10000`,
      '',
    ].join('\n'),
  );
  return startRedisProcess(port, [configFile, '--sentinel'], options.password);
}

/** A Cluster node that owns every slot: Redis then checks the hash slot of every command's keys. */
export async function startClusterNode(dir: string): Promise<RedisProcess> {
  const port = await freePort();
  const node = await startRedisProcess(port, [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--dir',
    dir,
    '--cluster-enabled',
    'yes',
    // Alone, a node does not know its own address and announces none: clients would find no node.
    '--cluster-announce-ip',
    '127.0.0.1',
    '--cluster-config-file',
    join(dir, `nodes-${port}.conf`),
    '--save',
    '',
    '--appendonly',
    'no',
    '--logfile',
    join(dir, `cluster-${port}.log`),
  ]);
  const client = directClient(port);
  try {
    await client.connect();
    await client.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    await waitFor(async () => /cluster_state:ok/.test(String(await client.call('CLUSTER', 'INFO'))));
  } catch (error) {
    await node.stop();
    throw error;
  } finally {
    client.disconnect();
  }
  return node;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

async function startRedisProcess(port: number, args: string[], password?: string): Promise<RedisProcess> {
  const child = spawn('redis-server', args, { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.once('exit', () => done()).once('error', () => done()));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(kill);
  };
  try {
    await waitFor(async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error('redis-server exited');
      const client = directClient(port, password);
      try {
        await client.connect();
        // The server answering must be this one, not another that took the port meanwhile.
        return new RegExp(`^process_id:${child.pid}\\r?$`, 'm').test(await client.info('server'));
      } catch {
        return false; // not listening yet
      } finally {
        client.disconnect();
      }
    });
  } catch (error) {
    await stop();
    throw new Error(`redis-server ${args.join(' ')} did not start: ${(error as Error).message}`);
  }
  return { port, stop };
}
