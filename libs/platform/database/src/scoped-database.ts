import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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
}

/**
 * Every query of the application runs through `run`: one transaction whose settings are local
 * to it (`set_config(…, true)`), so a pooled connection never carries them to another request.
 * A query made outside it sees no row at all, because the policies find no territory.
 */
@Injectable()
export class ScopedDatabase {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  run<T>(scope: DatabaseScope, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await applyScope(manager, scope);
      return work(manager);
    });
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

/** Opens every transaction, so its plan is kept per connection (see `PreparingClient`). */
export async function applyScope(manager: EntityManager, scope: DatabaseScope): Promise<void> {
  await manager.query(
    `/* prepared:scope */ SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', $2, true)`,
    [`{${scope.territoryIds.join(',')}}`, scope.purpose ?? ''],
  );
}
