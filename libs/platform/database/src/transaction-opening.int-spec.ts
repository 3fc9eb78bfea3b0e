import { loadConfig, processEnvironment } from '@relais/config';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { INDEX_READ_SCOPE_STATEMENT, SCOPE_STATEMENT, START_TRANSACTION } from './transaction-opening';

async function withDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  // The run's database, as the global setup exported it (@relais/testing would import this library back).
  const database = {
    ...loadConfig({ ...processEnvironment(), NODE_ENV: 'test' }).database,
    poolSize: 1,
    preparedStatements: true,
  };
  const dataSource = await new DataSource(
    dataSourceOptions(database, [], 'relais-opening-test'),
  ).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The texts pg sent to Postgres while `work` ran: one per round trip. */
async function sentDuring<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[] }> {
  const spy = jest.spyOn(Client.prototype, 'query');
  try {
    const result = await work();
    const sent = spy.mock.calls.map(([config]) =>
      typeof config === 'string' ? config : String((config as { text: string }).text),
    );
    return { result, sent };
  } finally {
    spy.mockRestore();
  }
}

const setting = async (manager: EntityManager | DataSource, name: string) =>
  ((await manager.query(`SELECT current_setting($1, true) AS value`, [name])) as { value: string }[])[0]
    .value;

describe('a transaction opened with its scope', () => {
  it('sends START TRANSACTION and the scope in one round trip, and the scope holds for the transaction', async () => {
    await withDataSource(async (dataSource) => {
      const { result, sent } = await sentDuring(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(SCOPE_STATEMENT, ['{00000000-0000-4000-8000-000000000001}', 'maintenance']);
          return [await setting(manager, 'app.territory_ids'), await setting(manager, 'app.purpose')];
        }),
      );
      expect(result).toEqual(['{00000000-0000-4000-8000-000000000001}', 'maintenance']);
      expect(sent).toHaveLength(4);
      expect(sent[0]).toMatch(
        /^START TRANSACTION; \/\* prepared:scope \*\/ SELECT set_config\('app\.territory_ids', /,
      );
      expect(sent[3]).toBe('COMMIT');
      // Local to the transaction: gone once it ended, so the pooled connection carries nothing on.
      expect(await setting(dataSource, 'app.territory_ids')).toBe('');
    });
  });

  it('writes the values as literals that come back exactly, quotes and backslashes included', async () => {
    await withDataSource(async (dataSource) => {
      const awkward = `l'usage \\ d'un « but » $1 $& $' '); SELECT 1; --`;
      const read = await dataSource.transaction(async (manager) => {
        await manager.query(SCOPE_STATEMENT, ['{}', awkward]);
        return setting(manager, 'app.purpose');
      });
      expect(read).toBe(awkward);
    });
  });

  it('turns bitmap scans off for a read through indexes, until its end, in the same round trip', async () => {
    await withDataSource(async (dataSource) => {
      const { result, sent } = await sentDuring(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(INDEX_READ_SCOPE_STATEMENT, ['{00000000-0000-4000-8000-000000000001}', '']);
          return [await setting(manager, 'app.territory_ids'), await setting(manager, 'enable_bitmapscan')];
        }),
      );
      expect(result).toEqual(['{00000000-0000-4000-8000-000000000001}', 'off']);
      expect(sent).toHaveLength(4);
      expect(sent[0]).toMatch(
        /^START TRANSACTION; \/\* prepared:scope-index-reads \*\/ SELECT .*set_config\('enable_bitmapscan', 'off', true\)$/,
      );
      expect(await setting(dataSource, 'enable_bitmapscan')).toBe('on');
    });
  });

  it('sends the opening first, as TypeORM would, when the transaction starts with another statement', async () => {
    await withDataSource(async (dataSource) => {
      const { result, sent } = await sentDuring(() =>
        dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('relais.probe', 'dans la transaction', true)`);
          return setting(manager, 'relais.probe');
        }),
      );
      expect(result).toBe('dans la transaction');
      expect(sent[0]).toBe(START_TRANSACTION);
      expect(sent).toHaveLength(4);
    });
  });

  it('undoes a failed transaction and leaves its connection usable and out of any transaction', async () => {
    await withDataSource(async (dataSource) => {
      await dataSource.query(`CREATE TEMPORARY TABLE opening_probe (n int)`);
      await expect(
        dataSource.transaction(async (manager) => {
          await manager.query(SCOPE_STATEMENT, ['{}', '']);
          await manager.query(`INSERT INTO opening_probe VALUES (1)`);
          await manager.query(`SELECT 1 / 0`);
        }),
      ).rejects.toThrow('division by zero');
      // The pool has one connection: the same one answers.
      expect(await dataSource.query(`SELECT count(*)::int AS n FROM opening_probe`)).toEqual([{ n: 0 }]);
      await dataSource.query(`SELECT set_config('relais.probe', 'hors transaction', true)`);
      expect(await setting(dataSource, 'relais.probe')).toBe('');
    });
  });

  it('still opens and ends a transaction that ran no statement', async () => {
    await withDataSource(async (dataSource) => {
      const { result, sent } = await sentDuring(() => dataSource.transaction(async () => 'rien'));
      expect(result).toBe('rien');
      expect(sent).toEqual([START_TRANSACTION, 'COMMIT']);
      expect(await dataSource.query(`SELECT 1 AS n`)).toEqual([{ n: 1 }]);
    });
  });
});
