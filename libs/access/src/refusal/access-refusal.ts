import { Action } from '../policy/policy';

/**
 * What a refusal aimed at, as far as the code that refused knows it: type names and ids only.
 * A NOT_FOUND carries one only when the row exists in the caller's territories, so that a
 * guessed id and a mistyped one are told apart in the security record, never in the answer.
 */
export interface RefusedTarget {
  readonly subjectType: string;
  readonly subjectId?: string | null;
  /** The row's territory, when a row was concerned. */
  readonly territoryId?: string | null;
  readonly action: Action;
}

/** How a refusal is recorded: a row or a list withheld, the charter not accepted, a change refused. */
export type AccessRefusalKind = 'ACCESS' | 'CHARTER' | 'MUTATION';

/** One refused request, as the access library hands it to whoever records security events. */
export interface AccessRefusal {
  readonly kind: AccessRefusalKind;
  /** The public code the caller was answered (NOT_FOUND, FORBIDDEN, CHARTER_REQUIRED). */
  readonly answer: string;
  /** The chain it belongs to: the row's, else the membership concerned, else the caller's first. */
  readonly territoryId: string | null;
  readonly actorUserId: string;
  readonly requestId: string | null;
  readonly subjectType: string;
  readonly subjectId: string | null;
  readonly action: Action;
  /** The GraphQL field or the HTTP route template asked for (never a value sent by the caller). */
  readonly operation: string | null;
}

/**
 * The port through which refusals leave the access library: the audit library provides it, so
 * that `access` stays below `audit` in the dependency order.
 */
export interface AccessRefusalListener {
  /** Records the refusal; resolves once it is written, and never rejects. */
  refused(refusal: AccessRefusal): Promise<void>;
}

export const ACCESS_REFUSAL_LISTENER = Symbol('AccessRefusalListener');
