import { Extensions } from '@nestjs/graphql';
import { DataCategory } from '../domain/data-category';

const FIELD_CATEGORIES = Symbol('relais.fieldCategories');

type Categorised = { [FIELD_CATEGORIES]?: Record<string, DataCategory> };

/** The categories the fields of `type` are declared under: what a reader of it could be shown. */
export function categoriesDeclaredBy(type: abstract new (...args: never[]) => object): Set<DataCategory> {
  return new Set(Object.values((type.prototype as Categorised)[FIELD_CATEGORIES] ?? {}));
}

/** The field every object about a person carries: what was masked for this reader. */
export const REDACTED_FIELDS = 'redactedFields';

/**
 * Declares the data category of a field of an object about a person. Every field of such an
 * object needs one: the gate refuses a field without a category to every reader.
 */
export function Categorized(category: DataCategory): PropertyDecorator {
  // Also carried by the served schema (field extensions), where a test walking it finds every
  // field of an object about a person and its category.
  const inSchema = Extensions({ [DATA_CATEGORY_EXTENSION]: category }) as PropertyDecorator;
  return (target, property) => {
    const holder = target as Categorised;
    holder[FIELD_CATEGORIES] = { ...holder[FIELD_CATEGORIES], [String(property)]: category };
    inSchema(target, property);
  };
}

/** The key of a field's data category in the schema's field extensions. */
export const DATA_CATEGORY_EXTENSION = 'dataCategory';

/** What one reader may see of one row: categories, and the fields some of them are restricted to. */
export interface RowView {
  readonly categories: ReadonlySet<DataCategory>;
  /**
   * Categories opened only by rules with a field list (the anonymous pre-review), with the fields
   * those rules allow; a category absent here is shown whole.
   */
  readonly restrictedTo?: ReadonlyMap<DataCategory, ReadonlySet<string>>;
}

/** The view of a reader who sees a row's logistics only: one object, so its plans are shared. */
export const LOGISTIC_VIEW: RowView = { categories: new Set([DataCategory.LOGISTIC]) };

export interface Gated<T> {
  /** The value with every field the reader may not see set to null and named in `redactedFields`. */
  readonly value: T;
  /** The categories of the fields actually shown with a value: what the audit records. */
  readonly shown: DataCategory[];
}

type WithRedactions = { redactedFields: string[] };

/**
 * What the gate produces is made on a prototype of its own per type (itself on the type's, so
 * `instanceof` holds): the schema lets no other object through as an object about a person. A
 * mark on the prototype costs nothing per row, where a set of every value given out did (a third
 * of the gate's time, and the collector's work on it); a copy made by spreading loses it.
 */
const GATED_PROTOTYPES = new WeakSet<object>();
const gatedPrototypes = new WeakMap<object, object>();

function gatedPrototypeOf(type: abstract new (...args: never[]) => object): object {
  let prototype = gatedPrototypes.get(type);
  if (!prototype) {
    prototype = Object.create(type.prototype as object) as object;
    GATED_PROTOTYPES.add(prototype);
    gatedPrototypes.set(type, prototype);
  }
  return prototype;
}

/** Was this value produced by `gateFields`? */
export function passedTheGate(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    GATED_PROTOTYPES.has(Object.getPrototypeOf(value) as object)
  );
}

const filled = (value: unknown) =>
  value !== null && value !== undefined && !(Array.isArray(value) && !value.length);

/**
 * The one masking step. Fails closed: a field without a declared category reads null for every
 * reader, and so does a field of a category the reader does not see, or that a field rule leaves
 * out. Masked fields are listed
 * even when empty, so that the list never tells whether a value exists.
 */
export function gateFields<T extends WithRedactions>(
  type: abstract new (...args: never[]) => T,
  value: Omit<T, 'redactedFields'> & Partial<WithRedactions>,
  view: RowView,
  /**
   * Fields whose value carries its own category (a note filed as health secret, a summary filed
   * under another category): shown only if the reader sees both the declared category and the
   * row's own, and audited as both.
   */
  ownCategories: { readonly [field in keyof T & string]?: DataCategory } = {},
): Gated<T> {
  // One object, made straight on the gate's prototype for the type: every row of every list passes here.
  const copy = Object.assign(Object.create(gatedPrototypeOf(type)), value) as Record<string, unknown>;
  if (!value.redactedFields?.length && !hasAny(ownCategories)) return gateByPlan(copy, planFor(type, view));
  const categories: Readonly<Record<string, DataCategory>> =
    (type.prototype as Categorised)[FIELD_CATEGORIES] ?? {};
  const own = ownCategories as Readonly<Record<string, DataCategory | undefined>>;
  const redacted = new Set<string>(value.redactedFields ?? []);
  const shown = new Set<DataCategory>();
  const pass = (field: string) => {
    const declared = categories[field];
    const filed = own[field];
    const visible =
      declared !== undefined &&
      !redacted.has(field) &&
      sees(view, declared, field) &&
      (!filed || filed === declared || sees(view, filed, field));
    if (!visible) {
      copy[field] = null;
      redacted.add(field);
    } else if (filled(copy[field])) {
      shown.add(declared);
      if (filed) shown.add(filed);
    }
  };
  for (const field of Object.keys(copy)) if (field !== REDACTED_FIELDS) pass(field);
  for (const field of declaredFieldsOf(type))
    if (!Object.prototype.hasOwnProperty.call(copy, field)) pass(field);
  copy[REDACTED_FIELDS] = [...redacted].sort();
  return { value: copy as T, shown: [...shown].sort() };
}

function hasAny(fields: object): boolean {
  for (const _field in fields) return true;
  return false;
}

/** What one view shows of one type, worked out once: each declared field's category and fate. */
interface GatePlan {
  /** Declared fields the view shows, with their category; any other field is masked. */
  readonly shown: ReadonlyMap<string, DataCategory>;
  /** Declared fields the view masks: masked (and listed) even when the value leaves them out. */
  readonly masked: readonly string[];
}

/** Plans by view, then by type: views are shared by the rows holding the same access. */
const plans = new WeakMap<RowView, WeakMap<object, GatePlan>>();

function planFor(type: abstract new (...args: never[]) => object, view: RowView): GatePlan {
  let byType = plans.get(view);
  if (!byType) plans.set(view, (byType = new WeakMap()));
  let plan = byType.get(type);
  if (!plan) {
    const categories = (type.prototype as Categorised)[FIELD_CATEGORIES] ?? {};
    const shown = new Map<string, DataCategory>();
    const masked: string[] = [];
    for (const field of declaredFieldsOf(type)) {
      if (sees(view, categories[field], field)) shown.set(field, categories[field]);
      else masked.push(field);
    }
    byType.set(type, (plan = { shown, masked }));
  }
  return plan;
}

/**
 * `gateFields` for a value that masks nothing itself and carries no field of its own category (most
 * rows of most lists): the same outcome, read from the view's plan.
 */
function gateByPlan<T>(copy: Record<string, unknown>, plan: GatePlan): Gated<T> {
  const redacted: string[] = [];
  const shown: DataCategory[] = [];
  for (const field of Object.keys(copy)) {
    if (field === REDACTED_FIELDS) continue;
    const category = plan.shown.get(field);
    if (category === undefined) {
      copy[field] = null;
      redacted.push(field);
    } else if (filled(copy[field]) && !shown.includes(category)) shown.push(category);
  }
  for (const field of plan.masked) {
    if (Object.prototype.hasOwnProperty.call(copy, field)) continue;
    copy[field] = null;
    redacted.push(field);
  }
  copy[REDACTED_FIELDS] = redacted.sort();
  return { value: copy as T, shown: shown.sort() };
}

/** Does the view show this field of this category (logistics always whole, others within field lists)? */
function sees(view: RowView, category: DataCategory, field: string): boolean {
  return (
    view.categories.has(category) &&
    (category === DataCategory.LOGISTIC || (view.restrictedTo?.get(category)?.has(field) ?? true))
  );
}

const declaredFields = new WeakMap<object, readonly string[]>();

/** The fields `type` declares a category for, read once per type. */
function declaredFieldsOf(type: abstract new (...args: never[]) => object): readonly string[] {
  let fields = declaredFields.get(type);
  if (!fields) {
    fields = Object.keys((type.prototype as Categorised)[FIELD_CATEGORIES] ?? {}).filter(
      (field) => field !== REDACTED_FIELDS,
    );
    declaredFields.set(type, fields);
  }
  return fields;
}
