import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { ALL_REMINDER_KINDS } from './domain/reminder-kind';
import { policyProblems, REMINDER_KINDS } from './domain/reminder-policy';
import { ReminderPolicyObject, TuneReminderPolicyInput } from './dto/notification.dto';
import { ReminderPolicySetting } from './entities';
import { ReminderPolicies } from './reminder-policy.service';
import { RemindersException } from './reminders.exception';

/**
 * A territory tunes when each kind of reminder fires. A new setting applies to what is planned
 * from then on; reminders already scheduled keep their time.
 */
@Injectable()
export class ReminderSettingsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly policies: ReminderPolicies,
    private readonly clock: Clock,
  ) {}

  reminderPolicies(actor: Principal, territoryId: string): Promise<ReminderPolicyObject[]> {
    this.assertMay(actor, 'read', territoryId);
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const effective = await this.policies.forTerritory(manager, territoryId);
      const tuned = new Set(
        (await manager.findBy(ReminderPolicySetting, { territoryId })).map((row) => row.kind),
      );
      return ALL_REMINDER_KINDS.map((kind) => {
        const policy = effective.get(kind)!;
        const definition = REMINDER_KINDS[kind];
        return {
          kind,
          label: definition.label,
          audience: definition.audience,
          enabled: policy.enabled,
          offsetsDays: [...policy.offsetsDays],
          repeatEveryDays: policy.repeatEveryDays,
          maxRepeats: policy.maxRepeats,
          workingDays: Boolean(definition.workingDays),
          isDefault: !tuned.has(kind),
        };
      });
    });
  }

  async tuneReminderPolicy(actor: Principal, input: TuneReminderPolicyInput): Promise<ReminderPolicyObject> {
    this.assertMay(actor, 'tune', input.territoryId);
    const policy = {
      enabled: input.enabled,
      offsetsDays: [...new Set(input.offsetsDays)].sort((a, b) => a - b),
      repeatEveryDays: input.repeatEveryDays ?? null,
      maxRepeats: input.maxRepeats,
    };
    const problems = policyProblems(policy);
    if (problems.length) throw new RemindersException('INVALID_REMINDER_POLICY', problems);
    await this.database.run({ territoryIds: [input.territoryId] }, async (manager) => {
      await manager.upsert(
        ReminderPolicySetting,
        {
          territoryId: input.territoryId,
          kind: input.kind,
          ...policy,
          updatedAt: this.clock.now(),
          updatedByUserId: actor.userId,
        },
        ['territoryId', 'kind'],
      );
      await this.audit.record(manager, {
        territoryId: input.territoryId,
        actor,
        action: 'REMINDER_POLICY_TUNED',
        subject: { type: 'ReminderPolicySetting', id: input.territoryId },
        details: { kind: input.kind, ...policy },
      });
    });
    const all = await this.reminderPolicies(actor, input.territoryId);
    return all.find((line) => line.kind === input.kind)!;
  }

  private assertMay(actor: Principal, action: 'read' | 'tune', territoryId: string): void {
    this.access.assertCan(actor, action, asSubject('ReminderPolicySetting', { territoryId }), 'FORBIDDEN');
  }
}
