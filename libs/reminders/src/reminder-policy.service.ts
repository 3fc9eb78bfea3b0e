import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ALL_REMINDER_KINDS, ReminderKind } from './domain/reminder-kind';
import { defaultPolicy, ReminderPolicy } from './domain/reminder-policy';
import { ReminderPolicySetting } from './entities';

export type TerritoryPolicies = ReadonlyMap<ReminderKind, ReminderPolicy>;

/** Each kind's policy in a territory: its own tuning where it set one, the default otherwise. */
@Injectable()
export class ReminderPolicies {
  async forTerritory(manager: EntityManager, territoryId: string): Promise<TerritoryPolicies> {
    const settings = await manager.findBy(ReminderPolicySetting, { territoryId });
    const byKind = new Map(settings.map((setting) => [setting.kind, setting]));
    return new Map(
      ALL_REMINDER_KINDS.map((kind) => {
        const setting = byKind.get(kind);
        const policy: ReminderPolicy = setting
          ? {
              enabled: setting.enabled,
              offsetsDays: setting.offsetsDays,
              repeatEveryDays: setting.repeatEveryDays,
              maxRepeats: setting.maxRepeats,
            }
          : defaultPolicy(kind);
        return [kind, policy];
      }),
    );
  }
}
