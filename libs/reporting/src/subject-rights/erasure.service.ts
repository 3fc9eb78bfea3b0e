import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { AnonymisationService, LegalHold, LegalHoldScope } from '../retention';
import { PersonFileService } from './access-export/person-file.service';
import { erasureRefusals } from './domain/erasure-rule';
import { SubjectRightsException } from './subject-rights.exception';

/**
 * Erasure on the person's request (RGPD article 17), within what the retention rules allow: the
 * facts are read as the coordination reads the person's file, the rule is `erasureRefusals`, and
 * the erasure itself is the retention lifecycle's anonymisation of the person.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly files: PersonFileService,
    private readonly database: ScopedDatabase,
    private readonly anonymisation: AnonymisationService,
    private readonly clock: Clock,
  ) {}

  /** Refuses, with the French reasons, while retention still requires the data. */
  async assertErasable(actor: Principal, territoryId: string, personId: string): Promise<void> {
    const file = await this.files.gather(actor, territoryId, personId);
    const underLegalHold = await this.database.run({ territoryIds: [territoryId] }, (manager) =>
      this.underLegalHold(manager, territoryId, personId),
    );
    const reasons = erasureRefusals({
      situationStatuses: file.situations.map((situation) => situation.status),
      referralStatuses: file.referrals.map((referral) => referral.status),
      followUpPhases: file.followUps.map((followUp) => followUp.phase),
      handoffStatuses: file.handoffs.map((handoff) => handoff.status),
      underLegalHold,
    });
    if (reasons.length) throw new SubjectRightsException('ERASURE_NOT_ALLOWED', reasons);
  }

  /** Anonymises the person, every situation of hers included, in the caller's transaction. */
  async erase(
    manager: EntityManager,
    actor: Principal,
    territoryId: string,
    personId: string,
  ): Promise<void> {
    // Checked again in the writing transaction: a hold placed since the facts were read still counts.
    if (await this.underLegalHold(manager, territoryId, personId)) {
      throw new SubjectRightsException('ERASURE_NOT_ALLOWED', [
        'ses données sont conservées pour un contentieux ou une réquisition (gel juridique)',
      ]);
    }
    await this.anonymisation.anonymisePerson(manager, personId, {
      territoryId,
      now: this.clock.now(),
      ground: 'ERASURE_REQUEST',
      actor,
    });
  }

  /**
   * A hold in force on any situation of hers, archived ones included — those are out of every
   * reader's rules, which is why the situations are joined here rather than read as a reader.
   */
  private async underLegalHold(
    manager: EntityManager,
    territoryId: string,
    personId: string,
  ): Promise<boolean> {
    return manager
      .getRepository(LegalHold)
      .createQueryBuilder('hold')
      .where('hold.territoryId = :territoryId AND hold.scope = :scope AND hold.liftedAt IS NULL', {
        territoryId,
        scope: LegalHoldScope.SITUATION,
      })
      .andWhere(
        'EXISTS (SELECT 1 FROM situations s WHERE s.id = hold.situation_id AND s.person_id = :personId)',
        {
          personId,
        },
      )
      .getExists();
  }
}
