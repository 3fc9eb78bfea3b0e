import { loadConfig, processEnvironment } from '@relais/config';
import { DataSource, QueryRunner } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { dataSourceOptions } from './data-source-options';
import { MAX_PREPARED_PER_CONNECTION, preparedStatementName } from './prepared-statements';

/** The statements prepared by name on the connection `runner` holds. */
async function preparedOn(runner: QueryRunner): Promise<{ name: string; statement: string }[]> {
  return (await runner.query('SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time')) as {
    name: string;
    statement: string;
  }[];
}

async function withRunner<T>(preparedStatements: boolean, work: (runner: QueryRunner) => Promise<T>) {
  // The run's database, as the global setup exported it (@relais/testing would import this library back).
  const database = {
    ...loadConfig({ ...processEnvironment(), NODE_ENV: 'test' }).database,
    poolSize: 1,
    preparedStatements,
  };
  const dataSource = await new DataSource(
    dataSourceOptions(database, [], 'relais-prepared-test'),
  ).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    return await work(runner);
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

describe('statements marked /* prepared:<name> */', () => {
  const marked = `/* prepared:probe */ SELECT $1::int + 1 AS next`;

  it('are prepared by name on their connection and reused there; unmarked ones are not', async () => {
    await withRunner(true, async (runner) => {
      expect(await runner.query(marked, [1])).toEqual([{ next: 2 }]);
      expect(await runner.query(marked, [41])).toEqual([{ next: 42 }]);
      expect(await runner.query(`SELECT $1::int + 2 AS other`, [1])).toEqual([{ other: 3 }]);
      const prepared = await preparedOn(runner);
      expect(prepared).toEqual([{ name: preparedStatementName(marked), statement: marked }]);
      expect(prepared[0].name).toMatch(/^probe-[A-Za-z0-9_-]{16}$/);
    });
  });

  it('give a changed text under the same marker a name of its own, both usable on one connection', async () => {
    const changed = `/* prepared:probe */ SELECT $1::int + 10 AS next`;
    await withRunner(true, async (runner) => {
      await runner.query(marked, [1]);
      expect(await runner.query(changed, [1])).toEqual([{ next: 11 }]);
      expect(await runner.query(marked, [1])).toEqual([{ next: 2 }]);
      const names = (await preparedOn(runner)).map((row) => row.name);
      expect(names).toEqual([preparedStatementName(marked), preparedStatementName(changed)]);
      expect(names[0]).not.toBe(names[1]);
    });
  });

  it("accept a query builder's comment as the marker, still pass through TypeORM's query runner, and stay unnamed when switched off", async () => {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const [prepared, unprepared] = await Promise.all(
        [true, false].map((on) =>
          withRunner(on, async (runner) => {
            const query = runner.manager
              .createQueryBuilder()
              .select('t.id', 'id')
              .from('territories', 't')
              .where('t.id = :id', { id: '00000000-0000-0000-0000-000000000000' })
              .comment('prepared:territory-probe');
            expect(query.getQuery()).toMatch(/^\/\* prepared:territory-probe \*\/ SELECT/);
            expect(await query.getRawMany()).toEqual([]);
            return (await preparedOn(runner)).map((row) => row.name);
          }),
        ),
      );
      expect(prepared).toEqual([expect.stringMatching(/^territory-probe-/)]);
      expect(unprepared).toEqual([]);
      const seen = spy.mock.calls
        .map(([sql]) => sql)
        .filter((sql) => sql.includes('prepared:territory-probe'));
      expect(seen).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  });

  it('report a failing marked statement, and leave its connection usable', async () => {
    await withRunner(true, async (runner) => {
      await expect(runner.query(`/* prepared:broken */ SELECT $1::int / 0`, [1])).rejects.toThrow(
        'division by zero',
      );
      expect(await runner.query(marked, [2])).toEqual([{ next: 3 }]);
    });
  });

  it('stop naming new texts on a connection past its bound, and still answer them', async () => {
    await withRunner(true, async (runner) => {
      for (let index = 0; index < MAX_PREPARED_PER_CONNECTION; index += 1) {
        await runner.query(`/* prepared:many */ SELECT ${index} AS n`);
      }
      expect(await runner.query(`/* prepared:many */ SELECT -1 AS n`)).toEqual([{ n: -1 }]);
      const [{ count }] = (await runner.query(
        `SELECT count(*)::int AS count FROM pg_prepared_statements WHERE name LIKE 'many-%'`,
      )) as { count: number }[];
      expect(count).toBe(MAX_PREPARED_PER_CONNECTION);
    });
  });
});
