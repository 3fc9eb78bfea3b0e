import { Injectable } from '@nestjs/common';
import {
  AccessService,
  asSubject,
  DataCategory,
  LegalBasis,
  NO_ACCESS,
  Principal,
  RowAccess,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { addDays, Clock, isCalendarDate, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { FieldProblem } from '@relais/graphql';
import { Organisation } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { ActionOrigin, SituationService } from '@relais/situations';
import { EntityManager, In } from 'typeorm';
import { ConsentDomainException } from './consent.exception';
import { auditedRead, gateDerogation } from './consent.mapper';
import { DerogationStatus } from './domain/consent.enums';
import { DerogationInput, DerogationObject } from './dto/consent.dto';
import { ConsentException } from './entities';

/** The person must be told that their situation was shared; by default within 15 days. */
const DAYS_TO_INFORM_THE_PERSON = 15;
export const INFORM_THE_PERSON = 'Informer la personne du partage de sa situation sans son consentement';

export interface DerogationRequest {
  territoryId: string;
  personId: string;
  referralId: string | null;
}

@Injectable()
export class DerogationService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly clock: Clock,
  ) {}

  /** Written PENDING in the caller's transaction: it grants nothing until a second professional approves. */
  async requestDerogation(
    manager: EntityManager,
    actor: Principal,
    request: DerogationRequest,
    input: DerogationInput,
  ): Promise<ConsentException> {
    this.access.assertCan(
      actor,
      'request',
      asSubject('ConsentException', { territoryId: request.territoryId }),
      'FORBIDDEN',
    );
    const today = parisDate(this.clock.now());
    const problems: FieldProblem[] = [];
    const known = input.organisationIds.length
      ? await manager.countBy(Organisation, {
          territoryId: request.territoryId,
          id: In(input.organisationIds),
        })
      : 0;
    if (!input.organisationIds.length) {
      problems.push({
        field: 'organisationIds',
        message: 'Nommez les partenaires qui recevront l’information.',
      });
    } else if (known !== new Set(input.organisationIds).size) {
      problems.push({
        field: 'organisationIds',
        message: 'Un des partenaires nommés est inconnu dans ce territoire.',
      });
    }
    if (!input.dataCategories.length) {
      problems.push({ field: 'dataCategories', message: "Choisissez au moins une catégorie d'information." });
    }
    const informPersonBy = input.informPersonBy ?? addDays(today, DAYS_TO_INFORM_THE_PERSON);
    if (!isCalendarDate(informPersonBy) || informPersonBy < today) {
      problems.push({
        field: 'informPersonBy',
        message: "La date pour informer la personne doit être aujourd'hui ou plus tard.",
      });
    }
    if (problems.length) throw new ConsentDomainException('INVALID_DEROGATION', problems);

    const derogation = await manager.save(
      manager.create(ConsentException, {
        territoryId: request.territoryId,
        personId: request.personId,
        referralId: request.referralId,
        ground: input.ground,
        justification: input.justification,
        organisationIds: [...new Set(input.organisationIds)],
        dataCategories: [...new Set(input.dataCategories)],
        status: DerogationStatus.PENDING,
        requestedByUserId: actor.userId,
        requestedByOrganisationId: actor.organisationId,
        requestedAt: this.clock.now(),
        decidedByUserId: null,
        decidedAt: null,
        decisionNote: null,
        informPersonBy,
      }),
    );
    await this.audit.record(manager, {
      territoryId: derogation.territoryId,
      actor,
      action: 'DEROGATION_REQUESTED',
      subject: { type: 'ConsentException', id: derogation.id },
      personId: derogation.personId,
      details: { ground: derogation.ground, organisationIds: derogation.organisationIds },
    });
    await this.situations.recordEventForPerson(manager, derogation.personId, {
      territoryId: derogation.territoryId,
      kind: 'DEROGATION_REQUESTED',
      category: DataCategory.LOGISTIC,
      actorOrganisationId: actor.organisationId,
    });
    await writeOutbox(manager, {
      territoryId: derogation.territoryId,
      type: 'derogation.pending',
      subject: { type: 'ConsentException', id: derogation.id },
      payload: {
        personId: derogation.personId,
        requestedByUserId: actor.userId,
        ground: derogation.ground,
        situationId: (await this.situations.openSituationOf(manager, derogation.personId))?.id ?? null,
      },
      occurredAt: this.clock.now(),
    });
    return derogation;
  }

  approveDerogation(actor: Principal, derogationId: string): Promise<DerogationObject> {
    return this.decide(actor, derogationId, DerogationStatus.APPROVED, null);
  }

  rejectDerogation(actor: Principal, derogationId: string, note: string): Promise<DerogationObject> {
    return this.decide(actor, derogationId, DerogationStatus.REJECTED, note);
  }

  /** Derogations the reader may see in the territory, newest first, each through the one gate. */
  derogations(
    actor: Principal,
    territoryId: string,
    status?: DerogationStatus,
    /** One person's only (the person's right of access). */
    personId?: string,
  ): Promise<DerogationObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(ConsentException)
        .createQueryBuilder('derogation')
        .where('derogation.territoryId = :territoryId', { territoryId })
        .orderBy('derogation.requestedAt', 'DESC')
        .limit(200);
      if (status) query.andWhere('derogation.status = :status', { status });
      if (personId) query.andWhere('derogation.personId = :personId', { personId });
      const accessOf = this.access.selectRowAccess(query, actor, 'read', 'ConsentException');
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = accessOf(raw);
      const gated = entities.map((derogation) => ({
        derogation,
        ...gateDerogation(actor, derogation, accesses.get(derogation.id) ?? NO_ACCESS),
      }));
      await this.audit.recordReads(
        manager,
        actor,
        gated.map(({ derogation, shown }) => auditedRead('ConsentException', derogation, shown)),
      );
      return gated.map(({ value }) => value);
    });
  }

  /**
   * A derogation this reader has just asked for or decided, through the one gate (the relations
   * held on the loaded row, evaluated in memory); the categories shown are audited.
   */
  async viewOf(
    manager: EntityManager,
    actor: Principal,
    derogation: ConsentException,
    access: RowAccess | null = this.access.rowAccessOn(actor, 'read', derogation),
  ): Promise<DerogationObject> {
    const { value, shown } = gateDerogation(actor, derogation, access ?? NO_ACCESS);
    await this.audit.recordReads(manager, actor, [auditedRead('ConsentException', derogation, shown)]);
    return value;
  }

  /**
   * Only a reader of the derogation learns anything about it (NOT_FOUND otherwise); among them,
   * only a related health or social professional other than its author may decide.
   */
  private decide(
    actor: Principal,
    derogationId: string,
    decision: DerogationStatus.APPROVED | DerogationStatus.REJECTED,
    note: string | null,
  ): Promise<DerogationObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: derogation, access } = await this.access.loadAccessible(
        manager,
        actor,
        'read',
        ConsentException,
        derogationId,
        'pessimistic_write',
      );
      if (derogation.status !== DerogationStatus.PENDING) {
        throw new ConsentDomainException('DEROGATION_ALREADY_DECIDED');
      }
      // The decision's rules follow the person's relations, in SQL as the read's did.
      const decidable = await this.access
        .accessibleBy(
          manager
            .getRepository(ConsentException)
            .createQueryBuilder('derogation')
            .where('derogation.id = :derogationId', { derogationId }),
          actor,
          decision === DerogationStatus.APPROVED ? 'approve' : 'reject',
          'ConsentException',
        )
        .getExists();
      // Said plainly, since the author and the coordinator know it exists.
      if (!decidable) throw new ConsentDomainException('SECOND_APPROVER_REQUIRED');
      const now = this.clock.now();
      Object.assign(derogation, {
        status: decision,
        decidedByUserId: actor.userId,
        decidedAt: now,
        decisionNote: note,
      });
      await manager.update(
        ConsentException,
        { id: derogation.id },
        { status: decision, decidedByUserId: actor.userId, decidedAt: now, decisionNote: note },
      );
      const approved = decision === DerogationStatus.APPROVED;
      if (approved) {
        await this.situations.createAction(manager, {
          territoryId: derogation.territoryId,
          personId: derogation.personId,
          description: INFORM_THE_PERSON,
          ownerOrganisationId: derogation.requestedByOrganisationId,
          ownerUserId: derogation.requestedByUserId,
          dueOn: derogation.informPersonBy,
          origin: ActionOrigin.DEROGATION,
          originId: derogation.id,
        });
        const situation = await this.situations.openSituationOf(manager, derogation.personId);
        if (situation) {
          await this.situations.addToCircle(
            manager,
            situation,
            derogation.organisationIds.map((organisationId) => ({
              organisationId,
              basis: LegalBasis.DEROGATION,
            })),
          );
        }
      }
      await this.audit.record(manager, {
        territoryId: derogation.territoryId,
        actor,
        action: approved ? 'DEROGATION_APPROVED' : 'DEROGATION_REJECTED',
        subject: { type: 'ConsentException', id: derogation.id },
        personId: derogation.personId,
      });
      await this.situations.recordEventForPerson(manager, derogation.personId, {
        territoryId: derogation.territoryId,
        kind: approved ? 'DEROGATION_APPROVED' : 'DEROGATION_REJECTED',
        category: DataCategory.LOGISTIC,
        actorOrganisationId: actor.organisationId,
      });
      await writeOutbox(manager, {
        territoryId: derogation.territoryId,
        type: approved ? 'derogation.approved' : 'derogation.rejected',
        subject: { type: 'ConsentException', id: derogation.id },
        payload: {
          personId: derogation.personId,
          ground: derogation.ground,
          requestedByUserId: derogation.requestedByUserId,
          situationId: (await this.situations.openSituationOf(manager, derogation.personId))?.id ?? null,
        },
        occurredAt: now,
      });
      return this.viewOf(manager, actor, derogation, access);
    });
  }
}
