import { DataCategory } from '../domain/data-category';
import { Relation } from '../domain/relation';
import { Grant } from '../policy/policy';

const EVERY_CATEGORY: readonly DataCategory[] = Object.values(DataCategory);

/**
 * What the granting rules that matched one row say about the reader: the relations held, the
 * categories each opens, and the fields the rules restrict the row to. Produced by the same rules
 * that let the row through, in SQL for lists (`AccessService.selectRowAccess`) or in memory for a
 * loaded row (`AccessService.rowAccessOn`): parity tests keep the two equal.
 */
export interface RowAccess {
  /** Each relation held on the row, with the categories it opens before the sharing matrix. */
  readonly relations: ReadonlyMap<Relation, ReadonlySet<DataCategory>>;
  /** Non-logistic fields the granting rules allow; null when one of them grants the whole row. */
  readonly fields: ReadonlySet<string> | null;
}

/** A rule that granted the row, as far as masking is concerned. */
export interface MatchedGrant {
  readonly grant?: Grant;
  readonly fields?: readonly string[];
}

export const NO_ACCESS: RowAccess = { relations: new Map(), fields: new Set() };

export function rowAccessFrom(matched: readonly MatchedGrant[]): RowAccess {
  const relations = new Map<Relation, Set<DataCategory>>();
  let fields: Set<string> | null = new Set();
  for (const { grant, fields: listed } of matched) {
    const relation = grant?.relation ?? Relation.MEMBERSHIP;
    const opened = relations.get(relation) ?? new Set<DataCategory>();
    for (const category of grant?.opens ?? EVERY_CATEGORY) opened.add(category);
    relations.set(relation, opened);
    if (!listed) fields = null;
    else if (fields) for (const field of listed) fields.add(field);
  }
  return { relations, fields };
}

/** Two accesses held on the same row through different paths (a list and a loader, say). */
export function sameRowAccess(left: RowAccess, right: RowAccess): boolean {
  const describe = (access: RowAccess) =>
    JSON.stringify({
      relations: [...access.relations]
        .map(([relation, categories]) => [relation, [...categories].sort()])
        .sort(),
      fields: access.fields ? [...access.fields].sort() : null,
    });
  return describe(left) === describe(right);
}
