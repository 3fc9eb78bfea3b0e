import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  asSubject,
  DataCategory,
  LegalBasis,
  Principal,
  Role,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate } from '@relais/config';
import { ConsentPurpose, ConsentService } from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { Organisation } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import {
  Handoff,
  HandoffStatus,
  IdentityReader,
  Person,
  Situation,
  SituationService,
  SituationStatus,
} from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { handoffPdf } from './documents/handoff-document';
import { AnswerHandoffInput, HandoffObject, ProposeHandoffInput } from './dto/follow-up.dto';
import { FollowUp } from './entities';
import { FollowUpException } from './followups.exception';

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
    private readonly identities: IdentityReader,
    private readonly clock: Clock,
  ) {}

  proposeHandoff(actor: Principal, input: ProposeHandoffInput): Promise<HandoffObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const situation = await manager.findOneBy(Situation, { id: input.situationId });
      if (!situation || situation.status === SituationStatus.CLOSED) throw new AccessException('NOT_FOUND');
      if (!this.access.can(actor, 'propose', asSubject('Handoff', { territoryId: situation.territoryId }))) {
        throw new AccessException('FORBIDDEN');
      }
      await this.assertProposer(manager, actor, situation, input.followUpId ?? null);
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
        !(await this.consents.namesForPurpose(manager, situation.personId, receiver, ConsentPurpose.HANDOFF))
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
      return toHandoffObject(handoff);
    });
  }

  answerHandoff(actor: Principal, input: AnswerHandoffInput): Promise<HandoffObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const handoff = await manager.findOne(Handoff, {
        where: { id: input.handoffId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!handoff || !this.access.can(actor, 'read', handoff)) throw new AccessException('NOT_FOUND');
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
      return toHandoffObject(handoff);
    });
  }

  handoffs(actor: Principal, situationId: string): Promise<HandoffObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Handoff)
        .createQueryBuilder('handoff')
        .where('handoff.situationId = :situationId', { situationId })
        .orderBy('handoff.proposedAt', 'ASC');
      this.access.accessibleBy(query, actor, 'read', 'Handoff');
      return (await query.getMany()).map(toHandoffObject);
    });
  }

  /** The hand-off as a French PDF, for a reader of the hand-off; the download is audited. */
  handoffDocument(actor: Principal, handoffId: string): Promise<{ pdf: Buffer; filename: string }> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Handoff)
        .createQueryBuilder('handoff')
        .where('handoff.id = :handoffId', { handoffId });
      this.access.accessibleBy(query, actor, 'read', 'Handoff');
      const handoff = await query.getOne();
      if (!handoff) throw new AccessException('NOT_FOUND');
      const situation = await manager.findOneByOrFail(Situation, { id: handoff.situationId });
      const person = await manager.findOneByOrFail(Person, { id: situation.personId });
      const organisations = await manager.findBy(Organisation, {
        id: In([handoff.receivingOrganisationId, handoff.proposedByOrganisationId]),
      });
      const nameOf = (id: string) =>
        organisations.find((organisation) => organisation.id === id)?.name ?? '—';
      const identity = (await this.identities.readableIdentities(manager, actor, [person.id])).get(person.id);
      await this.audit.record(manager, {
        territoryId: handoff.territoryId,
        actor,
        action: 'DOCUMENT_DOWNLOADED',
        subject: { type: 'Handoff', id: handoff.id },
        personId: person.id,
        details: { document: 'HANDOFF' },
      });
      const pdf = await handoffPdf({
        handoff,
        caseCode: person.caseCode,
        personName: identity ? `${identity.firstName} ${identity.lastName}` : null,
        receivingOrganisationName: nameOf(handoff.receivingOrganisationId),
        proposingOrganisationName: nameOf(handoff.proposedByOrganisationId),
      });
      return { pdf, filename: `passage-de-relais-${person.caseCode}.pdf` };
    });
  }

  /** The cell (coordinator) hands off for the situation; a team hands off for its own follow-up. */
  private async assertProposer(
    manager: EntityManager,
    actor: Principal,
    situation: Situation,
    followUpId: string | null,
  ): Promise<void> {
    if (actor.clearedTerritoriesWith(Role.COORDINATOR).includes(situation.territoryId)) return;
    const followUp = followUpId
      ? await manager.findOne(FollowUp, {
          where: { id: followUpId, situationId: situation.id },
          relations: { team: true },
        })
      : null;
    if (!followUp || !followUp.team?.some((member) => member.userId === actor.userId)) {
      throw new AccessException('FORBIDDEN');
    }
  }

  private async record(
    manager: EntityManager,
    actor: Principal,
    handoff: Handoff,
    situation: Situation,
    action: string,
    outbox: string,
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
        status: handoff.status,
        receivingOrganisationId: handoff.receivingOrganisationId,
      },
      occurredAt: this.clock.now(),
    });
  }
}

export function toHandoffObject(handoff: Handoff): HandoffObject {
  return {
    id: handoff.id,
    situationId: handoff.situationId,
    followUpId: handoff.followUpId,
    receivingOrganisationId: handoff.receivingOrganisationId,
    referentName: handoff.referentName,
    cmpFollowUpStatus: handoff.cmpFollowUpStatus,
    firstAppointmentOn: handoff.firstAppointmentOn,
    evictionProcedureState: handoff.evictionProcedureState,
    rightsOpened: handoff.rightsOpened,
    personAgreed: handoff.personAgreed,
    status: handoff.status,
    declineReason: handoff.declineReason,
  };
}
