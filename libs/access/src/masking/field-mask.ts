import { DataCategory } from '../domain/data-category';

const FIELD_CATEGORIES = Symbol('relais.fieldCategories');

type Categorised = { [FIELD_CATEGORIES]?: Record<string, DataCategory> };

/**
 * Declares the data category of a field carrying personal data (on GraphQL object types).
 * A field without one is not personal data; the masking reads these declarations only.
 */
export function Categorized(category: DataCategory): PropertyDecorator {
  return (target, property) => {
    const holder = target as Categorised;
    holder[FIELD_CATEGORIES] = { ...holder[FIELD_CATEGORIES], [String(property)]: category };
  };
}

export function fieldCategoriesOf(
  type: abstract new (...args: never[]) => object,
): Record<string, DataCategory> {
  return { ...(type.prototype as Categorised)[FIELD_CATEGORIES] };
}

export interface Masked<T> {
  readonly value: T;
  /** Fields set to null because the reader may not see their category. */
  readonly redactedFields: string[];
}

/** Returns a copy where each field whose category is not readable is null, and names them. */
export function maskFields<T extends object>(
  type: abstract new (...args: never[]) => T,
  value: T,
  readable: ReadonlySet<DataCategory>,
): Masked<T> {
  const copy = { ...value } as Record<string, unknown>;
  const redactedFields: string[] = [];
  for (const [field, category] of Object.entries(fieldCategoriesOf(type))) {
    if (readable.has(category)) continue;
    // Listed even when empty: naming only filled fields would tell that a value exists.
    redactedFields.push(field);
    copy[field] = null;
  }
  return {
    value: Object.assign(Object.create(Object.getPrototypeOf(value)), copy) as T,
    redactedFields: redactedFields.sort(),
  };
}
