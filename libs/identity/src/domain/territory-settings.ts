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
}

export const DEFAULT_TERRITORY_SETTINGS: TerritorySettings = {
  consentValidityMonths: 12,
  followUpLengthMonths: 3,
  followUpRenewals: 1,
  reviewIntervalMonths: 3,
  reminderPolicies: {},
};

export function withDefaultSettings(
  stored: Partial<TerritorySettings> | null | undefined,
): TerritorySettings {
  return { ...DEFAULT_TERRITORY_SETTINGS, ...(stored ?? {}) };
}
