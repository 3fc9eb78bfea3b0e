import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { STANDBY_DATA_SOURCE, StandbyBehind, StandbyReads } from './standby/standby-reads';
import { INDEX_READ_SCOPE_STATEMENT, SCOPE_STATEMENT } from './transaction-opening';

/**
 * What a transaction states to Postgres's row-level security (the second lock behind the
 * application's rules): the territories it works in, and optionally a purpose that opens the
 * account tables across territories (logging in, purging sessions), or the list of territories to
 * a job that works through each of them (`maintenance`), or the outbox and reminder rows (ids,
 * kinds and times, no personal data) to the worker that dispatches them (`dispatch`).
 */
export interface DatabaseScope {
  readonly territoryIds: readonly string[];
  readonly purpose?: 'authentication' | 'maintenance' | 'dispatch';
  /**
   * Every statement of the transaction reads through an ordered index or a page's ids: Postgres
   * plans no bitmap scan there (see `INDEX_READ_SCOPE_STATEMENT`).
   */
  readonly indexReads?: boolean;
}

/**
 * Every query of the application runs through `run`: one transaction whose settings are local
 * to it (`set_config(…, true)`), so a pooled connection never carries them to another request.
 * A query made outside it sees no row at all, because the policies find no territory.
 */
@Injectable()
export class ScopedDatabase {
  private readonly logger = new Logger('BaseDeDonnees');
  /** Reads given to `read`, by the server that answered them (since the process started). */
  readonly readsServed = { primary: 0, standby: 0 };

  constructor(
    @InjectDataSource() readonly dataSource: DataSource,
    @Optional() @Inject(STANDBY_DATA_SOURCE) readonly standby: DataSource | null = null,
  ) {}

  run<T>(scope: DatabaseScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await applyScope(manager, scope);
      return work(manager);
    });
  }

  /**
   * A read that may lag a little: on the standby when the request allows it (`reads`: queries and
   * document downloads have it, mutations never) and the standby has replayed the position the
   * request requires — compared in the transaction's first statement, the scope's, so the check
   * costs no round trip; on the primary otherwise, or when the standby cannot be reached before
   * `work` starts. `work` must write nothing itself: the audit sends its events to the primary
   * (`isStandby`). An error inside `work` is the caller's, as with `run`.
   */
  async read<T>(
    scope: DatabaseScope,
    reads: StandbyReads | undefined,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    const required = this.standby && reads ? await reads.requiredPosition() : null;
    if (required !== null) {
      const served = await this.onStandby(required, scope, work);
      if (served) {
        this.readsServed.standby += 1;
        return served.value;
      }
    }
    this.readsServed.primary += 1;
    return this.run(scope, work);
  }

  /** Whether `manager` works on the standby, where nothing can be written. */
  isStandby(manager: EntityManager): boolean {
    return this.standby !== null && manager.connection === this.standby;
  }

  private async onStandby<T>(
    required: bigint,
    scope: DatabaseScope,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<{ value: T } | null> {
    let working = false;
    try {
      return await this.standby!.transaction(async (manager) => {
        const [{ replayed }] = (await manager.query(
          `/* prepared:scope-standby */ SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', $2, true),
                  ${scope.indexReads ? "set_config('enable_bitmapscan', 'off', true)," : ''}
                  (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::text AS replayed`,
          scopeParameters(scope),
        )) as { replayed: string | null }[];
        // Null: the server is no longer a standby (promoted), so it no longer follows the primary.
        if (replayed === null || BigInt(replayed) < required) throw new StandbyBehind();
        working = true;
        return { value: await work(manager) };
      });
    } catch (error) {
      if (working) throw error;
      if (!(error instanceof StandbyBehind))
        this.logger.warn({ err: error, msg: 'Serveur secondaire injoignable : lecture sur le primaire' });
      return null;
    }
  }

  /**
   * One statement on its own, in the implicit transaction Postgres gives it: for a function that
   * states its own scope (`authenticate_session`), where `run` would add three round trips.
   */
  async statement<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    return (await this.dataSource.query(sql, parameters)) as T[];
  }

  /** Every territory's id, for jobs that then work in each territory's own transaction. */
  async allTerritoryIds(): Promise<string[]> {
    const rows = (await this.run({ territoryIds: [], purpose: 'maintenance' }, (manager) =>
      manager.query('SELECT id FROM territories ORDER BY id'),
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }
}

/**
 * Opens every transaction: its plan is kept per connection, and it goes with TypeORM's `START
 * TRANSACTION` in one round trip (see `PreparingClient`).
 */
export async function applyScope(manager: EntityManager, scope: DatabaseScope): Promise<void> {
  await manager.query(
    scope.indexReads ? INDEX_READ_SCOPE_STATEMENT : SCOPE_STATEMENT,
    scopeParameters(scope),
  );
}

function scopeParameters(scope: DatabaseScope): string[] {
  return [`{${scope.territoryIds.join(',')}}`, scope.purpose ?? ''];
}
