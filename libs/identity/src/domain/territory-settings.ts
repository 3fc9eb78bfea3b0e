import { SharingMatrixNarrowing } from '@relais/access';

/** Per-territory settings; each later context reads its own part. */
export interface TerritorySettings {
  consentValidityMonths: number;
  followUpLengthMonths: number;
  followUpRenewals: number;
  /** A situation examined by the cell is reviewed this many months later, unless the cell says otherwise. */
  reviewIntervalMonths: number;
  /** Reminder policies per kind, filled in by the reminders context; empty means its defaults. */
  reminderPolicies: Record<string, unknown>;
  /** What the territory withholds from the default sharing matrix (never more than it allows). */
  sharingMatrix?: SharingMatrixNarrowing;
  /** Every member signs in with a second factor, not only those whose roles read about people. */
  secondFactorForAllMembers?: boolean;
  /** Activity reports hide counts below it (and what would give them back); never below 3. */
  smallCountThreshold: number;
}

/** Below 3, a hidden count is too easily guessed back: the floor no territory may go under. */
export const MIN_SMALL_COUNT_THRESHOLD = 3;
/** Above this, whole reports of a small CLSM would read empty. */
export const MAX_SMALL_COUNT_THRESHOLD = 20;

export const DEFAULT_TERRITORY_SETTINGS: TerritorySettings = {
  consentValidityMonths: 12,
  followUpLengthMonths: 3,
  followUpRenewals: 1,
  reviewIntervalMonths: 3,
  reminderPolicies: {},
  smallCountThreshold: 5,
};

export function withDefaultSettings(
  stored: Partial<TerritorySettings> | null | undefined,
): TerritorySettings {
  return { ...DEFAULT_TERRITORY_SETTINGS, ...(stored ?? {}) };
}
