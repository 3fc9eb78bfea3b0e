import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, DataCategory, LegalBasis, NO_ACCESS, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { addMonths, Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { Organisation, Territory, withDefaultSettings } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { CircleEntry, SituationService } from '@relais/situations';
import { EntityManager, In, IsNull } from 'typeorm';
import { ConsentDomainException } from './consent.exception';
import { auditedRead, gateConsent } from './consent.mapper';
import { CoverageGap, coverageGap, isConsentInForce } from './domain/consent-in-force';
import { ConsentPurpose, ConsentStatus, DerogationStatus } from './domain/consent.enums';
import { consentProblems } from './domain/consent-scope';
import { ConsentInput, ConsentObject } from './dto/consent.dto';
import { Consent, ConsentException } from './entities';

export interface ConsentCollection {
  territoryId: string;
  personId: string;
  referralId: string | null;
  /** What the referral asks of the cell: the consent may not cover more. */
  purposesAllowed: ReadonlySet<ConsentPurpose>;
}

/** Where sharing about a person stands: the answer in force, or an approved derogation. */
export interface ConsentState {
  status: ConsentStatus | null;
  expiresOn: string | null;
  /** The scope of the consent in force (empty when none is). */
  dataCategories: DataCategory[];
  organisationIds: string[];
  organisationKinds: string[];
}

@Injectable()
export class ConsentService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the person's answer inside the caller's transaction (the referral's). A new answer
   * replaces the one in force; a refusal takes effect at once, as a withdrawal does.
   */
  async recordConsent(
    manager: EntityManager,
    actor: Principal,
    collection: ConsentCollection,
    input: ConsentInput,
  ): Promise<Consent> {
    this.access.assertCan(
      actor,
      'record',
      asSubject('Consent', { territoryId: collection.territoryId }),
      'FORBIDDEN',
    );
    const today = parisDate(this.clock.now());
    const territory = await manager.findOneByOrFail(Territory, { id: collection.territoryId });
    const validityMonths = withDefaultSettings(territory.settings).consentValidityMonths;
    const named = input.organisationIds.length
      ? await manager.findBy(Organisation, {
          territoryId: collection.territoryId,
          id: In(input.organisationIds),
        })
      : [];
    const draft = {
      status: input.status,
      method: input.method,
      witnessOrRepresentative: input.witnessOrRepresentative ?? null,
      collectedOn: input.collectedOn,
      expiresOn: input.expiresOn ?? null,
      informationGiven: input.informationGiven,
      purposes: input.purposes,
      organisationIds: input.organisationIds,
      organisationKinds: input.organisationKinds,
      includesCell: input.includesCell,
      dataCategories: input.dataCategories,
    };
    const problems = consentProblems(draft, {
      today,
      validityMonths,
      knownOrganisationIds: new Set(named.map((organisation) => organisation.id)),
      purposesAllowed: collection.purposesAllowed,
    });
    if (problems.length) throw new ConsentDomainException('INVALID_CONSENT', problems);

    const now = this.clock.now();
    await manager.update(
      Consent,
      { personId: collection.personId, supersededAt: IsNull() },
      { supersededAt: now },
    );
    const given = input.status === ConsentStatus.GIVEN;
    const consent = await manager.save(
      manager.create(Consent, {
        territoryId: collection.territoryId,
        personId: collection.personId,
        referralId: collection.referralId,
        ...draft,
        // A refusal shares nothing: its scope is kept empty so no rule can ever read it as a grant.
        purposes: given ? [...new Set(input.purposes)] : [],
        organisationIds: given ? [...new Set(input.organisationIds)] : [],
        organisationKinds: given ? [...new Set(input.organisationKinds)] : [],
        includesCell: given && input.includesCell,
        dataCategories: given ? [...new Set(input.dataCategories)] : [],
        informationGiven: [...new Set(input.informationGiven)],
        wishesToAttend: input.wishesToAttend,
        expiresOn: input.expiresOn ?? addMonths(input.collectedOn, validityMonths),
        collectedByUserId: actor.userId,
        collectedByOrganisationId: actor.organisationId,
        recordedAt: now,
        supersededAt: null,
        withdrawnAt: null,
        withdrawnByUserId: null,
      }),
    );
    await this.audit.record(manager, {
      territoryId: consent.territoryId,
      actor,
      action: given ? 'CONSENT_RECORDED' : 'CONSENT_REFUSED',
      subject: { type: 'Consent', id: consent.id },
      personId: consent.personId,
      details: {
        method: consent.method,
        purposes: consent.purposes,
        organisationIds: consent.organisationIds,
      },
    });
    await this.situations.recordEventForPerson(manager, consent.personId, {
      territoryId: consent.territoryId,
      kind: given ? 'CONSENT_RECORDED' : 'CONSENT_REFUSED',
      category: DataCategory.LOGISTIC,
      actorOrganisationId: actor.organisationId,
    });
    if (given) {
      // Its expiry is watched (reminders before and after); a renewal supersedes that watch.
      await writeOutbox(manager, {
        territoryId: consent.territoryId,
        type: 'consent.given',
        subject: { type: 'Person', id: consent.personId },
        payload: {
          consentId: consent.id,
          givenOn: consent.collectedOn,
          expiresOn: consent.expiresOn,
          collectedByUserId: consent.collectedByUserId,
          situationId: (await this.situations.openSituationOf(manager, consent.personId))?.id ?? null,
        },
        occurredAt: now,
      });
    } else await this.announceEndOfSharing(manager, consent, 'consent.refused');
    return consent;
  }

  /** Takes effect within this request: the next read by a partner already finds no consent. */
  withdrawConsent(actor: Principal, consentId: string): Promise<ConsentObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const { row: consent } = await this.access.loadAccessible(
        manager,
        actor,
        'withdraw',
        Consent,
        consentId,
        'pessimistic_write',
      );
      const now = this.clock.now();
      if (!isConsentInForce(consent, now)) throw new ConsentDomainException('CONSENT_NOT_IN_FORCE');
      await manager.update(
        Consent,
        { id: consent.id },
        { status: ConsentStatus.WITHDRAWN, withdrawnAt: now, withdrawnByUserId: actor.userId },
      );
      Object.assign(consent, {
        status: ConsentStatus.WITHDRAWN,
        withdrawnAt: now,
        withdrawnByUserId: actor.userId,
      });
      await this.audit.record(manager, {
        territoryId: consent.territoryId,
        actor,
        action: 'CONSENT_WITHDRAWN',
        subject: { type: 'Consent', id: consent.id },
        personId: consent.personId,
      });
      await this.situations.recordEventForPerson(manager, consent.personId, {
        territoryId: consent.territoryId,
        kind: 'CONSENT_WITHDRAWN',
        category: DataCategory.LOGISTIC,
        actorOrganisationId: actor.organisationId,
      });
      await this.announceEndOfSharing(manager, consent, 'consent.withdrawn');
      return this.viewOf(manager, actor, consent);
    });
  }

  /**
   * A consent this reader has just written or changed, through the one gate (the relations held
   * on the loaded row, evaluated in memory); the categories shown are audited.
   */
  async viewOf(manager: EntityManager, actor: Principal, consent: Consent): Promise<ConsentObject> {
    const access = this.access.rowAccessOn(actor, 'read', consent) ?? NO_ACCESS;
    const { value, shown } = gateConsent(actor, consent, access, this.clock.now());
    await this.audit.recordReads(manager, actor, [auditedRead('Consent', consent, shown)]);
    return value;
  }

  /** Where sharing stands for each person, in two queries whatever their number. */
  async consentStates(
    manager: EntityManager,
    personIds: readonly string[],
  ): Promise<Map<string, ConsentState>> {
    const states = new Map<string, ConsentState>();
    if (!personIds.length) return states;
    const now = this.clock.now();
    const latest = await manager.find(Consent, {
      where: { personId: In([...new Set(personIds)]), supersededAt: IsNull() },
    });
    const derogations = await manager.find(ConsentException, {
      where: { personId: In([...new Set(personIds)]), status: DerogationStatus.APPROVED },
      select: { id: true, personId: true },
    });
    const withDerogation = new Set(derogations.map((derogation) => derogation.personId));
    for (const personId of personIds) {
      const consent = latest.find((candidate) => candidate.personId === personId);
      const inForce = consent ? isConsentInForce(consent, now) : false;
      const derogation = withDerogation.has(personId);
      states.set(personId, {
        status: inForce || !derogation ? (consent?.status ?? null) : ConsentStatus.DEROGATION,
        expiresOn: consent?.expiresOn ?? null,
        dataCategories: inForce ? consent!.dataCategories : [],
        organisationIds: inForce ? consent!.organisationIds : [],
        organisationKinds: inForce ? consent!.organisationKinds : [],
      });
    }
    return states;
  }

  /**
   * Does the person's consent in force cover this purpose — and, when one is named, this
   * organisation (by itself or its kind)? For the cell's and the teams' own work (no organisation
   * named), an approved derogation stands in for the consent.
   */
  async consentCovers(
    manager: EntityManager,
    personId: string,
    coverage: { purpose: ConsentPurpose; organisation?: { id: string; kind: string } },
  ): Promise<boolean> {
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    if (consent && isConsentInForce(consent, this.clock.now(), coverage)) return true;
    if (coverage.organisation) return false;
    return manager.existsBy(ConsentException, { personId, status: DerogationStatus.APPROVED });
  }

  /**
   * `consentCovers` for each of many organisations, in one statement: null where the consent in
   * force covers the purpose for that organisation, else why not (derogations never stand in for
   * a named organisation, as in `consentCovers`). Also gives the consent's last day, to explain.
   */
  async coverageByOrganisation(
    manager: EntityManager,
    personId: string,
    purpose: ConsentPurpose,
    organisations: readonly { id: string; kind: string }[],
  ): Promise<{ gaps: Map<string, CoverageGap | null>; expiresOn: string | null }> {
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    const now = this.clock.now();
    return {
      gaps: new Map(
        organisations.map((organisation) => [
          organisation.id,
          coverageGap(consent, now, { purpose, organisation }),
        ]),
      ),
      expiresOn: consent?.expiresOn ?? null,
    };
  }

  /**
   * The partners the person's sharing names: those of the consent in force (kinds resolved to
   * the territory's organisations of that kind today) and of approved derogations.
   */
  async sharingCircle(manager: EntityManager, personId: string): Promise<CircleEntry[]> {
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    const entries: CircleEntry[] = [];
    if (consent && isConsentInForce(consent, this.clock.now())) {
      const byKind = consent.organisationKinds.length
        ? await manager.findBy(Organisation, {
            territoryId: consent.territoryId,
            kind: In(consent.organisationKinds),
          })
        : [];
      for (const organisationId of [
        ...consent.organisationIds,
        ...byKind.map((organisation) => organisation.id),
      ]) {
        entries.push({ organisationId, basis: LegalBasis.CONSENT });
      }
    }
    const derogations = await manager.findBy(ConsentException, {
      personId,
      status: DerogationStatus.APPROVED,
    });
    for (const derogation of derogations) {
      for (const organisationId of derogation.organisationIds)
        entries.push({ organisationId, basis: LegalBasis.DEROGATION });
    }
    return entries.filter(
      (entry, index) => entries.findIndex((other) => other.organisationId === entry.organisationId) === index,
    );
  }

  /**
   * A duplicate record turned out to be `personId`: its consents and derogations follow. The
   * most recent answer stays the one in force; the others are superseded.
   */
  async moveToPerson(manager: EntityManager, duplicateId: string, personId: string): Promise<void> {
    await manager.update(Consent, { personId: duplicateId }, { personId });
    await manager.update(ConsentException, { personId: duplicateId }, { personId });
    const current = await manager.find(Consent, {
      where: { personId, supersededAt: IsNull() },
      order: { recordedAt: 'DESC' },
    });
    const [, ...older] = current;
    if (older.length) {
      await manager.update(
        Consent,
        { id: In(older.map((consent) => consent.id)) },
        { supersededAt: this.clock.now() },
      );
    }
  }

  /** Reminders about this person addressed to partners other than the coordinator and collector stop. */
  private async announceEndOfSharing(
    manager: EntityManager,
    consent: Consent,
    type: 'consent.refused' | 'consent.withdrawn',
  ): Promise<void> {
    await writeOutbox(manager, {
      territoryId: consent.territoryId,
      type,
      subject: { type: 'Person', id: consent.personId },
      payload: {
        consentId: consent.id,
        keepOrganisationId: consent.collectedByOrganisationId,
      },
      occurredAt: this.clock.now(),
    });
  }
}
