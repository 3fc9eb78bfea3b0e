import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * What one GraphQL request costs in SQL statements on the api's own connection. Every request
 * runs in `ScopedDatabase.run` transactions, each framed by START TRANSACTION / COMMIT (or
 * ROLLBACK) and opened by one `SELECT set_config(…)` that states the scope to row-level security:
 * those are counted apart as `control` and `scope`; everything else is a data statement.
 */
export interface QueryCount {
  data: string[];
  control: number;
  scope: number;
}

const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i;
const SCOPE = /^(\/\* prepared:[^*]+ \*\/\s*)?SELECT set_config\('app\.territory_ids'/i;

export class StatementCounter {
  private readonly query: jest.SpiedFunction<PostgresQueryRunner['query']>;

  constructor(private readonly connection: DataSource) {
    this.query = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  }

  /** Counts the statements the connection ran while `work` was under way. */
  async counted<T>(work: () => Promise<T>): Promise<{ result: T; count: QueryCount }> {
    this.query.mockClear();
    const result = await work();
    const count: QueryCount = { data: [], control: 0, scope: 0 };
    this.query.mock.calls.forEach(([sql], index) => {
      const runner = this.query.mock.contexts[index] as PostgresQueryRunner;
      if (runner.connection !== this.connection) return;
      const statement = sql.trim();
      if (CONTROL.test(statement)) count.control += 1;
      else if (SCOPE.test(statement)) count.scope += 1;
      else count.data.push(statement);
    });
    return { result, count };
  }

  restore(): void {
    this.query.mockRestore();
  }
}
