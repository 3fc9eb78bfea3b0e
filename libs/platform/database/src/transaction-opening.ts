/** How TypeORM opens a transaction (`QueryRunner.startTransaction`). */
export const START_TRANSACTION = 'START TRANSACTION';

/** The first statement of every scoped transaction (`applyScope`): its territories and purpose. */
export const SCOPE_STATEMENT = `/* prepared:scope */ SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', $2, true)`;

/**
 * The opening of a transaction and its scope as one message of the simple protocol: one round trip
 * where TypeORM sends two. The protocol takes no parameters with several statements, so the two
 * values are written as literals by `escapeLiteral` (pg's own quoting); null when they are not the
 * two texts a scope is made of.
 */
export function openingWithScope(
  values: readonly unknown[],
  escapeLiteral: (value: string) => string,
): string | null {
  const [territoryIds, purpose] = values;
  if (values.length !== 2 || typeof territoryIds !== 'string' || typeof purpose !== 'string') return null;
  return (
    `${START_TRANSACTION}; SELECT set_config('app.territory_ids', ${escapeLiteral(territoryIds)}, true), ` +
    `set_config('app.purpose', ${escapeLiteral(purpose)}, true)`
  );
}
