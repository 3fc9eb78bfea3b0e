import { Injectable } from '@nestjs/common';
import { AccessService, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { OutboxEventType, OutboxMessage, OutboxPayload, writeOutbox } from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { canMoveReferral, ReferralStatus } from './domain/referral-status';
import { Referral, ReferralTransition } from './entities';
import { ReferralException } from './referrals.exception';

type ReferralEventType = Extract<OutboxEventType, `referral.${string}`>;
/** What an event adds to the referral's own facts. */
type ReferralExtra<T extends ReferralEventType> = Omit<OutboxPayload<T>, 'personId' | 'status'>;

/**
 * What every write on a referral shares: loading it under lock as the rules allow, moving it
 * along the lifecycle with its actor and reason, auditing the move and announcing it.
 */
@Injectable()
export class ReferralMoves {
  constructor(
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Loaded under lock; NOT_FOUND when the reader may not see it, FORBIDDEN when only `action` is refused. */
  async load(
    manager: EntityManager,
    actor: Principal,
    action: string,
    referralId: string,
  ): Promise<Referral> {
    const { row } = await this.access.loadAccessible(
      manager,
      actor,
      'read',
      Referral,
      referralId,
      'pessimistic_write',
    );
    this.access.assertCan(actor, action, row, 'FORBIDDEN');
    return row;
  }

  async move(
    manager: EntityManager,
    actor: Principal,
    referral: Referral,
    to: ReferralStatus,
    reason: string | null,
    changes: Partial<Referral> = {},
  ): Promise<void> {
    if (!canMoveReferral(referral.status, to)) throw new ReferralException('INVALID_TRANSITION');
    const from = referral.status;
    await manager.update(Referral, { id: referral.id }, { ...changes, status: to });
    Object.assign(referral, changes, { status: to });
    await this.recordTransition(manager, actor, referral, from, reason);
  }

  async recordTransition(
    manager: EntityManager,
    actor: Principal,
    referral: Referral,
    from: ReferralStatus | null,
    reason: string | null,
  ): Promise<void> {
    await manager.insert(ReferralTransition, {
      territoryId: referral.territoryId,
      referralId: referral.id,
      fromStatus: from,
      toStatus: referral.status,
      actorUserId: actor.userId,
      occurredAt: this.clock.now(),
      reason,
    });
    await this.audit.record(manager, {
      territoryId: referral.territoryId,
      actor,
      action: `REFERRAL_${referral.status}`,
      subject: { type: 'Referral', id: referral.id },
      personId: referral.personId,
      details: { from, to: referral.status },
    });
  }

  /** The referral's own facts (its person record, its status) go with every event about it. */
  async announce<T extends ReferralEventType>(
    manager: EntityManager,
    referral: Referral,
    type: T,
    ...[payload]: ReferralExtra<T> extends Record<string, never> ? [] : [ReferralExtra<T>]
  ): Promise<void> {
    const message = {
      territoryId: referral.territoryId,
      type,
      subject: { type: 'Referral', id: referral.id },
      payload: { personId: referral.personId, status: referral.status, ...payload },
      occurredAt: this.clock.now(),
    } as OutboxMessage<T>;
    await writeOutbox(manager, message);
  }
}
