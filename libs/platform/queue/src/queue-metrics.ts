import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import { ALL_QUEUES, QueueName } from './queue-names';
import { producerConnectionOptions, queuePrefix } from './redis-options';

/** What operators watch on one queue. Ages are in whole seconds, 0 when there is nothing to age. */
export interface QueueFigures {
  readonly waiting: number;
  readonly active: number;
  readonly delayed: number;
  readonly failed: number;
  readonly completed: number;
  /** Since the job next in line became ready (added, or its delay elapsed). */
  readonly oldestWaitingSeconds: number;
  /** How far past its due time the next delayed job is: a delayed job only moves when a worker runs. */
  readonly overdueDelayedSeconds: number;
}

export interface FailedJobSummary {
  readonly id: string;
  readonly name: string;
  readonly attemptsMade: number;
  readonly finishedOn: Date | undefined;
  /** First line of the failure, at most 200 characters: a stack trace is for the worker's log. */
  readonly reason: string;
}

/** Redis did not answer in time, or refused: callers report `redis: down` rather than waiting. */
export class RedisUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('Redis ne répond pas.', { cause });
    this.name = 'RedisUnavailableError';
  }
}

/** A health check must answer before its caller's own timeout. */
const DEFAULT_TIMEOUT_MS = 1_000;

/** BullMQ scores a delayed job `dueAt * 0x1000 + n` (getDelayedScore.lua), keeping same-ms jobs in order. */
const DELAYED_SCORE_FACTOR = 0x1000;

const REASON_LENGTH = 200;

/**
 * Job counts and ages for every queue of Relais, read with a few O(1) Redis calls per queue: the
 * counts, the job next in line, and the first delayed entry with its score — never a job list.
 * Nothing connects until first asked, so a process that never reports (the worker) holds no
 * connection for it.
 */
@Injectable()
export class QueueMetrics implements OnApplicationShutdown {
  private client: Redis | undefined;
  private readiness: Promise<void> | undefined;
  private unreachable = false;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'redis'>) {}

  /** Rejects with `RedisUnavailableError` when Redis does not answer within `timeoutMs`. */
  async figures(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Record<QueueName, QueueFigures>> {
    return withDeadline(timeoutMs, async () => {
      const client = await this.connected();
      const entries = await Promise.all(
        ALL_QUEUES.map(async (name) => [name, await figuresOf(this.queueOn(client, name), client)] as const),
      );
      return Object.fromEntries(entries) as Record<QueueName, QueueFigures>;
    });
  }

  /** The queue, once Redis answers: for operators' tools (listing, re-driving failed jobs). */
  async queue(name: QueueName, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Queue> {
    return withDeadline(timeoutMs, async () => this.queueOn(await this.connected(), name));
  }

  async close(): Promise<void> {
    const queues = [...this.queues.values()];
    this.queues.clear();
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    // Queues share this client and leave it open; disconnect() does not wait on a Redis that is down.
    this.client?.disconnect();
    this.client = undefined;
    this.readiness = undefined;
    this.unreachable = false;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  private async connected(): Promise<Redis> {
    if (!this.client) {
      // Nothing is written on this connection, so closing need not give a dead socket 2 s to drain.
      const client = new Redis({ ...producerConnectionOptions(this.config.redis), disconnectTimeout: 200 });
      // Redis being down is reported by the calls themselves; without a listener ioredis prints it.
      client.on('error', () => undefined);
      client.on('close', () => (this.unreachable = true)).on('ready', () => (this.unreachable = false));
      this.client = client;
    }
    const client = this.client;
    if (client.status === 'ready') return client;
    // Once an attempt has failed, answer at once until Redis is back rather than wait on each retry.
    if (this.unreachable) throw new RedisUnavailableError();
    // One pair of listeners however many callers wait; a connection that hangs is left to their deadlines.
    this.readiness ??= new Promise<void>((ready, fail) => {
      const onReady = () => (client.off('close', onClose), ready());
      const onClose = () => (client.off('ready', onReady), fail(new RedisUnavailableError()));
      client.once('ready', onReady).once('close', onClose);
    }).finally(() => {
      this.readiness = undefined;
    });
    await this.readiness;
    return client;
  }

  /**
   * Queues are made only on a ready client: BullMQ waits for readiness while it initialises and
   * cannot be closed cleanly in the meantime.
   */
  private queueOn(client: Redis, name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      // Observing writes nothing: the queue's meta is its producers' and workers' to keep.
      queue = new Queue(name, {
        connection: client,
        prefix: queuePrefix(this.config.redis),
        skipMetasUpdate: true,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }
}

async function figuresOf(queue: Queue, client: Redis): Promise<QueueFigures> {
  const [counts, nextInLine, firstDelayed] = await Promise.all([
    queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed'),
    // Ascending: the tail of the wait list (and of the paused one), the next job a worker takes.
    queue.getWaiting(0, 0),
    client.zrange(queue.keys.delayed, 0, 0, 'WITHSCORES'),
  ]);
  // BullMQ stamps jobs with the producing process's clock, not with the application's Clock.
  const now = Date.now();
  const readySince = nextInLine.map(readyAt);
  const dueAt = firstDelayed.length === 2 ? Math.floor(Number(firstDelayed[1]) / DELAYED_SCORE_FACTOR) : now;
  return {
    // A paused queue's jobs are still waiting; `getJobCounts` counts them under `paused`.
    waiting: (counts.waiting ?? 0) + (counts.paused ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    completed: counts.completed ?? 0,
    oldestWaitingSeconds: readySince.length ? secondsSince(Math.min(...readySince), now) : 0,
    overdueDelayedSeconds: secondsSince(dueAt, now),
  };
}

/**
 * BullMQ records no time of entry into the wait list: a job first delayed became ready when its
 * delay elapsed, one retried after a failure about when its last attempt started.
 */
function readyAt(job: Job): number {
  return Math.max(job.timestamp + (job.opts.delay ?? 0), job.processedOn ?? 0);
}

function secondsSince(time: number, now: number): number {
  return Math.max(0, Math.floor((now - time) / 1000));
}

async function withDeadline<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new RedisUnavailableError()), timeoutMs);
  });
  try {
    return await Promise.race([work(), expired]);
  } catch (error) {
    throw error instanceof RedisUnavailableError ? error : new RedisUnavailableError(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Moves every failed job of the queue back to waiting, for a worker to try again; returns how many
 * were failed when asked. `count` is how many BullMQ moves per Redis call.
 */
export async function retryFailedJobs(queue: Queue, count?: number): Promise<number> {
  const failed = await queue.getFailedCount();
  if (failed > 0) await queue.retryJobs({ state: 'failed', count });
  return failed;
}

/** The most recently failed jobs, newest first. */
export async function failedJobsSummary(queue: Queue, limit = 100): Promise<FailedJobSummary[]> {
  const jobs = await queue.getFailed(0, limit - 1);
  return jobs.map((job) => ({
    id: job.id ?? '',
    name: job.name,
    attemptsMade: job.attemptsMade,
    finishedOn: job.finishedOn ? new Date(job.finishedOn) : undefined,
    reason: firstLine(job.failedReason ?? ''),
  }));
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0].trim();
  return line.length > REASON_LENGTH ? `${line.slice(0, REASON_LENGTH - 1)}…` : line;
}
