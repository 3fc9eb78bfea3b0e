import { Injectable } from '@nestjs/common';
import {
  AccessException,
  AccessService,
  asSubject,
  DataCategory,
  LegalBasis,
  Principal,
} from '@relais/access';
import { AuditService } from '@relais/audit';
import { addMonths, Clock, parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { Organisation, Territory, withDefaultSettings } from '@relais/identity';
import { writeOutbox } from '@relais/outbox';
import { CircleEntry, IdentityReader, Person, SituationService } from '@relais/situations';
import { EntityManager, In, IsNull } from 'typeorm';
import { ConsentDomainException } from './consent.exception';
import { isInForce, toConsentObject } from './consent.mapper';
import { consentReceipt } from './domain/consent-receipt';
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

const ORGANISATION_KIND_LABELS: Record<string, string> = {
  SOCIAL: 'tout service social partenaire',
  HOUSING: 'tout bailleur partenaire',
  PSYCHIATRY: 'tout service de psychiatrie partenaire (CMP)',
  MEDICO_SOCIAL: 'tout service médico-social partenaire',
  MUNICIPAL: 'la mairie',
  ASSOCIATION: 'toute association partenaire',
  PEER_SUPPORT: "tout groupe d'entraide mutuelle partenaire",
  JUSTICE_POLICE: 'la police ou la justice',
  OTHER: 'tout autre partenaire',
};

@Injectable()
export class ConsentService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly situations: SituationService,
    private readonly identities: IdentityReader,
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
    if (!this.access.can(actor, 'record', asSubject('Consent', { territoryId: collection.territoryId }))) {
      throw new AccessException('FORBIDDEN');
    }
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
        payload: { consentId: consent.id, expiresOn: consent.expiresOn },
        occurredAt: now,
      });
    } else await this.announceEndOfSharing(manager, consent, 'consent.refused');
    return consent;
  }

  /** Takes effect within this request: the next read by a partner already finds no consent. */
  withdrawConsent(actor: Principal, consentId: string): Promise<ConsentObject> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const consent = await manager.findOne(Consent, {
        where: { id: consentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!consent) throw new AccessException('NOT_FOUND');
      this.access.assertCan(actor, 'withdraw', consent);
      const today = parisDate(this.clock.now());
      if (!isInForce(consent, today)) throw new ConsentDomainException('CONSENT_NOT_IN_FORCE');
      const now = this.clock.now();
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
      return toConsentObject(consent, today);
    });
  }

  /** The person's consents the reader may see, newest first. */
  consentsOf(actor: Principal, personId: string): Promise<ConsentObject[]> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Consent)
        .createQueryBuilder('consent')
        .where('consent.personId = :personId', { personId })
        .orderBy('consent.recordedAt', 'DESC');
      this.access.accessibleBy(query, actor, 'read', 'Consent');
      const today = parisDate(this.clock.now());
      return (await query.getMany()).map((consent) => toConsentObject(consent, today));
    });
  }

  /** Where sharing stands for each person, in two queries whatever their number. */
  async consentStates(
    manager: EntityManager,
    personIds: readonly string[],
  ): Promise<Map<string, ConsentState>> {
    const states = new Map<string, ConsentState>();
    if (!personIds.length) return states;
    const today = parisDate(this.clock.now());
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
      const inForce = consent ? isInForce(consent, today) : false;
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

  /** Does the person's sharing allow this purpose: a consent in force for it, or an approved derogation? */
  async allowsPurpose(manager: EntityManager, personId: string, purpose: ConsentPurpose): Promise<boolean> {
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    if (consent && isInForce(consent, parisDate(this.clock.now())) && consent.purposes.includes(purpose))
      return true;
    return manager.existsBy(ConsentException, { personId, status: DerogationStatus.APPROVED });
  }

  /** Does the consent in force name this organisation (by itself or its kind) for this purpose? */
  async namesForPurpose(
    manager: EntityManager,
    personId: string,
    organisation: { id: string; kind: string },
    purpose: ConsentPurpose,
  ): Promise<boolean> {
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    if (!consent || !isInForce(consent, parisDate(this.clock.now())) || !consent.purposes.includes(purpose)) {
      return false;
    }
    return (
      consent.organisationIds.includes(organisation.id) ||
      (consent.organisationKinds as string[]).includes(organisation.kind)
    );
  }

  /** May the cell examine the situation by name? A consent in force for it, or an approved derogation. */
  async mayExamineByName(manager: EntityManager, personId: string): Promise<boolean> {
    const today = parisDate(this.clock.now());
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    if (consent && isInForce(consent, today) && consent.purposes.includes(ConsentPurpose.CELL_EXAMINATION)) {
      return true;
    }
    return manager.existsBy(ConsentException, { personId, status: DerogationStatus.APPROVED });
  }

  /**
   * The partners the person's sharing names: those of the consent in force (kinds resolved to
   * the territory's organisations of that kind today) and of approved derogations.
   */
  async sharingCircle(manager: EntityManager, personId: string): Promise<CircleEntry[]> {
    const today = parisDate(this.clock.now());
    const consent = await manager.findOneBy(Consent, { personId, supersededAt: IsNull() });
    const entries: CircleEntry[] = [];
    if (consent && isInForce(consent, today)) {
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

  /** The French receipt the person can be given. */
  consentReceipt(actor: Principal, consentId: string): Promise<string> {
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const query = manager
        .getRepository(Consent)
        .createQueryBuilder('consent')
        .where('consent.id = :consentId', {
          consentId,
        });
      this.access.accessibleBy(query, actor, 'read', 'Consent');
      const consent = await query.getOne();
      if (!consent) throw new AccessException('NOT_FOUND');
      const [territory, person, organisations, identities] = await Promise.all([
        manager.findOneByOrFail(Territory, { id: consent.territoryId }),
        manager.findOneByOrFail(Person, { id: consent.personId }),
        manager.findBy(Organisation, {
          territoryId: consent.territoryId,
          id: In([consent.collectedByOrganisationId, ...consent.organisationIds]),
        }),
        this.identities.readableIdentities(manager, actor, [consent.personId]),
      ]);
      const nameOf = (id: string) =>
        organisations.find((organisation) => organisation.id === id)?.name ?? '—';
      const identity = identities.get(consent.personId);
      return consentReceipt({
        territoryName: territory.name,
        caseCode: person.caseCode,
        personName: identity ? `${identity.firstName} ${identity.lastName}` : null,
        status: consent.status,
        method: consent.method,
        collectedOn: consent.collectedOn,
        expiresOn: consent.expiresOn,
        collectorOrganisationName: nameOf(consent.collectedByOrganisationId),
        purposes: consent.purposes,
        recipientNames: consent.organisationIds.map(nameOf),
        recipientKindLabels: consent.organisationKinds.map((kind) => ORGANISATION_KIND_LABELS[kind] ?? kind),
        includesCell: consent.includesCell,
        dataCategories: consent.dataCategories,
        informationGiven: consent.informationGiven,
        wishesToAttend: consent.wishesToAttend,
      });
    });
  }

  /** Reminders about this person addressed to partners other than the coordinator and collector stop. */
  private async announceEndOfSharing(manager: EntityManager, consent: Consent, type: string): Promise<void> {
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
