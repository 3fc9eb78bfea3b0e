import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  asSubject,
  LegalBasis,
  Principal,
  SharingCategory,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate, parisDate } from '@relais/config';
import {
  ConsentInput,
  ConsentObject,
  ConsentService,
  DerogationInput,
  DerogationObject,
  DerogationService,
  toConsentObject,
  toDerogationObject,
} from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { FieldProblem } from '@relais/graphql';
import { writeOutbox } from '@relais/outbox';
import { NewPerson, PersonRegistry, SituationService } from '@relais/situations';
import { DataCategory } from '@relais/access';
import { EntityManager } from 'typeorm';
import { purposesAllowedFor } from './domain/consent-purposes';
import { canMoveReferral, EDITABLE_STATUSES, ReferralStatus } from './domain/referral-status';
import {
  AcceptReferralInput,
  CreateReferralInput,
  PersonInput,
  RedirectReferralInput,
  ReferralFormInput,
  ReferralReasonInput,
  SubmitReferralInput,
  UpdateReferralInput,
} from './dto/referral.input';
import { ReferralObject } from './dto/referral.objects';
import { Referral, ReferralTransition } from './entities';
import { ReferralQueryService } from './referral-query.service';
import { ReferralException } from './referrals.exception';

/**
 * The referral's life: the referrer writes and submits it, the coordinator pre-reviews it
 * anonymously and accepts, redirects or asks for consent. Every move is checked against the
 * lifecycle, recorded with its actor and reason, audited, and announced to the outbox.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly people: PersonRegistry,
    private readonly situations: SituationService,
    private readonly consents: ConsentService,
    private readonly derogations: DerogationService,
    private readonly queries: ReferralQueryService,
    private readonly clock: Clock,
  ) {}

  async createReferral(actor: Principal, input: CreateReferralInput): Promise<ReferralObject> {
    if (!this.access.can(actor, 'create', asSubject('Referral', { territoryId: input.territoryId }))) {
      throw new AccessException('FORBIDDEN');
    }
    const today = parisDate(this.clock.now());
    this.assertFormWritableBy(actor, input.form);
    this.assertPersonValid(input.person, today);
    const referralId = await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const registered = await this.people.registerPerson(
        manager,
        newPerson(input.territoryId, input.person),
        today,
      );
      const referral = await manager.save(
        manager.create(Referral, {
          territoryId: input.territoryId,
          personId: registered.person.id,
          referrerUserId: actor.userId,
          referrerOrganisationId: actor.organisationId,
          status: ReferralStatus.DRAFT,
          ...formValues(input.form),
          submittedAt: null,
          decidedAt: null,
          redirectTarget: null,
          redirectMessage: null,
          situationId: null,
          possibleDuplicatePersonId: registered.possibleDuplicateOfPersonId,
        }),
      );
      await this.recordTransition(manager, actor, referral, null, 'Brouillon créé');
      return referral.id;
    });
    return this.queries.referral(actor, referralId);
  }

  async updateReferral(actor: Principal, input: UpdateReferralInput): Promise<ReferralObject> {
    const today = parisDate(this.clock.now());
    this.assertFormWritableBy(actor, input.form);
    if (input.person) this.assertPersonValid(input.person, today);
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'update', input.referralId);
      if (!EDITABLE_STATUSES.includes(referral.status)) throw new ReferralException('INVALID_TRANSITION');
      await manager.update(Referral, { id: referral.id }, formValues(input.form));
      if (input.person) {
        const { territoryId: _territoryId, ...identity } = newPerson(referral.territoryId, input.person);
        await this.people.updateIdentity(manager, referral.personId, identity, today);
      }
      await this.audit.record(manager, {
        territoryId: referral.territoryId,
        actor,
        action: 'REFERRAL_UPDATED',
        subject: { type: 'Referral', id: referral.id },
        personId: referral.personId,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  /** Admissibility first: an emergency is refused with whom to call, and nothing is written. */
  async submitReferral(actor: Principal, input: SubmitReferralInput): Promise<ReferralObject> {
    if (input.imminentDanger) throw new ReferralException('IMMINENT_DANGER');
    const admissibility: FieldProblem[] = [];
    if (!input.commonLawRoutesTried) {
      admissibility.push({
        field: 'commonLawRoutesTried',
        message: 'Les voies de droit commun doivent avoir été tentées.',
      });
    }
    if (!input.notAnEmergency) {
      admissibility.push({
        field: 'notAnEmergency',
        message: 'Une urgence relève des services d’urgence, pas de la cellule.',
      });
    }
    if (admissibility.length) throw new ReferralException('NOT_ADMISSIBLE', admissibility);
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'submit', input.referralId);
      const incomplete: FieldProblem[] = [];
      if (!referral.difficultyAreas.length) {
        incomplete.push({
          field: 'form.difficultyAreas',
          message: 'Choisissez au moins un domaine de difficulté.',
        });
      }
      if (!referral.questionToCell) {
        incomplete.push({
          field: 'form.questionToCell',
          message: 'Dites ce que vous attendez de la cellule.',
        });
      }
      if (incomplete.length && canMoveReferral(referral.status, ReferralStatus.SUBMITTED)) {
        throw new ReferralException('INCOMPLETE_FORM', incomplete);
      }
      await this.move(manager, actor, referral, ReferralStatus.SUBMITTED, null, {
        submittedAt: this.clock.now(),
      });
      await this.announce(manager, referral, 'referral.submitted', {
        referrerOrganisationId: referral.referrerOrganisationId,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  async withdrawReferral(actor: Principal, input: ReferralReasonInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'withdraw', input.referralId);
      await this.move(manager, actor, referral, ReferralStatus.WITHDRAWN, input.reason);
      await this.announce(manager, referral, 'referral.withdrawn');
    });
    return this.queries.referral(actor, input.referralId);
  }

  async startPreReview(actor: Principal, referralId: string): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'review', referralId);
      await this.move(manager, actor, referral, ReferralStatus.PRE_REVIEW, null);
    });
    return this.queries.referral(actor, referralId);
  }

  /** Opens the person's situation (or joins the open one) with the circle the consent names. */
  async acceptReferral(actor: Principal, input: AcceptReferralInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'accept', input.referralId);
      if (!canMoveReferral(referral.status, ReferralStatus.ACCEPTED))
        throw new ReferralException('INVALID_TRANSITION');
      if (input.samePersonAsPersonId) {
        await this.joinKnownPerson(manager, actor, referral, input.samePersonAsPersonId);
      }
      if (!(await this.consents.mayExamineByName(manager, referral.personId))) {
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
      await this.move(manager, actor, referral, ReferralStatus.ACCEPTED, input.reason ?? null, {
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
      await this.announce(manager, referral, 'referral.accepted', { situationId: situation.id, opened });
    });
    return this.queries.referral(actor, input.referralId);
  }

  async redirectReferral(actor: Principal, input: RedirectReferralInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'redirect', input.referralId);
      await this.move(manager, actor, referral, ReferralStatus.REDIRECTED, input.message, {
        decidedAt: this.clock.now(),
        redirectTarget: input.target,
        redirectMessage: input.message,
      });
      await this.announce(manager, referral, 'referral.redirected', { target: input.target });
    });
    return this.queries.referral(actor, input.referralId);
  }

  /** The referrer's task: collect the person's consent, then submit again. */
  async requestConsent(actor: Principal, input: ReferralReasonInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'requestConsent', input.referralId);
      await this.move(manager, actor, referral, ReferralStatus.NEEDS_CONSENT, input.reason);
      await this.announce(manager, referral, 'referral.consent_needed', {
        referrerUserId: referral.referrerUserId,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  recordConsent(actor: Principal, referralId: string, input: ConsentInput): Promise<ConsentObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'recordConsent', referralId);
      if ([ReferralStatus.WITHDRAWN, ReferralStatus.REDIRECTED].includes(referral.status)) {
        throw new ReferralException('INVALID_TRANSITION');
      }
      const consent = await this.consents.recordConsent(
        manager,
        actor,
        {
          territoryId: referral.territoryId,
          personId: referral.personId,
          referralId: referral.id,
          purposesAllowed: purposesAllowedFor(referral.requests),
        },
        input,
      );
      const situation = await this.situations.openSituationOf(manager, referral.personId);
      if (situation) {
        await this.situations.addToCircle(
          manager,
          situation,
          await this.consents.sharingCircle(manager, referral.personId),
        );
      }
      return toConsentObject(consent, parisDate(this.clock.now()));
    });
  }

  requestDerogation(actor: Principal, referralId: string, input: DerogationInput): Promise<DerogationObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.loadFor(manager, actor, 'requestDerogation', referralId);
      if ([ReferralStatus.WITHDRAWN, ReferralStatus.REDIRECTED].includes(referral.status)) {
        throw new ReferralException('INVALID_TRANSITION');
      }
      const derogation = await this.derogations.requestDerogation(
        manager,
        actor,
        { territoryId: referral.territoryId, personId: referral.personId, referralId: referral.id },
        input,
      );
      return toDerogationObject(derogation);
    });
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

  /** Loaded under lock, refused as NOT_FOUND when the rules do not grant `action` on it. */
  private async loadFor(
    manager: EntityManager,
    actor: Principal,
    action: string,
    referralId: string,
  ): Promise<Referral> {
    const referral = await manager.findOne(Referral, {
      where: { id: referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral || !this.access.can(actor, 'read', referral)) throw new AccessException('NOT_FOUND');
    // The reader knows it exists; what they may not do is refused as such.
    this.access.assertCan(actor, action, referral, 'FORBIDDEN');
    return referral;
  }

  private async move(
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

  private async recordTransition(
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

  private async announce(
    manager: EntityManager,
    referral: Referral,
    type: string,
    payload: Record<string, string | boolean> = {},
  ): Promise<void> {
    await writeOutbox(manager, {
      territoryId: referral.territoryId,
      type,
      subject: { type: 'Referral', id: referral.id },
      payload: { personId: referral.personId, status: referral.status, ...payload },
      occurredAt: this.clock.now(),
    });
  }

  private assertFormWritableBy(actor: Principal, form: ReferralFormInput): void {
    if (form.healthInformation && actor.sharingCategory !== SharingCategory.HEALTH) {
      throw new ReferralException('HEALTH_INFORMATION_RESERVED');
    }
  }

  private assertPersonValid(person: PersonInput, today: string): void {
    if (person.birthDate && (!isCalendarDate(person.birthDate) || person.birthDate > today)) {
      throw new ReferralException('INCOMPLETE_FORM', [
        { field: 'person.birthDate', message: "La date de naissance n'est pas une date passée valide." },
      ]);
    }
  }
}

function newPerson(territoryId: string, person: PersonInput): NewPerson {
  return {
    territoryId,
    firstName: person.firstName,
    lastName: person.lastName,
    birthDate: person.birthDate ?? null,
    ageBand: person.ageBand ?? null,
    district: person.district ?? null,
    address: person.address ?? null,
    phone: person.phone ?? null,
    protectionMeasure: person.protectionMeasure,
    representativeName: person.representativeName ?? null,
    representativeContact: person.representativeContact ?? null,
  };
}

function formValues(form: ReferralFormInput): Partial<Referral> {
  return {
    difficultyAreas: [...new Set(form.difficultyAreas)],
    servicesInvolved: form.servicesInvolved,
    actionsTried: form.actionsTried || null,
    blockages: form.blockages || null,
    questionToCell: form.questionToCell || null,
    urgency: form.urgency,
    requests: [...new Set(form.requests)],
    description: form.description || null,
    housingContext: form.housingContext || null,
    healthInformation: form.healthInformation || null,
  };
}
