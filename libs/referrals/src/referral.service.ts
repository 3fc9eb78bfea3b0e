import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal, SharingCategory } from '@relais/access';
import { AuditService } from '@relais/audit';
import { Clock, isCalendarDate, parisDate } from '@relais/config';
import {
  ConsentInput,
  ConsentObject,
  ConsentService,
  DerogationInput,
  DerogationObject,
  DerogationService,
} from '@relais/consent';
import { ScopedDatabase } from '@relais/database';
import { FieldProblem } from '@relais/graphql';
import { Organisation } from '@relais/identity';
import { NewPerson, PersonRegistry, SituationService } from '@relais/situations';
import { purposesAllowedFor } from './domain/consent-purposes';
import { canMoveReferral, EDITABLE_STATUSES, ReferralStatus } from './domain/referral-status';
import {
  CreateReferralInput,
  PersonInput,
  ReferralFormInput,
  ReferralReasonInput,
  SubmitReferralInput,
  UpdateReferralInput,
} from './dto/referral.input';
import { ReferralObject } from './dto/referral.objects';
import { Referral } from './entities';
import { ReferralMoves } from './referral-moves';
import { ReferralQueryService } from './referral-query.service';
import { ReferralException } from './referrals.exception';

/**
 * The referrer's side of a referral: the organisation writes the form, submits or withdraws it,
 * records the person's consent or asks for a derogation. A colleague of the author may carry the
 * draft through (it is the organisation's referral); what each reads back passes the field gate.
 * The coordinator's side is `ReferralDecisionService`.
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
    private readonly moves: ReferralMoves,
    private readonly queries: ReferralQueryService,
    private readonly clock: Clock,
  ) {}

  async createReferral(actor: Principal, input: CreateReferralInput): Promise<ReferralObject> {
    this.access.assertCan(
      actor,
      'create',
      asSubject('Referral', { territoryId: input.territoryId }),
      'FORBIDDEN',
    );
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
      await this.moves.recordTransition(manager, actor, referral, null, 'Brouillon créé');
      return referral.id;
    });
    return this.queries.referral(actor, referralId);
  }

  async updateReferral(actor: Principal, input: UpdateReferralInput): Promise<ReferralObject> {
    const today = parisDate(this.clock.now());
    this.assertFormWritableBy(actor, input.form);
    if (input.person) this.assertPersonValid(input.person, today);
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'update', input.referralId);
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
      const referral = await this.moves.load(manager, actor, 'submit', input.referralId);
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
      await this.moves.move(manager, actor, referral, ReferralStatus.SUBMITTED, null, {
        submittedAt: this.clock.now(),
      });
      const referrer = await manager.findOneBy(Organisation, { id: referral.referrerOrganisationId });
      await this.moves.announce(manager, referral, 'referral.submitted', {
        referrerOrganisationId: referral.referrerOrganisationId,
        referrerKind: referrer?.kind ?? null,
        difficultyAreas: referral.difficultyAreas,
        urgency: referral.urgency,
        nothingTried: !referral.actionsTried,
      });
    });
    return this.queries.referral(actor, input.referralId);
  }

  async withdrawReferral(actor: Principal, input: ReferralReasonInput): Promise<ReferralObject> {
    await this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'withdraw', input.referralId);
      await this.moves.move(manager, actor, referral, ReferralStatus.WITHDRAWN, input.reason);
      await this.moves.announce(manager, referral, 'referral.withdrawn');
    });
    return this.queries.referral(actor, input.referralId);
  }

  recordConsent(actor: Principal, referralId: string, input: ConsentInput): Promise<ConsentObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'recordConsent', referralId);
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
      return this.consents.viewOf(manager, actor, consent);
    });
  }

  requestDerogation(actor: Principal, referralId: string, input: DerogationInput): Promise<DerogationObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const referral = await this.moves.load(manager, actor, 'requestDerogation', referralId);
      if ([ReferralStatus.WITHDRAWN, ReferralStatus.REDIRECTED].includes(referral.status)) {
        throw new ReferralException('INVALID_TRANSITION');
      }
      const derogation = await this.derogations.requestDerogation(
        manager,
        actor,
        { territoryId: referral.territoryId, personId: referral.personId, referralId: referral.id },
        input,
      );
      return this.derogations.viewOf(manager, actor, derogation);
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
