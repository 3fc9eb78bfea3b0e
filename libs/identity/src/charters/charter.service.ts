import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { writeOutbox } from '@relais/outbox';
import { EntityManager } from 'typeorm';
import { CharterObject, PublishCharterInput } from '../dto/charter.dto';
import { Charter, CharterAcceptance, Membership } from '../entities';
import { IdentityException } from '../identity.exception';

/**
 * Versioned charters of a territory. Until a member has accepted every version in force, their
 * ability holds no rule on shared data in that territory (the charter gate, in `access`).
 */
@Injectable()
export class CharterService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Supersedes the version in force; the publisher, who wrote it, has accepted it. */
  async publishCharter(actor: Principal, input: PublishCharterInput): Promise<CharterObject> {
    this.access.assertCan(
      actor,
      'publish',
      asSubject('Charter', { territoryId: input.territoryId }),
      'FORBIDDEN',
    );
    const now = this.clock.now();
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const previous = await manager.findOne(Charter, {
        where: { territoryId: input.territoryId, kind: input.kind, current: true },
        lock: { mode: 'pessimistic_write' },
      });
      if (previous) await manager.update(Charter, { id: previous.id }, { current: false });
      const charter = await manager.save(
        manager.create(Charter, {
          territoryId: input.territoryId,
          kind: input.kind,
          version: (previous?.version ?? 0) + 1,
          title: input.title,
          body: input.body,
          current: true,
          publishedAt: now,
          publishedByUserId: actor.userId,
        }),
      );
      await manager.insert(CharterAcceptance, {
        territoryId: charter.territoryId,
        charterId: charter.id,
        userId: actor.userId,
        acceptedAt: now,
      });
      await this.announceAcceptance(manager, charter, actor.userId);
      await this.audit.record(manager, {
        territoryId: charter.territoryId,
        actor,
        action: 'CHARTER_PUBLISHED',
        subject: { type: 'Charter', id: charter.id },
        details: { kind: charter.kind, version: charter.version },
      });
      return { ...charter, acceptedByMe: true };
    });
  }

  /** The versions in force in the territory, and whether the caller accepted each. */
  currentCharters(actor: Principal, territoryId: string): Promise<CharterObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Charter)
        .createQueryBuilder('charter')
        .leftJoin(
          CharterAcceptance,
          'acceptance',
          'acceptance.charterId = charter.id AND acceptance.userId = :userId',
          { userId: actor.userId },
        )
        .addSelect('acceptance.id IS NOT NULL', 'accepted_by_me')
        .where('charter.territoryId = :territoryId AND charter.current', { territoryId })
        .orderBy('charter.kind', 'ASC');
      this.access.accessibleBy(query, actor, 'read', 'Charter');
      const { entities, raw } = await query.getRawAndEntities<{ accepted_by_me: boolean }>();
      return entities.map((charter, index) => ({ ...charter, acceptedByMe: raw[index].accepted_by_me }));
    });
  }

  async acceptCharter(actor: Principal, charterId: string): Promise<CharterObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: charter } = await this.access.loadAccessible(manager, actor, 'accept', Charter, charterId);
      if (!charter.current) throw new IdentityException('CHARTER_SUPERSEDED');
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(CharterAcceptance)
        .values({
          territoryId: charter.territoryId,
          charterId,
          userId: actor.userId,
          acceptedAt: this.clock.now(),
        })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length > 0) {
        await this.audit.record(manager, {
          territoryId: charter.territoryId,
          actor,
          action: 'CHARTER_ACCEPTED',
          subject: { type: 'Charter', id: charter.id },
          details: { kind: charter.kind, version: charter.version },
        });
        await this.announceAcceptance(manager, charter, actor.userId);
      }
      return { ...charter, acceptedByMe: true };
    });
  }

  /** The activity report tells how many members accepted the charter in force. */
  private async announceAcceptance(manager: EntityManager, charter: Charter, userId: string): Promise<void> {
    const membership = await manager.findOneBy(Membership, { territoryId: charter.territoryId, userId });
    if (!membership) return;
    await writeOutbox(manager, {
      territoryId: charter.territoryId,
      type: 'charter.accepted',
      subject: { type: 'Membership', id: membership.id },
      payload: { userId, charterId: charter.id, charterKind: charter.kind, charterVersion: charter.version },
      occurredAt: this.clock.now(),
    });
  }
}
