/**
 * What a security officer looks for: failed and refused attempts, and changes to how someone
 * signs in. Recorded as audit events whose action is the kind, so they share the chain.
 */
export enum SecurityEventKind {
  LOGIN_FAILED = 'SECURITY_LOGIN_FAILED',
  ACCOUNT_LOCKED = 'SECURITY_ACCOUNT_LOCKED',
  PASSWORD_CHANGED = 'SECURITY_PASSWORD_CHANGED',
  PASSWORD_SET = 'SECURITY_PASSWORD_SET',
  /** An administrator issued a new set-password link: the old password and its sessions ended. */
  PASSWORD_RESET = 'SECURITY_PASSWORD_RESET',
  SECOND_FACTOR_FAILED = 'SECURITY_SECOND_FACTOR_FAILED',
  SECOND_FACTOR_ENROLLED = 'SECURITY_SECOND_FACTOR_ENROLLED',
  SECOND_FACTOR_RESET = 'SECURITY_SECOND_FACTOR_RESET',
  RECOVERY_CODE_USED = 'SECURITY_RECOVERY_CODE_USED',
  RECOVERY_CODES_REGENERATED = 'SECURITY_RECOVERY_CODES_REGENERATED',
  ACCESS_REFUSED = 'SECURITY_ACCESS_REFUSED',
  CHARTER_REFUSED = 'SECURITY_CHARTER_REFUSED',
  MUTATION_REFUSED = 'SECURITY_MUTATION_REFUSED',
}

export const SECURITY_EVENT_KINDS: readonly SecurityEventKind[] = Object.values(SecurityEventKind);

/**
 * Every kind starts with it: the partial index of security events is keyed on this prefix, so a
 * list of them reads only their rows, in chain order.
 */
export const SECURITY_ACTION_PREFIX = 'SECURITY_';

export interface SecurityEvent {
  kind: SecurityEventKind;
  /** The territory whose chain records it; absent (an unknown address) means a log line only. */
  territoryId: string | null;
  /** Who tried or acted, when known; never an address typed by an unknown caller. */
  actorUserId?: string | null;
  requestId?: string | null;
  /** What was aimed at: ids and type names only. */
  subject?: { type: string; id?: string | null };
  /** Ids, counts and names of things — never a value about a person, never a secret. */
  details?: Record<string, string | number | boolean | null>;
}
