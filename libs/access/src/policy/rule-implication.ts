import { Conditions } from './policy';

type Value = unknown;

const isOperator = (value: Value): value is Record<string, Value> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

const same = (left: Value, right: Value) => JSON.stringify(left) === JSON.stringify(right);

/** Values a condition on one field lets through, when it is a plain list of them. */
function allowedValues(condition: Value): Value[] | null {
  if (!isOperator(condition)) return [condition];
  const keys = Object.keys(condition);
  if (keys.length === 1 && keys[0] === '$in' && Array.isArray(condition.$in)) return condition.$in as Value[];
  return null;
}

/** Does every value `narrow` lets through on a field also pass `wide`? Only the shapes used here. */
function fieldImplies(narrow: Value, wide: Value): boolean {
  const values = allowedValues(narrow);
  if (!values) return same(narrow, wide);
  if (!isOperator(wide)) return values.every((value) => same(value, wide));
  const keys = Object.keys(wide);
  if (keys.length !== 1) return false;
  if (keys[0] === '$in' && Array.isArray(wide.$in)) {
    return values.every((value) => (wide.$in as Value[]).some((allowed) => same(allowed, value)));
  }
  if (keys[0] === '$ne') return values.every((value) => !same(value, wide.$ne));
  return false;
}

/**
 * A sound, deliberately narrow check that every row matching `narrow` also matches `wide`: each
 * field `wide` constrains must be constrained at least as tightly by `narrow` (equal values, lists
 * within lists, a value other than the one excluded). Anything else answers false, which only costs
 * a column, never a wrong answer.
 */
export function conditionsImply(narrow: Conditions | undefined, wide: Conditions | undefined): boolean {
  if (!wide) return true;
  if (!narrow) return false;
  const narrowFields = narrow as Record<string, Value>;
  return Object.entries(wide as Record<string, Value>).every(
    ([field, condition]) => field in narrowFields && fieldImplies(narrowFields[field], condition),
  );
}
