import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { EntityManager } from 'typeorm';
import { PersonFileService } from './access-export/person-file.service';
import { erasureRefusals } from './domain/erasure-rule';
import { SubjectRightsException } from './subject-rights.exception';

/**
 * Erasure on the person's request (RGPD article 17), within what the retention rules allow: the
 * facts are read as the coordination reads the person's file, the rule is `erasureRefusals`.
 */
@Injectable()
export class ErasureService {
  constructor(private readonly files: PersonFileService) {}

  /** Refuses, with the French reasons, while retention still requires the data. */
  async assertErasable(actor: Principal, territoryId: string, personId: string): Promise<void> {
    const file = await this.files.gather(actor, territoryId, personId);
    const reasons = erasureRefusals({
      situationStatuses: file.situations.map((situation) => situation.status),
      referralStatuses: file.referrals.map((referral) => referral.status),
      followUpPhases: file.followUps.map((followUp) => followUp.phase),
      handoffStatuses: file.handoffs.map((handoff) => handoff.status),
      underLegalHold: false,
    });
    if (reasons.length) throw new SubjectRightsException('ERASURE_NOT_ALLOWED', reasons);
  }

  /**
   * Anonymises the person in the caller's transaction. The retention lifecycle owns anonymisation;
   * until it exports it, an allowed erasure is answered as not yet possible and nothing is written.
   */
  async erase(
    manager: EntityManager,
    actor: Principal,
    territoryId: string,
    personId: string,
  ): Promise<void> {
    void manager;
    void actor;
    void territoryId;
    void personId;
    throw new SubjectRightsException('ERASURE_UNAVAILABLE');
  }
}
