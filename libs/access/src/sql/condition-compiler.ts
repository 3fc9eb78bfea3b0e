import { CompoundCondition, Condition, FieldCondition } from '@ucast/mongo2js';
import { EntityMetadata } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { RelationMetadata } from 'typeorm/metadata/RelationMetadata';

const FIELD_OPERATORS = new Set(['eq', 'ne', 'in', 'nin', 'lt', 'lte', 'gt', 'gte', 'elemMatch']);
const COMPOUND_OPERATORS = new Set(['and', 'or', 'not']);

export class UnsupportedConditionError extends Error {}

/** Generates parameter names no other call uses, so compiled conditions can share one query. */
let parameterSequence = 0;
export function nextParameterName(): string {
  parameterSequence = (parameterSequence + 1) % Number.MAX_SAFE_INTEGER;
  return `access_${parameterSequence}`;
}

export interface CompiledCondition {
  sql: string;
  parameters: Record<string, unknown>;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Turns one CASL rule's condition (its ucast AST) into SQL over `alias`, the query's alias for
 * `metadata`'s table. Relations become EXISTS sub-queries, so a condition never multiplies rows.
 * Anything outside the supported set throws: policies are validated with this at boot.
 */
export function compileCondition(
  condition: Condition,
  metadata: EntityMetadata,
  alias: string,
): CompiledCondition {
  const parameters: Record<string, unknown> = {};
  let subqueries = 0;

  const bind = (value: unknown): string => {
    const name = nextParameterName();
    parameters[name] = value;
    return `:${name}`;
  };

  const walk = (node: Condition, meta: EntityMetadata, from: string): string => {
    if (node.operator === 'not') {
      const negated = negation((node as CompoundCondition).value, meta);
      if (negated) return walk(negated, meta, from);
    }
    if (COMPOUND_OPERATORS.has(node.operator)) {
      const children = cheapestFirst(
        (node as CompoundCondition).value.map((child) => walk(child, meta, from)),
      );
      if (node.operator === 'not') return `NOT (${children.join(' AND ') || 'TRUE'})`;
      if (!children.length) return node.operator === 'and' ? 'TRUE' : 'FALSE';
      return `(${children.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    if (!FIELD_OPERATORS.has(node.operator)) {
      throw new UnsupportedConditionError(`opérateur non pris en charge : ${node.operator}`);
    }
    const field = node as FieldCondition;
    if (field.field.startsWith('$')) {
      throw new UnsupportedConditionError(`opérateur non pris en charge : ${field.field}`);
    }
    const [head, ...rest] = field.field.split('.');
    if (rest.length || field.operator === 'elemMatch') {
      const relation = meta.findRelationWithPropertyPath(head);
      if (!relation) throw new UnsupportedConditionError(`${meta.name}.${head} n'est pas une relation`);
      const inner = `access_r${++subqueries}_${head}`.toLowerCase();
      const target = relation.inverseEntityMetadata;
      // `a.b.c` walks relation by relation; `$elemMatch` applies to the last one.
      const nested: Condition = rest.length
        ? ({ operator: field.operator, field: rest.join('.'), value: field.value } as FieldCondition)
        : (field.value as Condition);
      const join = joinCondition(relation, from, inner);
      return `EXISTS (SELECT 1 FROM ${quote(target.tablePath)} ${quote(inner)} WHERE ${join} AND ${walk(nested, target, inner)})`;
    }
    const column = meta.findColumnWithPropertyPath(head);
    if (!column) throw new UnsupportedConditionError(`${meta.name}.${head} n'est pas une colonne`);
    return compare(`${quote(from)}.${quote(column.databaseName)}`, column, field.operator, field.value, bind);
  };

  return { sql: walk(condition, metadata, alias), parameters };
}

/**
 * Conditions on the row's own columns before those with a sub-query, the order otherwise kept:
 * Postgres evaluates the operands of a nested AND or OR in the order written and stops at the
 * first that decides, so a sub-query (an index probe per row) runs only for the rows the columns
 * leave undecided. AND and OR are commutative in SQL's logic, nulls included: the result is the same.
 */
export function cheapestFirst(conditions: readonly string[]): string[] {
  const probes = (sql: string) => (sql.includes('EXISTS (') ? 1 : 0);
  return [...conditions].sort((left, right) => probes(left) - probes(right));
}

/**
 * `NOT (conditions)` rewritten without the NOT where every negated condition is an enumeration
 * column's value (a `forbid` of archived situations, say): as the values left, `state = 'ACTIVE'`
 * rather than `NOT (state = ANY('{ARCHIVED,ANONYMISED}'))`. Under row-level security Postgres may
 * not read a column's statistics through a function that is not leakproof (enums' `<>` is not), and
 * estimated the negation at almost no row: a page of a large territory was then sorted whole rather
 * than read from the ordered index. A value the database has and the code's enumeration lacks is
 * left out, so the rewrite can only hide rows, never show more. Null when it does not apply.
 */
function negation(conditions: readonly Condition[], meta: EntityMetadata): Condition | null {
  const negated: Condition[] = [];
  // The conditions of one rule arrive as one AND of them, or as themselves.
  const flat = conditions.flatMap((condition) =>
    condition.operator === 'and' ? (condition as CompoundCondition).value : [condition],
  );
  for (const condition of flat) {
    const field = condition as FieldCondition;
    const column =
      (field.operator === 'in' || field.operator === 'eq') && !field.field.includes('.')
        ? meta.findColumnWithPropertyPath(field.field)
        : undefined;
    if (!column || column.type !== 'enum' || column.isNullable || column.isArray || !column.enum) return null;
    const excluded = new Set<unknown>(field.operator === 'in' ? (field.value as unknown[]) : [field.value]);
    const left = column.enum.filter((value) => !excluded.has(value));
    negated.push({ operator: 'in', field: field.field, value: left } as FieldCondition);
  }
  // NOT (a AND b) is (NOT a) OR (NOT b).
  if (!negated.length) return null;
  return negated.length === 1 ? negated[0] : ({ operator: 'or', value: negated } as CompoundCondition);
}

function compare(
  column: string,
  metadata: ColumnMetadata,
  operator: string,
  value: unknown,
  bind: (value: unknown) => string,
): string {
  if (metadata.isArray) {
    // Mongo semantics on arrays: equality means "contains", $in means "shares an element".
    if (operator === 'eq') return `${bind(value)} = ANY(${column})`;
    if (operator === 'in') return `${column} && ${bind(value)}`;
    throw new UnsupportedConditionError(`opérateur ${operator} sur le tableau ${metadata.propertyName}`);
  }
  switch (operator) {
    case 'eq':
      return value === null ? `${column} IS NULL` : `${column} = ${bind(value)}`;
    case 'ne':
      return value === null ? `${column} IS NOT NULL` : `${column} IS DISTINCT FROM ${bind(value)}`;
    case 'in':
      assertList(value, operator);
      // One value as an equality: Postgres then sees it equals the query's own `territory_id = $1`
      // and keeps one condition, where `= ANY` multiplied their selectivities, estimated a page's
      // territory at a few rows and sorted all of it instead of reading the ordered index.
      if (value.length === 1) return `${column} = ${bind(value[0])}`;
      return `${column} = ANY(${bind(value)})`;
    case 'nin':
      assertList(value, operator);
      return `(${column} IS NULL OR NOT (${column} = ANY(${bind(value)})))`;
    case 'lt':
      return `${column} < ${bind(value)}`;
    case 'lte':
      return `${column} <= ${bind(value)}`;
    case 'gt':
      return `${column} > ${bind(value)}`;
    case 'gte':
      return `${column} >= ${bind(value)}`;
    default:
      throw new UnsupportedConditionError(`opérateur non pris en charge : ${operator}`);
  }
}

function assertList(value: unknown, operator: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value) || value.some((item) => item === null)) {
    throw new UnsupportedConditionError(`${operator} attend une liste sans valeur nulle`);
  }
}

/** The EXISTS sub-query's link to the outer row, for a to-one or a to-many relation. */
function joinCondition(relation: RelationMetadata, outer: string, inner: string): string {
  if (relation.isManyToMany) {
    throw new UnsupportedConditionError(`relation plusieurs-à-plusieurs ${relation.propertyPath}`);
  }
  const owning = relation.joinColumns.length > 0;
  const joinColumns = owning ? relation.joinColumns : (relation.inverseRelation?.joinColumns ?? []);
  if (!joinColumns.length) throw new UnsupportedConditionError(`relation sans clé ${relation.propertyPath}`);
  return joinColumns
    .map((joinColumn) => {
      const referenced = joinColumn.referencedColumn!.databaseName;
      return owning
        ? `${quote(inner)}.${quote(referenced)} = ${quote(outer)}.${quote(joinColumn.databaseName)}`
        : `${quote(inner)}.${quote(joinColumn.databaseName)} = ${quote(outer)}.${quote(referenced)}`;
    })
    .join(' AND ');
}
