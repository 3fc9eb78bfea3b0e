import { loadConfig, processEnvironment } from '@relais/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { slot, StatementTemplate } from './statement-template';

describe('StatementTemplate', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // The run's database, as the global setup exported it.
    const database = { ...loadConfig({ ...processEnvironment(), NODE_ENV: 'test' }).database, poolSize: 1 };
    dataSource = await new DataSource(dataSourceOptions(database, [], 'relais-template-test')).initialize();
  });
  afterAll(() => dataSource.destroy());

  /** Numbers 1 to 20 with a fixed condition (as an access rule's) and the run's bounds. */
  const numbers = (from: unknown, among: unknown) =>
    dataSource
      .createQueryBuilder()
      .select('numbers.n', 'n')
      .from('(SELECT generate_series(1, 20) AS n)', 'numbers')
      .where('n % :modulo = 0', { modulo: 2 })
      .andWhere('n >= :from AND n = ANY(:among::int[])', { from, among })
      .andWhere('n <> :from + 100', { from })
      .orderBy('n');

  it('sends the text built once with each run’s values, and answers as the builder does', async () => {
    const template = StatementTemplate.of(numbers(slot('from'), slot('among')));
    for (const [from, among] of [
      [4, [2, 4, 6, 8, 9]],
      [7, [1, 8, 10, 12, 15]],
    ] as const) {
      const built = await numbers(from, among).getRawMany();
      const sent = await dataSource.query(template.sql, template.values({ from, among }));
      expect(sent).toEqual(built);
      expect(sent.length).toBeGreaterThan(0);
    }
  });

  it('refuses a slot spread into a list, and a run missing one of its values', () => {
    const spread = dataSource
      .createQueryBuilder()
      .select('1')
      .from('(SELECT generate_series(1, 3) AS n)', 'numbers')
      .where('n IN (:...ids)', { ids: slot('ids') });
    expect(() => StatementTemplate.of(spread)).toThrow();
    const template = StatementTemplate.of(numbers(slot('from'), slot('among')));
    expect(() => template.values({ from: 1 })).toThrow('among');
  });
});
