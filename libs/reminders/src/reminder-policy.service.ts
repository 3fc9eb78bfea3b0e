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
    return policiesOf(await manager.findBy(ReminderPolicySetting, { territoryId }));
  }

  /** Several territories' policies in one statement (a batch of reminders firing). */
  async forTerritories(
    manager: EntityManager,
    territoryIds: readonly string[],
  ): Promise<Map<string, TerritoryPolicies>> {
    const settings = await manager
      .createQueryBuilder(ReminderPolicySetting, 's')
      .comment('prepared:reminders-policies')
      .where('s.territory_id = ANY(:territoryIds)', { territoryIds })
      .getMany();
    return new Map(
      territoryIds.map((territoryId) => [
        territoryId,
        policiesOf(settings.filter((setting) => setting.territoryId === territoryId)),
      ]),
    );
  }
}

function policiesOf(settings: readonly ReminderPolicySetting[]): TerritoryPolicies {
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
