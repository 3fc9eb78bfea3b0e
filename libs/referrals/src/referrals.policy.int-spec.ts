import {
  AccessService,
  ActiveMembership,
  DataCategory,
  LegalBasis,
  policyRegistry,
  Principal,
  Role,
  RowAccess,
  rowView,
  SharingCategory,
  territorySharingMatrix,
} from '@relais/access';
import { AUDIT_ENTITIES } from '@relais/audit';
import { parisDate } from '@relais/config';
import {
  Consent,
  CONSENT_ENTITIES,
  ConsentException,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  DerogationGround,
  DerogationStatus,
  InformationItem,
} from '@relais/consent';
import { dataSourceOptions } from '@relais/database';
import {
  IDENTITY_ENTITIES,
  Membership,
  Organisation,
  OrganisationKind,
  Profession,
  Territory,
  User,
} from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import {
  AgeBand,
  newCaseCode,
  Person,
  PersonIdentity,
  ProtectionMeasure,
  Situation,
  SituationCircleMember,
  SITUATION_ENTITIES,
  SituationEvent,
  SituationStatus,
} from '@relais/situations';
import { MEETING_ENTITIES } from '@relais/meetings';
import { OUTBOX_ENTITIES } from '@relais/outbox';
import { ownerDatabase } from '@relais/testing';
import { CompoundCondition, Condition, FieldCondition } from '@ucast/mongo2js';
import { DataSource, FindOptionsRelations, In, ObjectLiteral } from 'typeorm';
import { ReferralStatus } from './domain/referral-status';
import { Referral, REFERRAL_ENTITIES } from './entities';
// Imported for its side effect, as the api does at boot: it registers the referrals policy, and
// through the modules it imports those of situations, consent, meetings, identity and audit.
import './referrals.module';

type Entity = new () => ObjectLiteral;
type Relations = FindOptionsRelations<ObjectLiteral>;

/**
 * Each subject, the actions under test, and the relations its rules walk: the memory side loads
 * them so that `can()` sees what the SQL side reaches through EXISTS. Situation's `invitations`
 * is walked by the meetings policy, registered with the referrals module.
 */
const SUBJECTS: Record<string, { entity: Entity; actions: string[]; relations: Relations }> = {
  PersonIdentity: {
    entity: PersonIdentity,
    actions: ['read'],
    relations: { person: { referrals: true, consents: true, consentExceptions: true } },
  },
  Person: {
    entity: Person,
    actions: ['read'],
    relations: { referrals: true, consents: true, consentExceptions: true },
  },
  Referral: {
    entity: Referral,
    actions: ['read', 'submit', 'accept', 'requestDerogation'],
    relations: { situation: { circle: true }, person: { consents: true } },
  },
  Situation: {
    entity: Situation,
    actions: ['read'],
    relations: {
      circle: true,
      referrals: true,
      invitations: true,
      person: { consents: true, consentExceptions: true },
    },
  },
  SituationEvent: {
    entity: SituationEvent,
    actions: ['read'],
    relations: { situation: { circle: true, person: { consents: true } } },
  },
  Consent: { entity: Consent, actions: ['read', 'withdraw'], relations: {} },
  ConsentException: {
    entity: ConsentException,
    actions: ['read', 'approve'],
    relations: { person: { referrals: true, situations: { circle: true } } },
  },
};
const SUBJECT_ACTIONS = Object.entries(SUBJECTS).flatMap(([subject, { actions }]) =>
  actions.map((action) => ({ subject, action })),
);

/** The principals' moment: expiries are compared with its Paris date. */
const NOW = new Date('2026-11-24T10:00:00Z');
const TODAY = parisDate(NOW);
const YESTERDAY = '2026-11-23';

type OrganisationName = 'bailleur' | 'ccas' | 'cmp' | 'savs' | 'clsm' | 'bailleurB' | 'ccasB' | 'clsmB';
type UserName =
  | 'bailleur'
  | 'ccas'
  | 'nurse'
  | 'psychiatrist'
  | 'savs'
  | 'coordinator'
  | 'admin'
  | 'ccasWithoutRole'
  | 'bailleurB'
  | 'ccasB'
  | 'coordinatorB';
type PersonName =
  'inForce' | 'withdrawn' | 'expired' | 'derogation' | 'pending' | 'dueToday' | 'preReview' | 'ofB';

/**
 * One rule, two evaluations, for the situations, consent and referrals policies: on two seeded
 * territories, for every principal and every subject and action, the rows the compiled SQL
 * returns are exactly those `can()` accepts once loaded with the relations the rules walk.
 * Absolute expectations follow, so that both sides cannot be wrong the same way unnoticed.
 */
describe('referrals, consent and situations policies: SQL and memory agree', () => {
  let dataSource: DataSource;
  let access: AccessService;
  let a: Territory;
  let b: Territory;
  const org = {} as Record<OrganisationName, Organisation>;
  const user = {} as Record<UserName, User>;
  const person = {} as Record<PersonName, Person>;
  const identity = {} as Record<PersonName, string>;
  const referral = {} as Record<PersonName, Referral>;
  const situation = {} as Partial<Record<PersonName, Situation>>;
  let pendingDerogation: string;
  let principals: Record<string, Principal>;

  const seededTerritories = () => [a.id, b.id];

  beforeAll(async () => {
    dataSource = await new DataSource(
      // RELAIS_ENTITIES lives in persistence, which depends on referrals (a cycle the boundary
      // lint refuses): the same lists, but follow-ups', which no rule under test reaches. Meetings'
      // are needed: a situation's `invitations` are item invitations.
      dataSourceOptions(
        ownerDatabase(),
        [
          ...IDENTITY_ENTITIES,
          ...AUDIT_ENTITIES,
          ...OUTBOX_ENTITIES,
          ...SITUATION_ENTITIES,
          ...CONSENT_ENTITIES,
          ...REFERRAL_ENTITIES,
          ...MEETING_ENTITIES,
        ],
        'relais-test-parity-referrals',
      ),
    ).initialize();
    access = new AccessService(dataSource);
    const factory = new IdentityFactory(dataSource);
    [a, b] = await Promise.all([factory.territory(), factory.territory()]);
    org.bailleur = await factory.organisation(a, OrganisationKind.HOUSING);
    org.ccas = await factory.organisation(a, OrganisationKind.SOCIAL);
    org.cmp = await factory.organisation(a, OrganisationKind.PSYCHIATRY);
    org.savs = await factory.organisation(a, OrganisationKind.MEDICO_SOCIAL);
    org.clsm = await factory.organisation(a, OrganisationKind.MUNICIPAL);
    org.bailleurB = await factory.organisation(b, OrganisationKind.HOUSING);
    org.ccasB = await factory.organisation(b, OrganisationKind.SOCIAL);
    org.clsmB = await factory.organisation(b, OrganisationKind.MUNICIPAL);

    const member = (
      territory: Territory,
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
    ) => factory.user({ territory, organisation, profession, roles });
    user.bailleur = await member(a, org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    user.ccas = await member(a, org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER]);
    user.nurse = await member(a, org.cmp, Profession.PSYCHIATRIC_NURSE, [
      Role.CELL_MEMBER,
      Role.FOLLOWUP_PRACTITIONER,
    ]);
    // Outside the cell: reads referrals only as a partner of the circle the consent names.
    user.psychiatrist = await member(a, org.cmp, Profession.PSYCHIATRIST, [Role.FOLLOWUP_PRACTITIONER]);
    user.savs = await member(a, org.savs, Profession.SPECIALISED_EDUCATOR, [Role.CELL_MEMBER]);
    user.coordinator = await member(a, org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    user.admin = await member(a, org.clsm, Profession.ADMINISTRATIVE_STAFF, [Role.TERRITORY_ADMIN]);
    user.ccasWithoutRole = await factory.user({
      territory: a,
      organisation: org.ccas,
      profession: Profession.SOCIAL_WORKER,
    });
    await dataSource
      .getRepository(Membership)
      .insert({ territoryId: a.id, userId: user.ccasWithoutRole.id, roles: [] });
    user.bailleurB = await member(b, org.bailleurB, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    user.ccasB = await member(b, org.ccasB, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER]);
    user.coordinatorB = await member(b, org.clsmB, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);

    // The CCAS worker is also a member of B's cell, where B narrowed the matrix: no identity for
    // social workers. Only one principal below carries that membership.
    await dataSource
      .getRepository(Membership)
      .insert({ territoryId: b.id, userId: user.ccas.id, roles: [Role.CELL_MEMBER] });
    const withoutIdentity = territorySharingMatrix({
      [SharingCategory.SOCIAL_MEDICOSOCIAL]: [DataCategory.LOGISTIC, DataCategory.HOUSING],
    });

    const memberships = await dataSource
      .getRepository(Membership)
      .findBy({ territoryId: In(seededTerritories()) });
    const principal = (
      name: UserName,
      options: { charterAccepted?: boolean; in?: Territory[]; narrowedIn?: Territory } = {},
    ) => {
      const account = user[name];
      const organisation = Object.values(org).find((candidate) => candidate.id === account.organisationId)!;
      const territories = (options.in ?? [a, b]).map((territory) => territory.id);
      const active: ActiveMembership[] = memberships
        .filter((membership) => membership.userId === account.id)
        .filter((membership) => territories.includes(membership.territoryId))
        .map((membership) => ({
          id: membership.id,
          territoryId: membership.territoryId,
          roles: membership.roles,
          cellId: membership.cellId,
          charterAccepted: options.charterAccepted ?? true,
          ...(membership.territoryId === options.narrowedIn?.id ? { sharingMatrix: withoutIdentity } : {}),
        }));
      return new Principal(
        account.id,
        account.id,
        account.organisationId,
        account.sharingCategory,
        active,
        '',
        organisation.kind,
        NOW,
      );
    };
    principals = {
      'bailleur (référent)': principal('bailleur'),
      'CCAS (cellule, référent)': principal('ccas', { in: [a] }),
      'CCAS (cellule, référent), et cellule de B à matrice restreinte': principal('ccas', { narrowedIn: b }),
      'infirmière CMP (cellule, accompagnement)': principal('nurse'),
      'infirmière CMP, charte non acceptée': principal('nurse', { charterAccepted: false }),
      'psychiatre CMP (accompagnement seul)': principal('psychiatrist'),
      'SAVS (cellule)': principal('savs'),
      'SAVS, matrice de A restreinte': principal('savs', { narrowedIn: a }),
      coordination: principal('coordinator'),
      'administration de A': principal('admin'),
      'CCAS, membre sans rôle': principal('ccasWithoutRole'),
      'CCAS de B (cellule, référent)': principal('ccasB'),
      'coordination de B': principal('coordinatorB'),
    };

    // People of A, by what opens them: a consent in force (the CMP by id, social services by kind,
    // on top of a superseded one naming the SAVS), a withdrawn one, an expired one, an approved
    // derogation for the SAVS, a pending one asked by the nurse, a consent expiring today (naming
    // the bailleur, which the matrix keeps from identity), a rejected derogation.
    await seedPerson('inForce', a, org.bailleur, user.bailleur, ReferralStatus.ACCEPTED);
    await seedPerson('withdrawn', a, org.ccas, user.ccas, ReferralStatus.ACCEPTED);
    await seedPerson('expired', a, org.bailleur, user.bailleur, ReferralStatus.ACCEPTED);
    await seedPerson('derogation', a, org.ccas, user.ccas, ReferralStatus.ACCEPTED);
    await seedPerson('pending', a, org.bailleur, user.bailleur, ReferralStatus.DRAFT);
    await seedPerson('dueToday', a, org.ccas, user.ccas, ReferralStatus.SUBMITTED);
    await seedPerson('preReview', a, org.bailleur, user.bailleur, ReferralStatus.PRE_REVIEW);
    await seedPerson('ofB', b, org.bailleurB, user.bailleurB, ReferralStatus.ACCEPTED);

    await consent('inForce', user.bailleur, {
      organisationIds: [org.cmp.id],
      organisationKinds: [OrganisationKind.SOCIAL],
      dataCategories: [DataCategory.IDENTITY, DataCategory.SOCIAL_CONFIDENTIAL],
    });
    await consent('inForce', user.ccas, {
      organisationIds: [org.savs.id],
      expiresOn: '2027-03-01',
      supersededAt: new Date('2026-11-01T09:00:00Z'),
    });
    await consent('withdrawn', user.ccas, {
      status: ConsentStatus.WITHDRAWN,
      organisationIds: [org.cmp.id],
      withdrawnAt: new Date('2026-11-20T09:00:00Z'),
      withdrawnByUserId: user.ccas.id,
    });
    await consent('expired', user.bailleur, {
      organisationIds: [org.cmp.id],
      organisationKinds: [OrganisationKind.SOCIAL],
      expiresOn: YESTERDAY,
    });
    await consent('dueToday', user.ccas, {
      organisationIds: [org.bailleur.id],
      organisationKinds: [OrganisationKind.MEDICO_SOCIAL],
      dataCategories: [DataCategory.IDENTITY],
      expiresOn: TODAY,
    });
    await consent('ofB', user.bailleurB, {
      organisationIds: [org.ccasB.id],
      // Kinds that exist in A too: only the territory keeps A's partners out.
      organisationKinds: [OrganisationKind.SOCIAL, OrganisationKind.PSYCHIATRY],
    });

    await derogationOf('derogation', DerogationStatus.APPROVED, user.ccas, [org.savs.id]);
    pendingDerogation = await derogationOf('pending', DerogationStatus.PENDING, user.nurse, [org.cmp.id]);
    await derogationOf('preReview', DerogationStatus.REJECTED, user.ccas, [org.savs.id]);
    await derogationOf('ofB', DerogationStatus.PENDING, user.ccasB, [org.ccasB.id]);

    await openSituation('inForce', [org.bailleur, org.ccas, org.cmp], [org.bailleur, org.cmp]);
    await openSituation('withdrawn', [org.ccas, org.cmp], [org.bailleur, org.cmp]);
    await openSituation('expired', [org.bailleur, org.cmp, org.ccas], [org.bailleur, org.cmp]);
    await openSituation('derogation', [org.ccas, org.savs], [org.savs]);
    await openSituation('ofB', [org.bailleurB, org.ccasB], [org.bailleurB]);
  });
  afterAll(() => dataSource.destroy());

  async function seedPerson(
    name: PersonName,
    territory: Territory,
    referrer: Organisation,
    referrerUser: User,
    status: ReferralStatus,
  ) {
    person[name] = await dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'E. S.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    const row = await dataSource.getRepository(PersonIdentity).save({
      territoryId: territory.id,
      personId: person[name].id,
      firstName: 'Essai',
      lastName: `Parité ${name}`,
      birthDate: null,
      address: null,
      phone: null,
      protectionMeasure: ProtectionMeasure.NONE,
      representativeName: null,
      representativeContact: null,
      duplicateKey: null,
    });
    identity[name] = row.id;
    referral[name] = await dataSource.getRepository(Referral).save({
      territoryId: territory.id,
      personId: person[name].id,
      referrerUserId: referrerUser.id,
      referrerOrganisationId: referrer.id,
      status,
      difficultyAreas: [],
      servicesInvolved: [],
      requests: [],
    });
  }

  function consent(name: PersonName, collector: User, scope: Partial<Consent>) {
    return dataSource.getRepository(Consent).insert({
      territoryId: person[name].territoryId,
      personId: person[name].id,
      referralId: referral[name].id,
      status: ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: collector.id,
      collectedByOrganisationId: collector.organisationId,
      collectedOn: '2026-10-01',
      recordedAt: new Date('2026-10-01T09:00:00Z'),
      informationGiven: Object.values(InformationItem),
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [],
      organisationKinds: [],
      includesCell: true,
      dataCategories: Object.values(DataCategory),
      expiresOn: '2027-06-01',
      supersededAt: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
      ...scope,
    });
  }

  async function derogationOf(
    name: PersonName,
    status: DerogationStatus,
    requester: User,
    organisationIds: string[],
  ): Promise<string> {
    const row = await dataSource.getRepository(ConsentException).save({
      territoryId: person[name].territoryId,
      personId: person[name].id,
      referralId: referral[name].id,
      ground: DerogationGround.PERIL,
      justification: 'Justification d’essai suffisamment longue pour la règle.',
      organisationIds,
      dataCategories: [DataCategory.IDENTITY],
      status,
      requestedByUserId: requester.id,
      requestedByOrganisationId: requester.organisationId,
      requestedAt: NOW,
      decidedByUserId: status === DerogationStatus.PENDING ? null : user.psychiatrist.id,
      decidedAt: status === DerogationStatus.PENDING ? null : NOW,
      decisionNote: null,
      informPersonBy: '2026-12-01',
    });
    return row.id;
  }

  /** An accepted situation, its circle, and a line of every category for each audience given. */
  async function openSituation(name: PersonName, circle: Organisation[], audiences: Organisation[]) {
    const territoryId = person[name].territoryId;
    const opened = await dataSource.getRepository(Situation).save({
      territoryId,
      personId: person[name].id,
      status: SituationStatus.ACCEPTED,
      openedAt: NOW,
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    situation[name] = opened;
    await dataSource.getRepository(Referral).update({ id: referral[name].id }, { situationId: opened.id });
    await dataSource.getRepository(SituationCircleMember).insert(
      circle.map((organisation, index) => ({
        territoryId,
        situationId: opened.id,
        organisationId: organisation.id,
        basis:
          index === 0
            ? LegalBasis.REFERRAL
            : name === 'derogation'
              ? LegalBasis.DEROGATION
              : LegalBasis.CONSENT,
        addedAt: NOW,
      })),
    );
    await dataSource.getRepository(SituationEvent).insert(
      Object.values(DataCategory).flatMap((category) =>
        [null, ...audiences.map((audience) => audience.id)].map((audienceOrganisationId) => ({
          territoryId,
          situationId: opened.id,
          kind: 'ESSAI',
          category,
          audienceOrganisationId,
          actorOrganisationId: null,
          details: {},
          occurredAt: NOW,
        })),
      ),
    );
  }

  async function inSql(principal: Principal, action: string, subject: string): Promise<string[]> {
    const query = dataSource.getRepository(SUBJECTS[subject].entity).createQueryBuilder('row');
    access
      .accessibleBy(query, principal, action, subject)
      .andWhere('row.territoryId IN (:...seeded)', { seeded: seededTerritories() });
    return (await query.getMany()).map((row) => row.id as string).sort();
  }

  async function loaded(subject: string): Promise<ObjectLiteral[]> {
    return dataSource.getRepository(SUBJECTS[subject].entity).find({
      where: { territoryId: In(seededTerritories()) },
      relations: SUBJECTS[subject].relations,
    });
  }

  async function inMemory(principal: Principal, action: string, subject: string): Promise<string[]> {
    return (await loaded(subject))
      .filter((row) => access.can(principal, action, row))
      .map((row) => row.id as string)
      .sort();
  }

  /** Both evaluations, checked equal: the absolute expectations below hold for either. */
  async function visible(name: string, action: string, subject: string): Promise<string[]> {
    const [sql, memory] = await Promise.all([
      inSql(principals[name], action, subject),
      inMemory(principals[name], action, subject),
    ]);
    expect({ name, action, subject, ids: memory }).toEqual({ name, action, subject, ids: sql });
    return sql;
  }

  const sorted = (ids: string[]) => [...ids].sort();

  describe('the seed', () => {
    it('registers the three policies under test, as the api does', () => {
      const names = policyRegistry.all().map((policy) => policy.name);
      expect(names).toEqual(expect.arrayContaining(['situations', 'consent', 'referrals']));
    });

    it('gives each professional the sharing category of the profession and the organisation', () => {
      expect(principals['bailleur (référent)'].sharingCategory).toBe(SharingCategory.NOT_LISTED);
      expect(principals['CCAS (cellule, référent)'].sharingCategory).toBe(
        SharingCategory.SOCIAL_MEDICOSOCIAL,
      );
      expect(principals['infirmière CMP (cellule, accompagnement)'].sharingCategory).toBe(
        SharingCategory.HEALTH,
      );
      expect(principals['SAVS (cellule)'].sharingCategory).toBe(SharingCategory.SOCIAL_MEDICOSOCIAL);
      expect(principals.coordination.sharingCategory).toBe(SharingCategory.NOT_LISTED);
      expect(principals['CCAS, membre sans rôle'].memberships).toEqual([
        expect.objectContaining({ territoryId: a.id, roles: [] }),
      ]);
    });

    it('loads an expiry as the calendar date string the rules compare with', async () => {
      const consents = await dataSource.getRepository(Consent).findBy({ personId: person.dueToday.id });
      expect(consents.map((row) => row.expiresOn)).toEqual([TODAY]);
      expect(TODAY).toBe('2026-11-24');
    });

    it('loads every relation a rule under test walks, for every principal', () => {
      const missing = new Set<string>();
      for (const [name, principal] of Object.entries(principals)) {
        const ability = access.abilityFor(principal);
        for (const { subject, action } of SUBJECT_ACTIONS) {
          for (const rule of ability.rulesFor(action, subject)) {
            if (!rule.ast) continue;
            for (const path of relationPaths(rule.ast)) {
              if (!covers(SUBJECTS[subject].relations, path))
                missing.add(`${name} ${action} ${subject}: ${path.join('.')}`);
            }
          }
        }
      }
      expect([...missing]).toEqual([]);
    });
  });

  it('returns the same rows in SQL as in memory, for every principal, subject and action', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    let nonEmpty = 0;
    for (const [name, principal] of Object.entries(principals)) {
      for (const { subject, action } of SUBJECT_ACTIONS) {
        const [sql, memory] = await Promise.all([
          inSql(principal, action, subject),
          inMemory(principal, action, subject),
        ]);
        compared += 1;
        if (memory.length) nonEmpty += 1;
        if (JSON.stringify(sql) !== JSON.stringify(memory)) {
          const onlySql = sql.filter((id) => !memory.includes(id));
          const onlyMemory = memory.filter((id) => !sql.includes(id));
          mismatches.push(
            `${name} ${action} ${subject}: SQL seul ${JSON.stringify(onlySql)} / mémoire seule ${JSON.stringify(onlyMemory)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(Object.keys(principals).length * SUBJECT_ACTIONS.length);
    expect(compared).toBe(13 * 12);
    // Guards against agreeing only on empty sets.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  /** Per readable row: the relations held and what the gate would show, from either evaluation. */
  async function maskingOf(
    principal: Principal,
    subject: string,
    inSqlToo: boolean,
  ): Promise<Map<string, string>> {
    const describe = (territoryId: string, rowAccess: RowAccess) => {
      const view = rowView(principal, territoryId, rowAccess);
      return JSON.stringify({
        relations: [...rowAccess.relations.keys()].sort(),
        categories: [...view.categories].sort(),
        restrictedTo: [...(view.restrictedTo ?? new Map<string, Set<string>>())]
          .map(([category, fields]) => [category, [...fields].sort()])
          .sort(),
      });
    };
    if (inSqlToo) {
      const query = dataSource.getRepository(SUBJECTS[subject].entity).createQueryBuilder('row');
      const readAccess = access.selectRowAccess(query, principal, 'read', subject);
      query.andWhere('row.territoryId IN (:...seeded)', { seeded: seededTerritories() });
      const { entities, raw } = await query.getRawAndEntities();
      const accesses = readAccess(raw);
      return new Map(
        entities.map((row) => [
          row.id as string,
          describe(row.territoryId as string, accesses.get(row.id as string)!),
        ]),
      );
    }
    const shown = new Map<string, string>();
    for (const row of await loaded(subject)) {
      const rowAccess = access.rowAccessOn(principal, 'read', row);
      if (rowAccess) shown.set(row.id as string, describe(row.territoryId as string, rowAccess));
    }
    return shown;
  }

  it('masks alike from the SQL relations and from memory: narrowed matrices, kinds, Paris-day expiry, two territories', async () => {
    const mismatches: string[] = [];
    let confidential = 0;
    for (const [name, principal] of Object.entries(principals)) {
      for (const subject of new Set(
        SUBJECT_ACTIONS.filter(({ action }) => action === 'read').map(({ subject }) => subject),
      )) {
        const [sql, memory] = await Promise.all([
          maskingOf(principal, subject, true),
          maskingOf(principal, subject, false),
        ]);
        for (const id of new Set([...sql.keys(), ...memory.keys()])) {
          if (sql.get(id) !== memory.get(id))
            mismatches.push(`${name} ${subject} ${id}: SQL ${sql.get(id)} / mémoire ${memory.get(id)}`);
          if (/SOCIAL_CONFIDENTIAL|HEALTH_SECRET|IDENTITY/.test(sql.get(id) ?? '')) confidential += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Guards against agreeing only on logistics.
    expect(confidential).toBeGreaterThan(10);
  });

  describe('absolute expectations', () => {
    const identities = (...names: PersonName[]) => sorted(names.map((name) => identity[name]));

    it('opens identity to the CMP while the consent is in force, never once withdrawn or expired', async () => {
      for (const name of [
        'infirmière CMP (cellule, accompagnement)',
        'psychiatre CMP (accompagnement seul)',
      ]) {
        expect(await visible(name, 'read', 'PersonIdentity')).toEqual(identities('inForce'));
      }
    });

    it('opens identity to a partner named by kind, within its territory only', async () => {
      // The CCAS: named by kind on the consent in force, and the author of three referrals; the
      // consent of B names social services too.
      expect(await visible('CCAS (cellule, référent)', 'read', 'PersonIdentity')).toEqual(
        identities('inForce', 'withdrawn', 'derogation', 'dueToday'),
      );
    });

    it('opens identity to the SAVS through the approved derogation and a consent due today, not a superseded consent or a rejected derogation', async () => {
      expect(await visible('SAVS (cellule)', 'read', 'PersonIdentity')).toEqual(
        identities('derogation', 'dueToday'),
      );
    });

    it('ends a consent with the Paris day of its expiry, not the UTC one', async () => {
      const savs = principals['SAVS (cellule)'];
      // 00:30 in Paris on the 25th, still the 24th in UTC: the consent due on the 24th has lapsed.
      const afterMidnight = new Principal(
        savs.userId,
        savs.sessionId,
        savs.organisationId,
        savs.sharingCategory,
        savs.memberships,
        '',
        savs.organisationKind,
        new Date('2026-11-24T23:30:00Z'),
      );
      const [sql, memory] = await Promise.all([
        inSql(afterMidnight, 'read', 'PersonIdentity'),
        inMemory(afterMidnight, 'read', 'PersonIdentity'),
      ]);
      expect(memory).toEqual(sql);
      expect(sql).toEqual([identity.derogation]);
    });

    it('gives a bailleur the identities it gave, never one a consent names it for', async () => {
      expect(await visible('bailleur (référent)', 'read', 'PersonIdentity')).toEqual(
        identities('inForce', 'expired', 'pending', 'preReview'),
      );
      // The pseudonym, though, is opened by the consent naming it.
      expect(await visible('bailleur (référent)', 'read', 'Person')).toContain(person.dueToday.id);
    });

    it('keeps confidential and health lines of the timeline from a bailleur', async () => {
      const events = await dataSource
        .getRepository(SituationEvent)
        .findBy({ id: In(await visible('bailleur (référent)', 'read', 'SituationEvent')) });
      expect(new Set(events.map((event) => event.category))).toEqual(
        new Set([DataCategory.LOGISTIC, DataCategory.HOUSING]),
      );
      expect(new Set(events.map((event) => event.situationId))).toEqual(
        new Set([situation.inForce!.id, situation.expired!.id]),
      );
      expect(events.filter((event) => event.audienceOrganisationId === org.cmp.id)).toEqual([]);
      expect(events).toHaveLength(2 * 2 * 2);
    });

    it('gives the nurse the confidential lines the consent in force covers, and no health line it does not', async () => {
      const events = await dataSource.getRepository(SituationEvent).findBy({
        id: In(await visible('infirmière CMP (cellule, accompagnement)', 'read', 'SituationEvent')),
      });
      const confidential = events.filter(
        (event) => event.category !== DataCategory.LOGISTIC && event.category !== DataCategory.HOUSING,
      );
      expect(
        confidential.map((event) => [event.situationId, event.category, event.audienceOrganisationId]),
      ).toEqual(
        expect.arrayContaining([
          [situation.inForce!.id, DataCategory.IDENTITY, null],
          [situation.inForce!.id, DataCategory.SOCIAL_CONFIDENTIAL, null],
          [situation.inForce!.id, DataCategory.IDENTITY, org.cmp.id],
          [situation.inForce!.id, DataCategory.SOCIAL_CONFIDENTIAL, org.cmp.id],
        ]),
      );
      // The two covered categories, general or addressed to the CMP; never a health line.
      expect(confidential).toHaveLength(2 * 2);
      expect(confidential.some((event) => event.category === DataCategory.HEALTH_SECRET)).toBe(false);
      // Logistic and housing lines of the three circles it belongs to, general or addressed to it.
      expect(events).toHaveLength(3 * 2 * 2 + 2 * 2);
    });

    it('lets a CMP professional outside the cell read only the accepted referral the consent in force covers', async () => {
      expect(await visible('psychiatre CMP (accompagnement seul)', 'read', 'Referral')).toEqual([
        referral.inForce.id,
      ]);
    });

    it('keeps drafts from the coordinator and lets the referrer submit only its own', async () => {
      const ofA = (names: PersonName[]) => sorted(names.map((name) => referral[name].id));
      expect(await visible('coordination', 'read', 'Referral')).toEqual(
        ofA(['inForce', 'withdrawn', 'expired', 'derogation', 'dueToday', 'preReview']),
      );
      expect(await visible('bailleur (référent)', 'submit', 'Referral')).toEqual(
        ofA(['inForce', 'expired', 'pending', 'preReview']),
      );
      expect(await visible('SAVS (cellule)', 'submit', 'Referral')).toEqual([]);
      // A cell member outside the listed professions may not ask for a derogation; a nurse may.
      expect(
        await visible('infirmière CMP (cellule, accompagnement)', 'requestDerogation', 'Referral'),
      ).toEqual(ofA(['inForce', 'withdrawn', 'expired', 'derogation', 'preReview']));
    });

    it('lets no one approve a derogation they asked for, nor anyone unrelated to the person or outside the care professions', async () => {
      expect(
        await visible('infirmière CMP (cellule, accompagnement)', 'approve', 'ConsentException'),
      ).toEqual([]);
      // The nurse still reads it, as she asked for it.
      expect(await visible('infirmière CMP (cellule, accompagnement)', 'read', 'ConsentException')).toEqual([
        pendingDerogation,
      ]);
      // The person was referred by the bailleur and has no situation yet: no care professional is
      // related to her, so none reads or decides the pending derogation (the coordinator reads it).
      for (const name of [
        'psychiatre CMP (accompagnement seul)',
        'CCAS (cellule, référent)',
        'SAVS (cellule)',
      ]) {
        expect(await visible(name, 'approve', 'ConsentException')).toEqual([]);
        expect(await visible(name, 'read', 'ConsentException')).not.toContain(pendingDerogation);
      }
      for (const name of ['bailleur (référent)', 'coordination']) {
        expect(await visible(name, 'approve', 'ConsentException')).toEqual([]);
      }
      expect(await visible('CCAS de B (cellule, référent)', 'approve', 'ConsentException')).toEqual([]);
    });

    it('lets the collector and the coordinator withdraw a consent, and no one else', async () => {
      const consents = await dataSource.getRepository(Consent).findBy({ territoryId: a.id });
      const collectedBy = (organisation: Organisation) =>
        sorted(
          consents.filter((row) => row.collectedByOrganisationId === organisation.id).map((row) => row.id),
        );
      expect(await visible('bailleur (référent)', 'withdraw', 'Consent')).toEqual(collectedBy(org.bailleur));
      expect(await visible('CCAS (cellule, référent)', 'withdraw', 'Consent')).toEqual(collectedBy(org.ccas));
      expect(await visible('coordination', 'withdraw', 'Consent')).toEqual(
        sorted(consents.map((row) => row.id)),
      );
      expect(await visible('infirmière CMP (cellule, accompagnement)', 'withdraw', 'Consent')).toEqual([]);
    });

    it('shows nothing to a principal without a role, with a pending charter or without a relation', async () => {
      for (const name of [
        'CCAS, membre sans rôle',
        'infirmière CMP, charte non acceptée',
        'administration de A',
      ]) {
        for (const { subject, action } of SUBJECT_ACTIONS) {
          expect({ name, action, subject, ids: await visible(name, action, subject) }).toEqual({
            name,
            action,
            subject,
            ids: [],
          });
        }
      }
    });

    it("applies each territory's own matrix to what a consent or a derogation opens", async () => {
      // Narrowed in A, the SAVS loses the identities the derogation and the consent opened, not
      // the pseudonyms.
      expect(await visible('SAVS, matrice de A restreinte', 'read', 'PersonIdentity')).toEqual([]);
      expect(await visible('SAVS, matrice de A restreinte', 'read', 'Person')).toEqual(
        expect.arrayContaining([person.derogation.id, person.dueToday.id]),
      );
      // Member of B's cell too, where the matrix is narrowed: B's consent names social services,
      // which opens the pseudonym there, not the identity; A's answers are unchanged.
      const both = 'CCAS (cellule, référent), et cellule de B à matrice restreinte';
      expect(await visible(both, 'read', 'PersonIdentity')).toEqual(
        await visible('CCAS (cellule, référent)', 'read', 'PersonIdentity'),
      );
      expect(await visible(both, 'read', 'Person')).toContain(person.ofB.id);
      expect(await visible('CCAS (cellule, référent)', 'read', 'Person')).not.toContain(person.ofB.id);
    });

    it('keeps each territory to itself', async () => {
      const rowsOf = async (subject: string, territory: Territory) =>
        (await loaded(subject))
          .filter((row) => row.territoryId === territory.id)
          .map((row) => row.id as string);
      const crossings: string[] = [];
      for (const [name, principal] of Object.entries(principals)) {
        if (principal.territoryIds.length !== 1) continue;
        const other = principal.territoryIds[0] === a.id ? b : a;
        for (const { subject, action } of SUBJECT_ACTIONS) {
          const foreign = await rowsOf(subject, other);
          const seen = (await inSql(principal, action, subject)).filter((id) => foreign.includes(id));
          if (seen.length) crossings.push(`${name} ${action} ${subject}: ${seen.length}`);
        }
      }
      expect(crossings).toEqual([]);
      // And B's own partners do read there, so the emptiness above is not vacuous.
      expect(await visible('CCAS de B (cellule, référent)', 'read', 'PersonIdentity')).toEqual([
        identity.ofB,
      ]);
      expect(await visible('coordination de B', 'read', 'Referral')).toEqual([referral.ofB.id]);
    });
  });
});

/** The relation paths a rule's condition walks (`a.b.c` walks a, b; `$elemMatch` its own path). */
function relationPaths(node: Condition, prefix: string[] = []): string[][] {
  if (['and', 'or', 'not'].includes(node.operator)) {
    return (node as CompoundCondition).value.flatMap((child) => relationPaths(child, prefix));
  }
  const { field, operator, value } = node as FieldCondition;
  const parts = field.split('.');
  if (operator === 'elemMatch') {
    const path = [...prefix, ...parts];
    return [path, ...relationPaths(value as Condition, path)];
  }
  return parts.length > 1 ? [[...prefix, ...parts.slice(0, -1)]] : [];
}

function covers(relations: Relations, path: string[]): boolean {
  let level: Relations | boolean | undefined = relations;
  for (const step of path) {
    if (typeof level !== 'object') return false;
    level = (level as Record<string, Relations | boolean | undefined>)[step];
    if (!level) return false;
  }
  return true;
}
