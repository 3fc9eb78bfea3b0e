import { AppConfig } from '@relais/config';
import { RedisOptions } from 'ioredis';

function fromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : undefined,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  };
}

/** Workers block on Redis: BullMQ requires them to retry forever rather than fail a command. */
export function workerConnectionOptions(redis: AppConfig['redis']): RedisOptions {
  return { ...fromUrl(redis.url), maxRetriesPerRequest: null, enableReadyCheck: true };
}

/**
 * Producers fail fast when Redis is down instead of buffering in memory: the caller (later the
 * outbox relay) keeps the truth in Postgres and retries.
 */
export function producerConnectionOptions(redis: AppConfig['redis']): RedisOptions {
  return { ...fromUrl(redis.url), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
}

/** BullMQ key prefix; the braces make every key of one deployment hash to the same Cluster slot. */
export function queuePrefix(redis: AppConfig['redis']): string {
  return `{${redis.keyPrefix}}`;
}
