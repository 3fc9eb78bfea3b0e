import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { Situation } from '@relais/situations';
import { EntityManager, IsNull } from 'typeorm';
import { DEFAULT_RETENTION, RetentionPeriods, retentionProblems } from './domain/retention-periods';
import { LegalHold, LegalHoldScope, RetentionPolicySetting } from './entities';
import { RetentionException } from './retention.exception';

export interface TerritoryRetention {
  readonly territoryId: string;
  readonly periods: RetentionPeriods;
  /** The territory's reason for departing from the defaults; null while it keeps them. */
  readonly justification: string | null;
  readonly updatedAt: Date | null;
}

export interface RetentionPolicyChange extends RetentionPeriods {
  readonly territoryId: string;
  readonly justification?: string | null;
}

export interface LegalHoldRequest {
  readonly territoryId: string;
  readonly scope: LegalHoldScope;
  readonly situationId?: string | null;
  readonly reason: string;
}

/** Reads the periods in force, with what the territory changed in them. */
export async function retentionOf(manager: EntityManager, territoryId: string): Promise<TerritoryRetention> {
  const setting = await manager.getRepository(RetentionPolicySetting).findOneBy({ territoryId });
  return {
    territoryId,
    periods: {
      activeMonths: setting?.activeMonths ?? DEFAULT_RETENTION.activeMonths,
      archiveMonths: setting?.archiveMonths ?? DEFAULT_RETENTION.archiveMonths,
      auditMonths: setting?.auditMonths ?? DEFAULT_RETENTION.auditMonths,
    },
    justification: setting?.justification ?? null,
    updatedAt: setting?.updatedAt ?? null,
  };
}

/** The legal holds in force in a territory. */
export function holdsInForce(manager: EntityManager, territoryId: string): Promise<LegalHold[]> {
  return manager
    .getRepository(LegalHold)
    .find({ where: { territoryId, liftedAt: IsNull() }, order: { placedAt: 'ASC', id: 'ASC' } });
}

/** The periods of a territory and its legal holds: read by its coordination and administration. */
@Injectable()
export class RetentionSettingsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  readPolicy(
    principal: Principal,
    territoryId: string,
  ): Promise<TerritoryRetention & { holds: LegalHold[] }> {
    this.access.assertCan(principal, 'read', asSubject('RetentionPolicy', { territoryId }));
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => ({
      ...(await retentionOf(manager, territoryId)),
      holds: await holdsInForce(manager, territoryId),
    }));
  }

  /** The administrator changes the periods, within their bounds, saying why; audited. */
  updatePolicy(
    principal: Principal,
    change: RetentionPolicyChange,
  ): Promise<TerritoryRetention & { holds: LegalHold[] }> {
    const { territoryId } = change;
    this.access.assertCan(principal, 'update', asSubject('RetentionPolicy', { territoryId }), 'FORBIDDEN');
    const periods: RetentionPeriods = {
      activeMonths: change.activeMonths,
      archiveMonths: change.archiveMonths,
      auditMonths: change.auditMonths,
    };
    const justification = change.justification?.trim() || null;
    const problems = retentionProblems(periods, justification);
    if (problems.length) throw new RetentionException('INVALID_RETENTION_POLICY', problems);
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const before = await retentionOf(manager, territoryId);
      const departs = (key: keyof RetentionPeriods) =>
        periods[key] === DEFAULT_RETENTION[key] ? null : periods[key];
      await manager.getRepository(RetentionPolicySetting).save({
        territoryId,
        activeMonths: departs('activeMonths'),
        archiveMonths: departs('archiveMonths'),
        auditMonths: departs('auditMonths'),
        justification,
        updatedAt: this.clock.now(),
        updatedByUserId: principal.userId,
      });
      await this.audit.record(manager, {
        territoryId,
        actor: principal,
        action: 'RETENTION_POLICY_UPDATED',
        subject: { type: 'RetentionPolicy', id: territoryId },
        details: { before: before.periods, after: periods },
      });
      return {
        ...(await retentionOf(manager, territoryId)),
        holds: await holdsInForce(manager, territoryId),
      };
    });
  }

  placeHold(principal: Principal, request: LegalHoldRequest): Promise<LegalHold> {
    const { territoryId } = request;
    this.access.assertCan(principal, 'place', asSubject('LegalHold', { territoryId }), 'FORBIDDEN');
    return this.database.run({ territoryIds: [territoryId] }, async (manager) => {
      const situationId = request.scope === LegalHoldScope.SITUATION ? (request.situationId ?? null) : null;
      if (request.scope === LegalHoldScope.SITUATION) {
        const known =
          situationId && (await manager.getRepository(Situation).existsBy({ id: situationId, territoryId }));
        if (!known) throw new RetentionException('SITUATION_NOT_HELD_HERE');
      } else if (request.situationId) {
        throw new RetentionException('SITUATION_NOT_HELD_HERE');
      }
      const hold = await manager.getRepository(LegalHold).save({
        territoryId,
        scope: request.scope,
        situationId,
        reason: request.reason.trim(),
        placedByUserId: principal.userId,
        placedAt: this.clock.now(),
        liftedAt: null,
        liftedByUserId: null,
      });
      await this.audit.record(manager, {
        territoryId,
        actor: principal,
        action: 'LEGAL_HOLD_PLACED',
        subject: { type: 'LegalHold', id: hold.id },
        details: { scope: hold.scope, situationId },
      });
      return hold;
    });
  }

  liftHold(principal: Principal, holdId: string): Promise<LegalHold> {
    return this.database.run({ territoryIds: principal.territoryIds }, async (manager) => {
      const { row: hold } = await this.access.loadAccessible(
        manager,
        principal,
        'lift',
        LegalHold,
        holdId,
        'pessimistic_write',
      );
      if (hold.liftedAt) throw new RetentionException('HOLD_ALREADY_LIFTED');
      hold.liftedAt = this.clock.now();
      hold.liftedByUserId = principal.userId;
      await manager.getRepository(LegalHold).save(hold);
      await this.audit.record(manager, {
        territoryId: hold.territoryId,
        actor: principal,
        action: 'LEGAL_HOLD_LIFTED',
        subject: { type: 'LegalHold', id: hold.id },
        details: { scope: hold.scope, situationId: hold.situationId },
      });
      return hold;
    });
  }
}
