import { loadConfig, processEnvironment } from '@relais/config';
import { AfterLoad, Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { slot, StatementTemplate } from './statement-template';

/** A row read back as an entity: dates, arrays, nulls and a renamed column, as Relais's entities have. */
@Entity('template_samples')
class Sample {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') label!: string;
  @Column('timestamptz') happenedAt!: Date;
  @Column('text', { array: true }) tags!: string[];
  @Column('date', { nullable: true }) dueOn!: string | null;
}

@Entity('template_samples')
class ListenedSample {
  @PrimaryColumn('uuid') id!: string;
  loaded = false;
  @AfterLoad() markLoaded(): void {
    this.loaded = true;
  }
}

describe('StatementTemplate', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // The run's database, as the global setup exported it; one connection, which holds the temporary table.
    const database = { ...loadConfig({ ...processEnvironment(), NODE_ENV: 'test' }).database, poolSize: 1 };
    dataSource = await new DataSource(
      dataSourceOptions(database, [Sample, ListenedSample], 'relais-template-test'),
    ).initialize();
    await dataSource.query(
      `CREATE TEMPORARY TABLE template_samples (id uuid PRIMARY KEY, label text NOT NULL,
         happened_at timestamptz NOT NULL, tags text[] NOT NULL, due_on date)`,
    );
    await dataSource.query(
      `INSERT INTO template_samples VALUES
         ('00000000-0000-4000-8000-000000000001', 'premier', '2026-03-01T08:30:00Z', '{a,b}', '2026-04-02'),
         ('00000000-0000-4000-8000-000000000002', 'second', '2026-03-02T09:00:00Z', '{}', NULL)`,
    );
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

  it('makes of each run’s rows the entities the builder makes', async () => {
    const byId = (id: unknown) =>
      dataSource.getRepository(Sample).createQueryBuilder('sample').where('sample.id = :id', { id });
    const template = StatementTemplate.of(byId(slot('id')));
    for (const id of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002']) {
      const { entities: built, raw: builtRaw } = await byId(id).getRawAndEntities();
      const raw = (await dataSource.query(template.sql, template.values({ id }))) as object[];
      const entities = template.entities<Sample>(dataSource.manager, raw);
      expect(raw).toEqual(builtRaw);
      expect(entities).toEqual(built);
      expect(entities[0]).toBeInstanceOf(Sample);
      expect(entities[0].happenedAt).toBeInstanceOf(Date);
    }
    expect(template.entities(dataSource.manager, [])).toEqual([]);
  });

  it('refuses to make entities an @AfterLoad listener would have changed', async () => {
    const template = StatementTemplate.of(
      dataSource.getRepository(ListenedSample).createQueryBuilder('sample'),
    );
    const raw = (await dataSource.query(template.sql, template.values({}))) as object[];
    expect(() => template.entities(dataSource.manager, raw)).toThrow('entités');
  });
});
