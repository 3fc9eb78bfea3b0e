import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { AuditService, SecurityEventKind, SecurityEventRecorder } from '@relais/audit';
import { Clock } from '@relais/config';
import { applyScope, ScopedDatabase } from '@relais/database';
import { IsNull } from 'typeorm';
import { Membership, Session, Territory } from '../entities';
import { IdentityException } from '../identity.exception';
import { RecoveryCode, SecondFactor, SecondFactorEnrolment } from './entities';

/** What a territory administrator decides about second factors: who uses one, and resets. */
@Injectable()
export class SecondFactorAdminService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly events: SecurityEventRecorder,
    private readonly clock: Clock,
  ) {}

  /**
   * Forgets a member's authenticator and recovery codes (a lost phone) and ends their sessions:
   * their next sign-in enrols a new one. Never one's own: a stolen administrator session must not
   * be able to swap the administrator's second factor.
   */
  async resetSecondFactor(actor: Principal, input: { territoryId: string; userId: string }): Promise<void> {
    this.assertCan(actor, input.territoryId);
    if (input.userId === actor.userId) throw new IdentityException('OWN_SECOND_FACTOR_RESET');
    const now = this.clock.now();
    const { membership, hadFactor } = await this.database.run(
      { territoryIds: actor.territoryIds },
      async (manager) => {
        const membership = await manager.findOneBy(Membership, {
          territoryId: input.territoryId,
          userId: input.userId,
        });
        if (!membership) throw new IdentityException('MEMBERSHIP_NOT_FOUND');
        const removed = await manager.delete(SecondFactor, { userId: input.userId });
        await manager.delete(RecoveryCode, { userId: input.userId });
        await manager.delete(SecondFactorEnrolment, { userId: input.userId });
        // Sessions are account rows kept in the account's own territory, which may not be this one:
        // once the membership here is established, the account tables are opened to end them.
        await applyScope(manager, { territoryIds: actor.territoryIds, purpose: 'authentication' });
        await manager.update(
          Session,
          { userId: input.userId, endedAt: IsNull() },
          { endedAt: now, endReason: 'SECOND_FACTOR_RESET' },
        );
        await applyScope(manager, { territoryIds: actor.territoryIds });
        const hadFactor = (removed.affected ?? 0) > 0;
        await this.audit.record(manager, {
          territoryId: input.territoryId,
          actor,
          action: 'SECOND_FACTOR_RESET',
          subject: { type: 'Membership', id: membership.id },
          details: { userId: input.userId, hadFactor },
        });
        return { membership, hadFactor };
      },
    );
    await this.events.record({
      kind: SecurityEventKind.SECOND_FACTOR_RESET,
      territoryId: input.territoryId,
      actorUserId: actor.userId,
      requestId: actor.requestId,
      subject: { type: 'User', id: membership.userId },
      details: { hadFactor },
    });
  }

  /** Extends the second factor to every member of the territory, or back to the roles that need it. */
  async setSecondFactorPolicy(
    actor: Principal,
    input: { territoryId: string; allMembers: boolean },
  ): Promise<{ territoryId: string; allMembers: boolean }> {
    this.assertCan(actor, input.territoryId);
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const territory = await manager.findOneBy(Territory, { id: input.territoryId });
      if (!territory) throw new IdentityException('TERRITORY_NOT_FOUND');
      territory.settings = { ...territory.settings, secondFactorForAllMembers: input.allMembers };
      await manager.save(territory);
      await this.audit.record(manager, {
        territoryId: territory.id,
        actor,
        action: 'SECOND_FACTOR_POLICY_CHANGED',
        subject: { type: 'Territory', id: territory.id },
        details: { allMembers: input.allMembers },
      });
      return { territoryId: territory.id, allMembers: input.allMembers };
    });
  }

  private assertCan(actor: Principal, territoryId: string): void {
    // The caller knows the territory exists (it is one of theirs): a refusal is FORBIDDEN.
    if (!this.access.can(actor, 'update', asSubject('Membership', { territoryId }))) {
      throw new AccessException(actor.hasPendingCharter ? 'CHARTER_NOT_ACCEPTED' : 'FORBIDDEN');
    }
  }
}
