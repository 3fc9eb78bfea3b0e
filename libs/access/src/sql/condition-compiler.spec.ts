import { Condition } from '@ucast/mongo2js';
import { EntityMetadata } from 'typeorm';
import { cheapestFirst, compileCondition } from './condition-compiler';

enum RetentionState {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
  ANONYMISED = 'ANONYMISED',
}

/** The little of TypeORM's metadata the compiler reads: columns by property, none a relation. */
function table(columns: Record<string, { databaseName: string; enum?: string[]; isNullable?: boolean }>) {
  return {
    name: 'Situation',
    tablePath: 'situations',
    findColumnWithPropertyPath: (path: string) => {
      const column = columns[path];
      if (!column) return undefined;
      return {
        propertyName: path,
        databaseName: column.databaseName,
        type: column.enum ? 'enum' : 'uuid',
        enum: column.enum,
        isNullable: column.isNullable ?? false,
        isArray: false,
      };
    },
    findRelationWithPropertyPath: () => undefined,
  } as unknown as EntityMetadata;
}

const SITUATIONS = table({
  territoryId: { databaseName: 'territory_id' },
  retentionState: { databaseName: 'retention_state', enum: Object.values(RetentionState) },
  closureState: { databaseName: 'closure_state', enum: Object.values(RetentionState), isNullable: true },
});

const field = (name: string, operator: string, value: unknown) =>
  ({ operator, field: name, value }) as unknown as Condition;
const not = (...value: Condition[]) => ({ operator: 'not', value }) as unknown as Condition;

/** The SQL with its parameters written in, to read what Postgres will be asked. */
function compiled(condition: Condition): string {
  const { sql, parameters } = compileCondition(condition, SITUATIONS, 's');
  return sql.replace(/:(access_\d+)/g, (_, name: string) => JSON.stringify(parameters[name]));
}

describe('compileCondition', () => {
  it('writes a list of one value as an equality, which Postgres merges with the query’s own', () => {
    expect(compiled(field('territoryId', 'in', ['t1']))).toBe('"s"."territory_id" = "t1"');
    expect(compiled(field('territoryId', 'in', ['t1', 't2']))).toBe('"s"."territory_id" = ANY(["t1","t2"])');
  });

  it('writes a forbidden enumeration value as the values left, not as a negation', () => {
    const archived = field('retentionState', 'in', [RetentionState.ARCHIVED, RetentionState.ANONYMISED]);
    expect(compiled(not(archived))).toBe('"s"."retention_state" = "ACTIVE"');
    expect(compiled(not(field('retentionState', 'eq', RetentionState.ARCHIVED)))).toBe(
      '"s"."retention_state" = ANY(["ACTIVE","ANONYMISED"])',
    );
  });

  it('turns NOT (a AND b) over enumerations into (not a) OR (not b)', () => {
    const both = not(
      field('retentionState', 'eq', RetentionState.ARCHIVED),
      field('retentionState', 'in', [RetentionState.ACTIVE, RetentionState.ANONYMISED]),
    );
    expect(compiled(both)).toBe(
      '("s"."retention_state" = ANY(["ACTIVE","ANONYMISED"]) OR "s"."retention_state" = "ARCHIVED")',
    );
  });

  it('reads a rule’s conditions given as one AND', () => {
    const rule = {
      operator: 'and',
      value: [
        field('retentionState', 'eq', RetentionState.ARCHIVED),
        field('retentionState', 'eq', RetentionState.ACTIVE),
      ],
    } as unknown as Condition;
    expect(compiled(not(rule))).toBe(
      '("s"."retention_state" = ANY(["ACTIVE","ANONYMISED"]) OR "s"."retention_state" = ANY(["ARCHIVED","ANONYMISED"]))',
    );
  });

  it('forbids everything when every value is forbidden', () => {
    expect(compiled(not(field('retentionState', 'in', Object.values(RetentionState))))).toBe(
      '"s"."retention_state" = ANY([])',
    );
  });

  it('keeps the negation over a nullable enumeration, another kind of column, or a mix of both', () => {
    // Only enumerations that always hold a value are rewritten: no NULL to reason about.
    expect(compiled(not(field('closureState', 'eq', RetentionState.ARCHIVED)))).toBe(
      'NOT ("s"."closure_state" = "ARCHIVED")',
    );
    expect(compiled(not(field('territoryId', 'in', ['t1', 't2'])))).toBe(
      'NOT ("s"."territory_id" = ANY(["t1","t2"]))',
    );
    expect(
      compiled(not(field('retentionState', 'eq', RetentionState.ARCHIVED), field('territoryId', 'eq', 't1'))),
    ).toBe('NOT ("s"."retention_state" = "ARCHIVED" AND "s"."territory_id" = "t1")');
  });
});

describe('cheapestFirst', () => {
  it('puts conditions with a sub-query after those on the row’s own columns, each group in its order', () => {
    const invited = `EXISTS (SELECT 1 FROM "item_invitations" "i" WHERE "i"."situation_id" = "s"."id")`;
    const archived = `NOT (EXISTS (SELECT 1 FROM "situations" "a" WHERE "a"."id" = "s"."situation_id"))`;
    expect(cheapestFirst([invited, `"s"."territory_id" = :a`, archived, `"s"."owner_id" = :b`])).toEqual([
      `"s"."territory_id" = :a`,
      `"s"."owner_id" = :b`,
      invited,
      archived,
    ]);
  });

  it('leaves a list without sub-queries as it was', () => {
    expect(cheapestFirst(['b', 'a', 'c'])).toEqual(['b', 'a', 'c']);
  });
});
