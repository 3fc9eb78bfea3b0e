import { AppConfig } from '@relais/config';
import { Job, Queue, Worker } from 'bullmq';
import { Cluster } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { queuePrefix } from './redis-options';
import { directClient, RedisProcess, startClusterNode, waitFor } from './testing/redis-processes';

/**
 * Redis Cluster runs a script only if every key it declares hashes to one slot, and spreads keys of
 * different slots over nodes: a deployment's BullMQ keys must share a slot. A one-node cluster that
 * owns every slot checks both, and computes the slots itself (CLUSTER KEYSLOT).
 */
describe('BullMQ key prefix', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-queue-prefix-'));
  let node: RedisProcess | undefined;

  beforeAll(async () => {
    node = await startClusterNode(root);
  }, 30_000);

  afterAll(async () => {
    await node?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('puts every key BullMQ writes for one deployment in the same Cluster slot', async () => {
    const redis: AppConfig['redis'] = { url: `redis://127.0.0.1:${node!.port}`, keyPrefix: 'relais' };
    const prefix = queuePrefix(redis);
    const connection = new Cluster([{ host: '127.0.0.1', port: node!.port }], {
      redisOptions: { maxRetriesPerRequest: null },
    });
    const queue = new Queue('mail', { connection, prefix });
    const processed: string[] = [];
    const worker = new Worker('mail', async (job: Job) => void processed.push(job.name), {
      connection,
      prefix,
    });
    try {
      // Scripts whose keys spanned slots would fail here with CROSSSLOT.
      await queue.add('now', {});
      await queue.add('later', {}, { delay: 3_600_000 });
      await queue.add('important', {}, { priority: 1 });
      await queue.upsertJobScheduler('nightly', { pattern: '0 3 * * *' }, { name: 'purge' });
      await waitFor(async () => processed.includes('now') && processed.includes('important'));
    } finally {
      await worker.close();
      await queue.close();
      connection.disconnect();
    }

    const client = directClient(node!.port);
    try {
      await client.connect();
      const keys = await client.keys('*');
      const slotOf = (key: string) => client.call('CLUSTER', 'KEYSLOT', key) as Promise<number>;
      // Waiting, delayed, prioritized, completed, events, schedulers…: what BullMQ keeps per queue.
      expect(keys.length).toBeGreaterThan(10);
      expect(keys.every((key) => key.startsWith(`${prefix}:mail:`))).toBe(true);
      const slots = new Set(await Promise.all(keys.map(slotOf)));
      expect([...slots]).toEqual([await slotOf(prefix)]);
      // Without the braces the same keys would be spread over many slots.
      const unbraced = new Set(await Promise.all(keys.map((key) => slotOf(key.replace(/[{}]/g, '')))));
      expect(unbraced.size).toBeGreaterThan(5);
    } finally {
      client.disconnect();
    }
  });
});
