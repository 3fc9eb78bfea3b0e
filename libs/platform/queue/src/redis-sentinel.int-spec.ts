import { AppConfig, loadConfig } from '@relais/config';
import { Job, Queue, Worker } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRedis } from './local-redis';
import { producerConnectionOptions, queuePrefix, workerConnectionOptions } from './redis-options';
import { directClient, freePort, startSentinel, waitFor } from './testing/redis-processes';

const MASTER_NAME = 'relais-int';
const MASTER_PASSWORD = 'mot-de-passe-du-maitre';
const SENTINEL_PASSWORD = 'mot-de-passe-des-sentinelles';
const DATABASE = 3;

/** One question on a fresh connection: to the sentinel, or to a server's `DATABASE`. */
async function ask<T>(
  port: number,
  work: (client: ReturnType<typeof directClient>) => Promise<T>,
  password = MASTER_PASSWORD,
): Promise<T> {
  const client = directClient(port, password);
  try {
    await client.connect();
    if (password === MASTER_PASSWORD) await client.select(DATABASE);
    return await work(client);
  } finally {
    client.disconnect();
  }
}

const askSentinel = <T>(port: number, work: (client: ReturnType<typeof directClient>) => Promise<T>) =>
  ask(port, work, SENTINEL_PASSWORD);

/** Connections the sentinel has accepted so far, this question's own included. */
const sentinelConnections = (port: number) =>
  askSentinel(port, async (client) =>
    Number(/^total_connections_received:(\d+)/m.exec(await client.info('stats'))?.[1]),
  );

const masterPortOf = (sentinelPort: number) =>
  askSentinel(sentinelPort, async (client) => {
    const [, port] = (await client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER_NAME)) as string[];
    return Number(port);
  });

const roleOf = (port: number) =>
  ask(port, async (client) => /^role:(\w+)/m.exec(await client.info('replication'))?.[1]);

/**
 * The queue connections the api and the worker make, given REDIS_SENTINELS: a private master, its
 * replica and a sentinel, so that failing over disturbs no other suite.
 */
describe('queue connections through Redis Sentinel', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-sentinel-'));
  const servers: { stop(): Promise<unknown> }[] = [];
  let masterPort: number;
  let replicaPort: number;
  let sentinelPort: number;
  let redis: AppConfig['redis'];
  let producer: Queue | undefined;
  let worker: Worker | undefined;
  const processed: number[] = [];

  const jobKey = (id: string | undefined) => `${queuePrefix(redis)}:sentinel:${id}`;

  beforeAll(async () => {
    masterPort = await freePort();
    servers.push(
      await startLocalRedis({ dataDir: join(root, 'master'), port: masterPort, appendOnly: false }),
    );
    replicaPort = await freePort();
    servers.push(
      await startLocalRedis({ dataDir: join(root, 'replica'), port: replicaPort, appendOnly: false }),
    );
    // Both ask for the password, the replica also to reach its master: either may become master.
    for (const port of [masterPort, replicaPort]) {
      await ask(port, (client) => client.config('SET', 'masterauth', MASTER_PASSWORD), '');
      // A replica's first sync otherwise waits 5 s for others to share it.
      await ask(port, (client) => client.config('SET', 'repl-diskless-sync-delay', '0'), '');
      await ask(port, (client) => client.config('SET', 'requirepass', MASTER_PASSWORD), '');
    }
    await ask(replicaPort, async (client) => {
      await client.replicaof('127.0.0.1', masterPort);
      await waitFor(async () => /master_link_status:up/.test(await client.info('replication')));
    });
    // Started once the replica is attached, the sentinel finds it in the master's first INFO.
    const sentinel = await startSentinel({
      dir: root,
      masterName: MASTER_NAME,
      masterPort,
      masterPassword: MASTER_PASSWORD,
      password: SENTINEL_PASSWORD,
      downAfterMs: 1_000,
    });
    servers.push(sentinel);
    sentinelPort = sentinel.port;

    redis = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/relais',
      // Its password and database count, not its host: that one does not even resolve.
      REDIS_URL: `redis://:${MASTER_PASSWORD}@maitre-inconnu.invalid:6379/${DATABASE}`,
      REDIS_SENTINELS: `127.0.0.1:${sentinelPort}`,
      REDIS_SENTINEL_MASTER: MASTER_NAME,
      REDIS_SENTINEL_PASSWORD: SENTINEL_PASSWORD,
      REDIS_KEY_PREFIX: 'relais-sentinel-int',
      JWT_SECRET: 'x'.repeat(32),
      AUDIT_CHAIN_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
      SECOND_FACTOR_KEY: 'ab'.repeat(32),
    }).redis;
  }, 30_000);

  afterAll(async () => {
    // ioredis 5's quit() (BullMQ's close) leaves the failover detector's sentinel connections
    // open, disconnect() closes them: forced close for the worker, disconnect for the producer.
    await worker?.close(true).catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await producer?.close().catch(() => undefined);
    for (const server of servers.reverse()) await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('asks the sentinel for the master: a producer enqueues there, a worker processes', async () => {
    const connectionsBefore = await sentinelConnections(sentinelPort);
    producer = new Queue('sentinel', {
      connection: producerConnectionOptions(redis),
      prefix: queuePrefix(redis),
    });
    producer.on('error', () => undefined);
    worker = new Worker('sentinel', async (job: Job<{ n: number }>) => void processed.push(job.data.n), {
      connection: workerConnectionOptions(redis),
      prefix: queuePrefix(redis),
    });
    worker.on('error', () => undefined);

    const job = await producer.add('check', { n: 1 });
    await waitFor(async () => processed.includes(1));

    expect(await ask(masterPort, (client) => client.exists(jobKey(job.id)))).toBe(1);
    // Beyond this count's own connection, the producer and the worker asked the sentinel.
    expect(await sentinelConnections(sentinelPort)).toBeGreaterThan(connectionsBefore + 1);
  });

  it('moves the producer and the worker to the new master within a second of a failover', async () => {
    const accepted: { n: number; id: string | undefined; at: number }[] = [];
    let enqueuing = true;
    // A producer that keeps enqueuing, as the outbox relay does; a refused job is retried later.
    const enqueue = (async () => {
      for (let n = 100; enqueuing; n++) {
        const job = await producer!.add('during', { n }).catch(() => undefined);
        if (job) accepted.push({ n, id: job.id, at: Date.now() });
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    let switchedAt = 0;
    try {
      await new Promise((done) => setTimeout(done, 200));
      const askedAt = Date.now();
      await askSentinel(sentinelPort, (client) => client.call('SENTINEL', 'FAILOVER', MASTER_NAME));
      await waitFor(async () => (await masterPortOf(sentinelPort)) === replicaPort);
      switchedAt = Date.now();
      await new Promise((done) => setTimeout(done, 1_500));
      expect(accepted.filter(({ at }) => at < askedAt).length).toBeGreaterThan(3);
    } finally {
      enqueuing = false;
      await enqueue;
    }

    // The sentinels demote the former master only ~10 s later: until then it would still take writes.
    expect(await roleOf(masterPort)).toBe('master');
    // Refused while reconnecting: BullMQ's own reconnection delay alone would be 1 s or more.
    const pauses = accepted.slice(1).map(({ at }, index) => at - accepted[index].at);
    expect(Math.max(...pauses)).toBeLessThan(900);
    const settled = accepted.filter(({ at }) => at > switchedAt + 1_000);
    expect(settled.length).toBeGreaterThan(5);
    // By content: a job lost with the former master leaves its id to the next one on the new master.
    const onNewMaster = await ask(replicaPort, (client) =>
      Promise.all(settled.map(({ id }) => client.hget(jobKey(id), 'data'))),
    );
    expect(onNewMaster).toEqual(settled.map(({ n }) => JSON.stringify({ n })));
    await waitFor(async () => settled.every(({ n }) => processed.includes(n)));
  }, 20_000);
});
