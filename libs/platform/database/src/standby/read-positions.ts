import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { producerConnectionOptions, queuePrefix } from '@relais/queue';
import Redis from 'ioredis';
import { ScopedDatabase } from '../scoped-database';
import { StandbyReads } from './standby-reads';

/** Raises each key to the position given, never lowers it (concurrent writers land in any order). */
const RAISE = `
for index, key in ipairs(KEYS) do
  local current = redis.call('GET', key)
  if not current or tonumber(current) < tonumber(ARGV[1]) then
    if index == 1 and ARGV[2] ~= '' then redis.call('SET', key, ARGV[1], 'PX', ARGV[2])
    else redis.call('SET', key, ARGV[1]) end
  end
end
return 0`;

/**
 * Where the primary's write-ahead log stood after the last write of each session and of each
 * territory, kept in Redis under the deployment's prefix so that the next request, on any api
 * replica, knows how far the standby must have replayed before it may answer. A session's position
 * lives as long as an idle session; a territory's stays (a few hundred keys at most).
 *
 * Every write through a mutation raises its territories, not only those that reduce access: a
 * withdrawal of consent, a suspension, a circle narrowed, a sharing matrix narrowed… are many and
 * spread over the contexts, and one forgotten would let the standby show what access no longer
 * allows. The standby replays within milliseconds, so the reads that follow a write closely are
 * the only ones sent back to the primary.
 */
@Injectable()
export class ReadPositions implements OnApplicationShutdown {
  private readonly logger = new Logger('BaseDeDonnees');
  private readonly redis: Redis | null;
  private readonly prefix: string;
  private readonly sessionTtlMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly database: ScopedDatabase,
  ) {
    // Without a standby nothing is read there: no position is needed, nor any Redis round trip.
    this.redis = database.standby
      ? new Redis({
          ...producerConnectionOptions(config.redis),
          enableOfflineQueue: true,
          commandTimeout: 1_000,
        })
      : null;
    this.prefix = `${queuePrefix(config.redis)}:read-position`;
    this.sessionTtlMs = config.auth.sessionIdleTimeoutMinutes * 60_000;
  }

  /**
   * After a mutation of this session (committed, or rolled back: a position too far is only
   * prudent): the primary's position now, given to the session and to each of its territories.
   */
  async recordWrite(sessionId: string, territoryIds: readonly string[]): Promise<void> {
    if (!this.redis) return;
    try {
      const position = await this.primaryPosition();
      const keys = [this.sessionKey(sessionId), ...territoryIds.map((id) => this.territoryKey(id))];
      await this.redis.eval(RAISE, keys.length, ...keys, position, String(this.sessionTtlMs));
    } catch (error) {
      // The write is committed; its readers may lag behind it on the standby until it replays.
      this.logger.error({ err: error, msg: 'Position d’écriture non enregistrée dans Redis' });
    }
  }

  /** The request's view of the positions, read once from Redis on its first read that may lag. */
  readsFor(sessionId: string, territoryIds: readonly string[]): StandbyReads | undefined {
    if (!this.redis) return undefined;
    let required: Promise<bigint | null> | undefined;
    return { requiredPosition: () => (required ??= this.required(sessionId, territoryIds)) };
  }

  private async required(sessionId: string, territoryIds: readonly string[]): Promise<bigint | null> {
    try {
      const values = await this.redis!.mget(
        this.sessionKey(sessionId),
        ...territoryIds.map((id) => this.territoryKey(id)),
      );
      const unknown = territoryIds.filter((_, index) => values[index + 1] === null);
      // A territory never seen (or a Redis emptied): its last writes are unknown, so the primary
      // answers and the territory starts from the primary's position now.
      if (unknown.length) {
        const position = await this.primaryPosition();
        await Promise.all(unknown.map((id) => this.redis!.set(this.territoryKey(id), position, 'NX')));
        return null;
      }
      return values.reduce(
        (highest, value) => (value && BigInt(value) > highest ? BigInt(value) : highest),
        0n,
      );
    } catch (error) {
      this.logger.warn({ err: error, msg: 'Positions de lecture illisibles : lecture sur le primaire' });
      return null;
    }
  }

  /** Past every commit acknowledged so far (the insert position is never behind a flushed commit). */
  private async primaryPosition(): Promise<string> {
    const [{ position }] = await this.database.statement<{ position: string }>(
      `/* prepared:wal-position */ SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::text AS position`,
      [],
    );
    return position;
  }

  private sessionKey(sessionId: string): string {
    return `${this.prefix}:session:${sessionId}`;
  }

  private territoryKey(territoryId: string): string {
    return `${this.prefix}:territory:${territoryId}`;
  }

  onApplicationShutdown(): void {
    this.redis?.disconnect();
  }
}
