import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { Queue } from 'bullmq';
import { EventEmitter } from 'node:events';
import { QueueName } from './queue-names';
import { producerConnectionOptions, queuePrefix } from './redis-options';

/**
 * Queues to add jobs to, on connections that fail fast when Redis is down: whoever enqueues
 * keeps the truth in Postgres and lets the reconciler try again, rather than waiting on Redis
 * with a transaction open.
 */
@Injectable()
export class ProducerQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: producerConnectionOptions(this.config.redis),
        prefix: queuePrefix(this.config.redis),
      });
      // Errors surface on the calls themselves; without a listener ioredis would print them.
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => closeQuietly(queue)));
  }
}

/**
 * BullMQ drops its connection's listeners on close, yet a first connection still being attempted
 * (Redis down) reports its failure afterwards: without a listener that would crash the process.
 */
async function closeQuietly(queue: Queue): Promise<void> {
  await queue.close().catch(() => undefined);
  (Reflect.get(queue, 'connection') as EventEmitter | undefined)?.on('error', () => undefined);
}

/**
 * BullMQ waits for a connection it has never had rather than failing: a caller holding a
 * transaction open bounds the wait itself, and rolls back.
 */
export async function withinMs<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} : Redis ne répond pas après ${ms} ms.`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
