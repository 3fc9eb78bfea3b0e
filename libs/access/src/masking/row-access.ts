import { DataCategory } from '../domain/data-category';
import { Relation } from '../domain/relation';
import { Grant } from '../policy/policy';

const EVERY_CATEGORY: readonly DataCategory[] = Object.values(DataCategory);

/** One granting rule that matched the row: the relation it stands for, what it opens, its field list. */
export interface GrantedAccess {
  readonly relation: Relation;
  /** Categories this rule opens before the sharing matrix. */
  readonly opens: ReadonlySet<DataCategory>;
  /** Non-logistic fields this rule restricts its categories to; null: no restriction. */
  readonly fields: ReadonlySet<string> | null;
}

/**
 * What the granting rules that matched one row say about the reader: the relations held, and
 * each rule's categories and field list — kept apart, so that a rule without a field list never
 * lifts another rule's list for categories it does not open itself. Produced by the same rules that
 * let the row through, in SQL for lists (`AccessService.selectRowAccess`) or in memory for a loaded
 * row (`AccessService.rowAccessOn`): parity tests keep the two equal.
 */
export interface RowAccess {
  /** Each relation held on the row, with every category its rules open before the sharing matrix. */
  readonly relations: ReadonlyMap<Relation, ReadonlySet<DataCategory>>;
  readonly grants: readonly GrantedAccess[];
}

/** A rule that granted the row, as far as masking is concerned. */
export interface MatchedGrant {
  readonly grant?: Grant;
  readonly fields?: readonly string[];
}

export const NO_ACCESS: RowAccess = { relations: new Map(), grants: [] };

export function rowAccessFrom(matched: readonly MatchedGrant[]): RowAccess {
  const relations = new Map<Relation, Set<DataCategory>>();
  const grants: GrantedAccess[] = [];
  for (const { grant, fields } of matched) {
    const relation = grant?.relation ?? Relation.MEMBERSHIP;
    const opens = new Set(grant?.opens ?? EVERY_CATEGORY);
    const held = relations.get(relation) ?? new Set<DataCategory>();
    for (const category of opens) held.add(category);
    relations.set(relation, held);
    grants.push({ relation, opens, fields: fields ? new Set(fields) : null });
  }
  return { relations, grants };
}
