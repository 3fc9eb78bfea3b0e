import { MongoQuery } from '@casl/ability';
import { DataCategory } from '../domain/data-category';
import { LegalBasis } from '../domain/legal-basis';
import { Relation } from '../domain/relation';
import { Principal } from '../principal';

/** Things a person does; contexts add their own verbs (`publish`, `suspend`…). */
export type Action = string;

/** Kept SQL-shaped: `$eq $ne $in $nin $lt $lte $gt $gte`, `$elemMatch` and `relation.field` paths. */
export type Conditions = MongoQuery;

/** Why a rule grants access, for the "why can I see this?" answer. */
export interface Grant {
  readonly basis: LegalBasis;
  /** French, shown to the user. */
  readonly explanation: string;
  /** The reader's relation to a row this rule grants; the masking step reads it. */
  readonly relation?: Relation;
  /**
   * Categories of the row this relation opens, before the sharing matrix narrows them (a consent
   * names its categories). Absent: every category. A readable row always shows its logistics.
   */
  readonly opens?: readonly DataCategory[];
}

export interface RuleBuilder {
  allow(action: Action | Action[], subject: string, conditions: Conditions | undefined, grant: Grant): void;
  /** Only the listed fields; the others read as null and are named in `redactedFields`. */
  allowFields(
    action: Action,
    subject: string,
    fields: string[],
    conditions: Conditions | undefined,
    grant: Grant,
  ): void;
  forbid(action: Action | Action[], subject: string, conditions?: Conditions): void;
  /**
   * Opens more categories of rows another rule already grants (a consent naming the reader for a
   * category): evaluated for masking only, it never lets a row through by itself, so list queries
   * filter on the granting rules alone.
   */
  refine(action: Action, subject: string, conditions: Conditions, grant: Grant): void;
}

/** The CASL action under which the refinements of `action` are kept apart from its grants. */
export function refinementOf(action: Action): Action {
  return `${action}#refine`;
}

export interface SubjectDefinition {
  /** The TypeORM entity whose rows are this subject; rules compile against its metadata. Absent
   * for subjects that are not rows (one's own profile): their rules may carry no condition. */
  readonly entity?: new (...args: never[]) => object;
  /** What the subject is, for error messages and the documentation of the matrix. */
  readonly description: string;
}

/**
 * One context's rules. `define` reads only the principal (already loaded): building an ability
 * costs no query. Relations to rows (referrals, invitations…) are conditions, compiled to EXISTS.
 */
export interface Policy {
  readonly name: string;
  readonly subjects: Readonly<Record<string, SubjectDefinition>>;
  define(principal: Principal, rules: RuleBuilder): void;
}

export function definePolicy(policy: Policy): Policy {
  return policy;
}
