/** How TypeORM opens a transaction (`QueryRunner.startTransaction`). */
export const START_TRANSACTION = 'START TRANSACTION';

/** The first statement of every scoped transaction (`applyScope`): its territories and purpose. */
export const SCOPE_STATEMENT = `/* prepared:scope */ SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', $2, true)`;

/**
 * The same for a read whose statements go through an ordered index or a page's ids, with bitmap
 * scans off until its end. Row-level security's `territory_id = ANY(…)` is estimated from a
 * default (a few per cent of the rows with 300 territories, some thirty times too low for a large
 * one), so Postgres intersected a page's rows with an index of its whole territory: on the national
 * dataset the page's open actions took 3.8 ms that way (66,667 entries read for 500 rows) and
 * 2.3 ms through the page's ids alone.
 */
export const INDEX_READ_SCOPE_STATEMENT = `/* prepared:scope-index-reads */ SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', $2, true), set_config('enable_bitmapscan', 'off', true)`;

const SCOPE_STATEMENTS: ReadonlySet<string> = new Set([SCOPE_STATEMENT, INDEX_READ_SCOPE_STATEMENT]);

/** Is this text one of the statements that open a scoped transaction? */
export function isScopeStatement(text: unknown): text is string {
  return typeof text === 'string' && SCOPE_STATEMENTS.has(text);
}

/**
 * The opening of a transaction and its scope as one message of the simple protocol: one round trip
 * where TypeORM sends two. The protocol takes no parameters with several statements, so the two
 * values are written as literals by `escapeLiteral` (pg's own quoting); null when the statement is
 * not a scope's or the values not the two texts a scope is made of.
 */
export function openingWithScope(
  scopeStatement: string,
  values: readonly unknown[],
  escapeLiteral: (value: string) => string,
): string | null {
  const [territoryIds, purpose] = values;
  if (!isScopeStatement(scopeStatement) || values.length !== 2) return null;
  if (typeof territoryIds !== 'string' || typeof purpose !== 'string') return null;
  // A function as replacement, so that a `$` in a value is never read as a pattern.
  const literal = scopeStatement
    .replace('$1', () => escapeLiteral(territoryIds))
    .replace('$2', () => escapeLiteral(purpose));
  return `${START_TRANSACTION}; ${literal}`;
}
