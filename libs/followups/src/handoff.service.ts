import { Injectable } from '@nestjs/common';
import { AccessService, DataCategory, LegalBasis, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate } from '@relais/config';
import { ConsentPurpose, ConsentService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { Organisation } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { Handoff, HandoffStatus, Situation, SituationService } from '@relais/situations';
import { EntityManager } from 'typeorm';
import { AnswerHandoffInput, ProposeHandoffInput } from './dto/follow-up.inputs';
import { HandoffObject } from './dto/follow-up.objects';
import { FollowUpException } from './followups.exception';
import { situationToHandOff } from './handoff-proposer';
import { HandoffQueryService } from './handoff-query.service';

/**
 * Passage de relais: proposed by the cell or a follow-up team to a common-law service the
 * person's consent names for hand-offs; that service accepts or declines it.
 */
@Injectable()
export class HandoffService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly consents: ConsentService,
    private readonly reads: HandoffQueryService,
    private readonly clock: Clock,
  ) {}

  proposeHandoff(actor: Principal, input: ProposeHandoffInput): Promise<HandoffObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const situation = await situationToHandOff(
        manager,
        this.access,
        actor,
        input.situationId,
        input.followUpId ?? null,
      );
      const receiver = await manager.findOneBy(Organisation, {
        id: input.receivingOrganisationId,
        territoryId: situation.territoryId,
      });
      if (!receiver) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'receivingOrganisationId', message: 'Partenaire inconnu dans ce territoire.' },
        ]);
      }
      if (input.firstAppointmentOn && !isCalendarDate(input.firstAppointmentOn)) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'firstAppointmentOn', message: "La date du premier rendez-vous n'est pas valide." },
        ]);
      }
      if (
        !(await this.consents.consentCovers(manager, situation.personId, {
          purpose: ConsentPurpose.HANDOFF,
          organisation: receiver,
        }))
      ) {
        throw new FollowUpException('HANDOFF_NOT_CONSENTED');
      }
      const handoff = await manager.save(
        manager.create(Handoff, {
          territoryId: situation.territoryId,
          situationId: situation.id,
          followUpId: input.followUpId ?? null,
          receivingOrganisationId: receiver.id,
          referentName: input.referentName ?? null,
          cmpFollowUpStatus: input.cmpFollowUpStatus,
          firstAppointmentOn: input.firstAppointmentOn ?? null,
          socialReferent: input.socialReferent ?? null,
          evictionProcedureState: input.evictionProcedureState,
          rightsOpened: [...new Set(input.rightsOpened)],
          residualRisks: input.residualRisks ?? null,
          contacts: input.contacts ?? null,
          personAgreed: input.personAgreed,
          status: HandoffStatus.PROPOSED,
          declineReason: null,
          proposedByUserId: actor.userId,
          proposedByOrganisationId: actor.organisationId,
          proposedAt: this.clock.now(),
          answeredByUserId: null,
          answeredAt: null,
        }),
      );
      await this.situations.addToCircle(manager, situation, [
        { organisationId: receiver.id, basis: LegalBasis.CONSENT },
      ]);
      await this.record(manager, actor, handoff, situation, 'HANDOFF_PROPOSED', 'handoff.proposed');
      // The row is in hand: the proposer's relations to it are evaluated in memory.
      return this.reads.present(
        manager,
        actor,
        handoff,
        situation.personId,
        this.access.rowAccessOn(actor, 'read', handoff),
      );
    });
  }

  answerHandoff(actor: Principal, input: AnswerHandoffInput): Promise<HandoffObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: handoff, access } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        Handoff,
        input.handoffId,
        'pessimistic_write',
      );
      if (handoff.status !== HandoffStatus.PROPOSED) throw new FollowUpException('INVALID_TRANSITION');
      this.access.assertCan(actor, 'answer', handoff, 'FORBIDDEN');
      if (!input.accept && !input.reason) {
        throw new FollowUpException('INVALID_FOLLOW_UP', [
          { field: 'reason', message: 'Dites pourquoi vous déclinez.' },
        ]);
      }
      const status = input.accept ? HandoffStatus.ACCEPTED : HandoffStatus.DECLINED;
      const changes = {
        status,
        declineReason: input.accept ? null : input.reason!,
        answeredByUserId: actor.userId,
        answeredAt: this.clock.now(),
      };
      await manager.update(Handoff, { id: handoff.id }, changes);
      Object.assign(handoff, changes);
      const situation = await manager.findOneByOrFail(Situation, { id: handoff.situationId });
      await this.record(
        manager,
        actor,
        handoff,
        situation,
        input.accept ? 'HANDOFF_ACCEPTED' : 'HANDOFF_DECLINED',
        'handoff.answered',
      );
      return this.reads.present(manager, actor, handoff, situation.personId, access);
    });
  }

  private async record(
    manager: EntityManager,
    actor: Principal,
    handoff: Handoff,
    situation: Situation,
    action: string,
    outbox: 'handoff.proposed' | 'handoff.answered',
  ): Promise<void> {
    await this.audit.record(manager, {
      territoryId: handoff.territoryId,
      actor,
      action,
      subject: { type: 'Handoff', id: handoff.id },
      personId: situation.personId,
      details: { receivingOrganisationId: handoff.receivingOrganisationId },
    });
    await this.situations.recordEvent(manager, {
      territoryId: handoff.territoryId,
      situationId: situation.id,
      kind: action,
      category: DataCategory.LOGISTIC,
      actorOrganisationId: actor.organisationId,
      details: { handoffId: handoff.id },
    });
    await writeOutbox(manager, {
      territoryId: handoff.territoryId,
      type: outbox,
      subject: { type: 'Handoff', id: handoff.id },
      payload: {
        situationId: situation.id,
        personId: situation.personId,
        followUpId: handoff.followUpId,
        proposedByUserId: handoff.proposedByUserId,
        status: handoff.status,
        receivingOrganisationId: handoff.receivingOrganisationId,
        receiverKind:
          (await manager.findOneBy(Organisation, { id: handoff.receivingOrganisationId }))?.kind ?? null,
        cmpFollowUp: handoff.cmpFollowUpStatus,
        evictionState: handoff.evictionProcedureState,
      },
      occurredAt: this.clock.now(),
    });
  }
}
