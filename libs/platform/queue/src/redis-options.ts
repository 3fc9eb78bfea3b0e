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

/**
 * REDIS_URL's server, or with sentinels the master they name: ioredis asks them on every
 * (re)connection and checks the role of the server it reaches. REDIS_URL's credentials, database and
 * TLS still apply to the master; `rediss:` also encrypts the talk with the sentinels.
 */
function connectionOptions(redis: AppConfig['redis']): RedisOptions {
  const server = fromUrl(redis.url);
  if (!redis.sentinel) return server;
  const { host: _host, port: _port, tls, ...master } = server;
  return {
    ...master,
    sentinels: redis.sentinel.addresses.map(({ host, port }) => ({ host, port })),
    name: redis.sentinel.masterName,
    sentinelPassword: redis.sentinel.password,
    ...(tls ? { tls, enableTLSForSentinelMode: true, sentinelTLS: tls } : {}),
    // The former master keeps its clients, and takes their writes, until the sentinels demote it
    // some 10 s after the failover; listening for `+switch-master` moves them within a second
    // (one more connection per sentinel for each client).
    failoverDetector: true,
    // BullMQ waits at least 1 s before reconnecting; announced, the new master is already there:
    // the first attempt goes at once, the next ones as BullMQ spaces them.
    retryStrategy: (times) => (times === 1 ? 50 : Math.max(Math.min(Math.exp(times), 20_000), 1_000)),
    // A former master demoted to replica refuses writes: reconnect through the sentinels and resend.
    reconnectOnError: (error) => (error.message.startsWith('READONLY') ? 2 : false),
  };
}

/** Workers block on Redis: BullMQ requires them to retry forever rather than fail a command. */
export function workerConnectionOptions(redis: AppConfig['redis']): RedisOptions {
  return { ...connectionOptions(redis), maxRetriesPerRequest: null, enableReadyCheck: true };
}

/**
 * Producers fail fast when Redis is down instead of buffering in memory: the caller (later the
 * outbox relay) keeps the truth in Postgres and retries.
 */
export function producerConnectionOptions(redis: AppConfig['redis']): RedisOptions {
  return { ...connectionOptions(redis), enableOfflineQueue: false, maxRetriesPerRequest: 1 };
}

/** BullMQ key prefix; the braces make every key of one deployment hash to the same Cluster slot. */
export function queuePrefix(redis: AppConfig['redis']): string {
  return `{${redis.keyPrefix}}`;
}
