import { Job, Queue } from 'bullmq';
import { createServer } from 'node:net';
import { failedJobsSummary, QueueMetrics, RedisUnavailableError, retryFailedJobs } from './queue-metrics';

/** A port nothing listens on: the connection is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function fakeQueue(failed: Partial<Job>[]) {
  return {
    getFailedCount: jest.fn(async () => failed.length),
    getFailed: jest.fn(async (start: number, end: number) => failed.slice(start, end + 1)),
    retryJobs: jest.fn(async () => undefined),
  };
}

describe('QueueMetrics without Redis', () => {
  it('answers with RedisUnavailableError as soon as the connection is refused, then at once', async () => {
    const metrics = new QueueMetrics({
      redis: { url: `redis://127.0.0.1:${await closedPort()}`, keyPrefix: 'relais-metrics-spec' },
    });
    try {
      const first = Date.now();
      await expect(metrics.figures(5_000)).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(Date.now() - first).toBeLessThan(2_000);

      // Not kept waiting for its deadline while the client tries again: far under the 5 s given
      // (a bound of a quarter second failed once on a loaded machine, at half a second).
      const again = Date.now();
      await expect(metrics.figures(5_000)).rejects.toThrow('Redis ne répond pas.');
      expect(Date.now() - again).toBeLessThan(2_000);
    } finally {
      await metrics.close();
    }
  });

  it('gives up at its deadline on a server that never answers', async () => {
    // Accepts the connection and says nothing, as a stuck Redis would.
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((done) => silent.once('listening', done));
    const address = silent.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const metrics = new QueueMetrics({
      redis: { url: `redis://127.0.0.1:${port}`, keyPrefix: 'relais-metrics-spec' },
    });
    try {
      const started = Date.now();
      await expect(metrics.figures(300)).rejects.toBeInstanceOf(RedisUnavailableError);
      expect(Date.now() - started).toBeLessThan(1_500);
    } finally {
      await metrics.close();
      silent.close();
    }
  });
});

describe('failedJobsSummary', () => {
  it('gives each failed job with the first line of its reason, cut at 200 characters', async () => {
    const queue = fakeQueue([
      {
        id: 'mail-1',
        name: 'immediate',
        attemptsMade: 3,
        finishedOn: Date.UTC(2030, 0, 2, 8),
        failedReason: 'SMTP refusé\n    at send (mailer.ts:12)',
      },
      { id: 'mail-2', name: 'digest', attemptsMade: 1, failedReason: 'x'.repeat(300) },
    ]);

    const summary = await failedJobsSummary(queue as unknown as Queue, 10);

    expect(queue.getFailed).toHaveBeenCalledWith(0, 9);
    expect(summary[0]).toEqual({
      id: 'mail-1',
      name: 'immediate',
      attemptsMade: 3,
      finishedOn: new Date(Date.UTC(2030, 0, 2, 8)),
      reason: 'SMTP refusé',
    });
    expect(summary[1].finishedOn).toBeUndefined();
    expect(summary[1].reason).toHaveLength(200);
    expect(summary[1].reason.endsWith('…')).toBe(true);
  });
});

describe('retryFailedJobs', () => {
  it('re-drives the failed jobs and says how many there were', async () => {
    const queue = fakeQueue([{ id: 'a' }, { id: 'b' }]);
    expect(await retryFailedJobs(queue as unknown as Queue, 100)).toBe(2);
    expect(queue.retryJobs).toHaveBeenCalledWith({ state: 'failed', count: 100 });
  });

  it('leaves the queue alone when nothing failed', async () => {
    const queue = fakeQueue([]);
    expect(await retryFailedJobs(queue as unknown as Queue)).toBe(0);
    expect(queue.retryJobs).not.toHaveBeenCalled();
  });
});
