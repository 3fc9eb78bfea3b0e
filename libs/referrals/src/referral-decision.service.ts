import { Injectable } from '@nestjs/common';
import { DataCategory, LegalBasis, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock } from '@relais/config';
import { ConsentPurpose, ConsentService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { PersonRegistry, SituationService } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { canMoveReferral, ReferralStatus } from './domain/referral-status';
import { AcceptReferralInput, RedirectReferralInput, ReferralReasonInput } from './dto/referral.input';
import { ReferralObject } from './dto/referral.objects';
import { Referral } from './entities';
import { ReferralMoves } from './referral-moves';
import { ReferralQueryService } from './referral-query.service';
import { ReferralException } from './referrals.exception';

/**
 * The coordinator's side of a referral: the anonymous pre-review, then acceptance (the situation
 * opens with the circle the consent names), redirection, or a request for consent.
 */
@Injectable()
export class ReferralDecisionService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly people: PersonRegistry,
    private readonly situations: SituationService,
    private readonly consents: ConsentService,
    private readonly moves: ReferralMoves,
    private readonly queries: ReferralQueryService,
    private readonly clock: Clock,
  ) {}

  async startPreReview(actor: Principal, referralId: string): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'review', referralId);
      await this.moves.move(manager, actor, referral, ReferralStatus.PRE_REVIEW, null);
      await this.moves.announce(manager, referral, 'referral.pre_review_started');
    });
    return this.queries.referral(actor, referralId);
  }

  /** Opens the person's situation (or joins the open one) with the circle the consent names. */
  async acceptReferral(actor: Principal, input: AcceptReferralInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'accept', input.referralId);
      if (!canMoveReferral(referral.status, ReferralStatus.ACCEPTED))
        throw new ReferralException('INVALID_TRANSITION');
      if (input.samePersonAsPersonId) {
        await this.joinKnownPerson(manager, actor, referral, input.samePersonAsPersonId);
      }
      const examinable = await this.consents.consentCovers(manager, referral.personId, {
        purpose: ConsentPurpose.CELL_EXAMINATION,
      });
      if (!examinable) {
        throw new ReferralException('CONSENT_REQUIRED');
      }
      const circle = [
        { organisationId: referral.referrerOrganisationId, basis: LegalBasis.REFERRAL },
        ...(await this.consents.sharingCircle(manager, referral.personId)),
      ];
      const { situation, opened } = await this.situations.openOrAttach(
        manager,
        referral.territoryId,
        referral.personId,
        circle,
      );
      await this.moves.move(manager, actor, referral, ReferralStatus.ACCEPTED, input.reason ?? null, {
        decidedAt: this.clock.now(),
        situationId: situation.id,
      });
      for (const kind of opened ? ['SITUATION_OPENED', 'REFERRAL_ACCEPTED'] : ['REFERRAL_ATTACHED']) {
        await this.situations.recordEvent(manager, {
          territoryId: referral.territoryId,
          situationId: situation.id,
          kind,
          category: DataCategory.LOGISTIC,
          actorOrganisationId: actor.organisationId,
          details: { referralId: referral.id },
        });
      }
      await this.moves.announce(manager, referral, 'referral.accepted', {
        situationId: situation.id,
        opened,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  async redirectReferral(actor: Principal, input: RedirectReferralInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'redirect', input.referralId);
      await this.moves.move(manager, actor, referral, ReferralStatus.REDIRECTED, input.message, {
        decidedAt: this.clock.now(),
        redirectTarget: input.target,
        redirectMessage: input.message,
      });
      await this.moves.announce(manager, referral, 'referral.redirected', { target: input.target });
    });
    return this.queries.referral(actor, input.referralId);
  }

  /** The referrer's task: collect the person's consent, then submit again. */
  async requestConsent(actor: Principal, input: ReferralReasonInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'requestConsent', input.referralId);
      await this.moves.move(manager, actor, referral, ReferralStatus.NEEDS_CONSENT, input.reason);
      await this.moves.announce(manager, referral, 'referral.consent_needed', {
        referrerUserId: referral.referrerUserId,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  /**
   * The coordinator confirms the possible duplicate: the referral, and what was recorded with it,
   * move to the person already known, whose open situation it then joins.
   */
  private async joinKnownPerson(
    manager: EntityManager,
    actor: Principal,
    referral: Referral,
    personId: string,
  ): Promise<void> {
    if (personId !== referral.possibleDuplicatePersonId) throw new ReferralException('NOT_THE_DUPLICATE');
    const duplicateId = referral.personId;
    // A record other referrals also point to is not a mere duplicate of this form.
    if ((await manager.countBy(Referral, { personId: duplicateId })) > 1) {
      throw new ReferralException('NOT_THE_DUPLICATE');
    }
    await manager.update(Referral, { id: referral.id }, { personId, possibleDuplicatePersonId: null });
    await this.consents.moveToPerson(manager, duplicateId, personId);
    await this.people.mergeDuplicate(manager, duplicateId, personId);
    Object.assign(referral, { personId, possibleDuplicatePersonId: null });
    await this.audit.record(manager, {
      territoryId: referral.territoryId,
      actor,
      action: 'PERSON_DUPLICATE_MERGED',
      subject: { type: 'Referral', id: referral.id },
      personId,
      details: { mergedPersonId: duplicateId },
    });
  }
}
