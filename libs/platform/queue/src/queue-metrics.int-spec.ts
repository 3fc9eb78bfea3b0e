import { Queue } from 'bullmq';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalRedisHandle, startLocalRedis } from './local-redis';
import { QueueMetrics, RedisUnavailableError } from './queue-metrics';
import { producerConnectionOptions, queuePrefix } from './redis-options';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A private server, so stopping it disturbs no other suite. */
describe('QueueMetrics on a Redis that goes away and comes back', () => {
  const root = mkdtempSync(join(tmpdir(), 'relais-queue-metrics-'));
  const redisConfig = { url: '', keyPrefix: 'relais-metrics-int' };
  let port: number;
  let server: LocalRedisHandle | undefined;
  let metrics: QueueMetrics;

  beforeAll(async () => {
    port = await freePort();
    server = await startLocalRedis({ dataDir: join(root, 'redis'), port, appendOnly: false });
    redisConfig.url = server.url;
    metrics = new QueueMetrics({ redis: redisConfig });
  });

  afterAll(async () => {
    await metrics.close();
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('counts each state and ages the waiting and overdue delayed jobs', async () => {
    const queue = new Queue('mail', {
      connection: producerConnectionOptions(redisConfig),
      prefix: queuePrefix(redisConfig),
    });
    try {
      const now = Date.now();
      await queue.add('immediate', { id: 'ancien' }, { timestamp: now - 90_000 });
      await queue.add('immediate', { id: 'récent' });
      await queue.add('later', {}, { delay: 3_600_000 });
      await queue.add('overdue', {}, { delay: 1_000, timestamp: now - 31_000 });

      // The counts are what is checked here, not the deadline (the next test's): the first call also
      // connects, which took over the default second once on a loaded machine.
      const figures = await metrics.figures(10_000);

      expect(figures.mail).toMatchObject({ waiting: 2, active: 0, delayed: 2, failed: 0, completed: 0 });
      expect(figures.mail.oldestWaitingSeconds).toBeGreaterThanOrEqual(89);
      expect(figures.mail.oldestWaitingSeconds).toBeLessThan(120);
      expect(figures.mail.overdueDelayedSeconds).toBeGreaterThanOrEqual(29);
      expect(figures.mail.overdueDelayedSeconds).toBeLessThan(60);
      expect(figures.outbox).toEqual({
        waiting: 0,
        active: 0,
        delayed: 0,
        failed: 0,
        completed: 0,
        oldestWaitingSeconds: 0,
        overdueDelayedSeconds: 0,
      });
      expect(Object.keys(figures).sort()).toEqual(['mail', 'maintenance', 'outbox', 'reminders']);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('fails fast while Redis is down, and answers again once it is back', async () => {
    await server?.stop();
    server = undefined;

    const started = Date.now();
    await expect(metrics.figures()).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(metrics.figures()).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(Date.now() - started).toBeLessThan(2_500);

    server = await startLocalRedis({ dataDir: join(root, 'redis'), port, appendOnly: false });
    const deadline = Date.now() + 10_000;
    let figures: Awaited<ReturnType<QueueMetrics['figures']>> | undefined;
    while (!figures && Date.now() < deadline) {
      figures = await metrics.figures().catch(() => undefined);
      if (!figures) await new Promise((done) => setTimeout(done, 200));
    }
    expect(figures?.mail.waiting).toBe(0);
  }, 20_000);
});
