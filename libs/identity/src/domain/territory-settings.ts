/** Per-territory settings; each later context reads its own part. */
export interface TerritorySettings {
  consentValidityMonths: number;
  followUpLengthMonths: number;
  followUpRenewals: number;
  /** Reminder policies per kind, filled in by the reminders context; empty means its defaults. */
  reminderPolicies: Record<string, unknown>;
}

export const DEFAULT_TERRITORY_SETTINGS: TerritorySettings = {
  consentValidityMonths: 12,
  followUpLengthMonths: 3,
  followUpRenewals: 1,
  reminderPolicies: {},
};

export function withDefaultSettings(
  stored: Partial<TerritorySettings> | null | undefined,
): TerritorySettings {
  return { ...DEFAULT_TERRITORY_SETTINGS, ...(stored ?? {}) };
}
