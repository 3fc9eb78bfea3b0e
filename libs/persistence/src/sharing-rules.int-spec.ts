import {
  AccessService,
  ActiveMembership,
  DataCategory,
  LegalBasis,
  Principal,
  RelaisRawRule,
  Role,
  RowAccess,
  rowAccessFrom,
  SharingCategory,
  rowView,
} from '@relais/access';
import { AUDIT_ENTITIES } from '@relais/audit';
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
import { IDENTITY_ENTITIES, Organisation, OrganisationKind, Territory } from '@relais/identity';
import { IdentityFactory } from '@relais/identity/testing';
import { OUTBOX_ENTITIES } from '@relais/outbox';
import { Referral, REFERRAL_ENTITIES, ReferralStatus } from '@relais/referrals';
import {
  ActionOrigin,
  AgeBand,
  newCaseCode,
  Person,
  PersonIdentity,
  ProtectionMeasure,
  Situation,
  SituationAction,
  SituationCircleMember,
  SituationEvent,
  SITUATION_ENTITIES,
  SituationStatus,
} from '@relais/situations';
import { ownerDatabase } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, FindOptionsRelations, In, ObjectLiteral } from 'typeorm';
import {
  AgendaItem,
  AgendaItemKind,
  ItemInvitation,
  Meeting,
  MEETING_ENTITIES,
  MeetingStatus,
} from '@relais/meetings';

type Entity = new () => ObjectLiteral;

/** Each subject, its actions, and the relations its rules walk (loaded for the memory side). */
const SUBJECTS: Record<
  string,
  { entity: Entity; actions: string[]; relations: FindOptionsRelations<ObjectLiteral> }
> = {
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
    actions: ['read', 'close'],
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
  SituationAction: { entity: SituationAction, actions: ['read', 'update'], relations: {} },
  Consent: { entity: Consent, actions: ['read', 'withdraw'], relations: {} },
  ConsentException: {
    entity: ConsentException,
    actions: ['read', 'approve'],
    relations: { person: { referrals: true, situations: { circle: true } } },
  },
  Meeting: { entity: Meeting, actions: ['read', 'editAgenda'], relations: { invitations: true } },
};

const TODAY = new Date('2026-11-24T10:00:00Z');

/**
 * One rule, two evaluations, for the people, referral, consent, situation and meeting rules (the
 * contexts' modules, imported above, register them as the api does at boot): on
 * a seeded territory, the rows compiled SQL returns are exactly those `can()` accepts once loaded
 * with the relations the rules walk.
 */
describe('sharing rules: SQL and memory agree', () => {
  let dataSource: DataSource;
  let access: AccessService;
  let a: Territory;
  let b: Territory;
  const org = {} as Record<'bailleur' | 'ccas' | 'cmp' | 'savs' | 'clsm' | 'bailleurB', Organisation>;
  const user = {
    bailleur: randomUUID(),
    ccas: randomUUID(),
    nurse: randomUUID(),
    savs: randomUUID(),
    coordinator: randomUUID(),
    coordinatorB: randomUUID(),
  };
  let principals: Record<string, Principal>;
  const seeded = {} as Record<
    'identityInForce' | 'identityWithdrawn' | 'identityDerogation' | 'eventHealth',
    string
  >;

  beforeAll(async () => {
    dataSource = await new DataSource(
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
        'relais-test-parity-sharing',
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

    const member = (territory: Territory, roles: Role[], charterAccepted = true): ActiveMembership => ({
      id: randomUUID(),
      territoryId: territory.id,
      roles,
      cellId: null,
      charterAccepted,
    });
    const principal = (
      id: string,
      organisation: Organisation,
      category: SharingCategory,
      memberships: ActiveMembership[],
    ) => new Principal(id, id, organisation.id, category, memberships, '', organisation.kind, TODAY);
    principals = {
      'bailleur (référent)': principal(user.bailleur, org.bailleur, SharingCategory.NOT_LISTED, [
        member(a, [Role.REFERRER]),
      ]),
      'CCAS (cellule, référent)': principal(user.ccas, org.ccas, SharingCategory.SOCIAL_MEDICOSOCIAL, [
        member(a, [Role.CELL_MEMBER, Role.REFERRER]),
      ]),
      'CCAS, charte non acceptée': principal(user.ccas, org.ccas, SharingCategory.SOCIAL_MEDICOSOCIAL, [
        member(a, [Role.CELL_MEMBER, Role.REFERRER], false),
      ]),
      'infirmier CMP (cellule, accompagnement)': principal(user.nurse, org.cmp, SharingCategory.HEALTH, [
        member(a, [Role.CELL_MEMBER, Role.FOLLOWUP_PRACTITIONER]),
      ]),
      'SAVS (cellule)': principal(user.savs, org.savs, SharingCategory.SOCIAL_MEDICOSOCIAL, [
        member(a, [Role.CELL_MEMBER]),
      ]),
      coordination: principal(user.coordinator, org.clsm, SharingCategory.NOT_LISTED, [
        member(a, [Role.COORDINATOR]),
      ]),
      'coordination de B': principal(user.coordinatorB, org.bailleurB, SharingCategory.NOT_LISTED, [
        member(b, [Role.COORDINATOR, Role.REFERRER]),
      ]),
      'administration de A': principal(user.coordinator, org.clsm, SharingCategory.NOT_LISTED, [
        member(a, [Role.TERRITORY_ADMIN]),
      ]),
    };

    // People of A: consent in force (CMP by id, social services by kind), consent withdrawn,
    // an approved derogation for the SAVS, and a pending derogation by the nurse about a person the CCAS referred.
    const inForce = await personWithReferral(a, org.bailleur, ReferralStatus.ACCEPTED, user.bailleur);
    await consent(inForce.person, {
      organisationIds: [org.cmp.id],
      organisationKinds: [OrganisationKind.SOCIAL],
    });
    await consent(inForce.person, {
      organisationIds: [org.savs.id],
      expiresOn: '2026-10-01',
      supersededAt: new Date(),
    });
    const withdrawn = await personWithReferral(a, org.ccas, ReferralStatus.PRE_REVIEW, user.ccas);
    await consent(withdrawn.person, { status: ConsentStatus.WITHDRAWN, organisationIds: [org.cmp.id] });
    const derogation = await personWithReferral(a, org.ccas, ReferralStatus.ACCEPTED, user.ccas);
    await derogationOf(derogation.person, DerogationStatus.APPROVED, [org.savs.id], user.nurse);
    // Pending, about a person the CCAS referred: its social worker is a related second opinion.
    await derogationOf(withdrawn.person, DerogationStatus.PENDING, [org.cmp.id], user.nurse);
    const elsewhere = await personWithReferral(b, org.bailleurB, ReferralStatus.SUBMITTED);
    await consent(elsewhere.person, { organisationIds: [org.bailleurB.id] });

    for (const seededCase of [inForce, derogation, elsewhere]) {
      const situation = await dataSource.getRepository(Situation).save({
        territoryId: seededCase.person.territoryId,
        personId: seededCase.person.id,
        status: SituationStatus.ACTIONS_IN_PROGRESS,
        openedAt: TODAY,
        closedAt: null,
        closureReason: null,
        nextReviewOn: null,
      });
      await dataSource
        .getRepository(Referral)
        .update({ id: seededCase.referral.id }, { situationId: situation.id });
      const circle = seededCase === elsewhere ? [org.bailleurB] : [org.bailleur, org.ccas, org.cmp, org.savs];
      await dataSource.getRepository(SituationCircleMember).insert(
        circle.map((organisation) => ({
          territoryId: situation.territoryId,
          situationId: situation.id,
          organisationId: organisation.id,
          basis: LegalBasis.CONSENT,
          addedAt: TODAY,
        })),
      );
      for (const category of Object.values(DataCategory)) {
        for (const audience of [null, org.bailleur.id]) {
          const event = await dataSource.getRepository(SituationEvent).save({
            territoryId: situation.territoryId,
            situationId: situation.id,
            kind: 'ESSAI',
            category,
            audienceOrganisationId: audience,
            actorOrganisationId: null,
            details: {},
            occurredAt: TODAY,
          });
          if (seededCase === inForce && category === DataCategory.HEALTH_SECRET && !audience)
            seeded.eventHealth = event.id;
        }
      }
      await dataSource.getRepository(SituationAction).insert({
        territoryId: situation.territoryId,
        personId: situation.personId,
        situationId: situation.id,
        description: 'Action d’essai',
        ownerOrganisationId: circle[0].id,
        ownerUserId: null,
        dueOn: '2026-12-01',
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        outcome: null,
        createdAt: TODAY,
      });
      if (seededCase !== elsewhere) {
        const meeting = await dataSource.getRepository(Meeting).save({
          territoryId: a.id,
          cellId: (await factory.cell(a)).id,
          startsAt: TODAY,
          durationMinutes: 120,
          place: 'Mairie',
          videoLink: null,
          status: seededCase === inForce ? MeetingStatus.AGENDA_PUBLISHED : MeetingStatus.PLANNED,
          seriesId: null,
          agendaPublishedAt: null,
          cancelledAt: null,
        });
        const item = await dataSource.getRepository(AgendaItem).save({
          territoryId: a.id,
          meetingId: meeting.id,
          situationId: situation.id,
          position: 1,
          kind: AgendaItemKind.NEW,
          minutes: 15,
          presenterOrganisationId: null,
          presenterUserId: null,
          reason: null,
          presentation: 1,
        });
        await dataSource.getRepository(ItemInvitation).insert({
          territoryId: a.id,
          agendaItemId: item.id,
          meetingId: meeting.id,
          situationId: situation.id,
          organisationId: org.bailleur.id,
          lapsedAt: seededCase === inForce ? null : TODAY,
        });
      }
    }
    const identityOf = async (person: Person) =>
      (await dataSource.getRepository(PersonIdentity).findOneByOrFail({ personId: person.id })).id;
    seeded.identityInForce = await identityOf(inForce.person);
    seeded.identityWithdrawn = await identityOf(withdrawn.person);
    seeded.identityDerogation = await identityOf(derogation.person);
  });
  afterAll(() => dataSource.destroy());

  async function personWithReferral(
    territory: Territory,
    referrer: Organisation,
    status: ReferralStatus,
    author: string = randomUUID(),
  ) {
    const person = await dataSource.getRepository(Person).save({
      territoryId: territory.id,
      caseCode: newCaseCode(),
      initials: 'E. S.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    await dataSource.getRepository(PersonIdentity).insert({
      territoryId: territory.id,
      personId: person.id,
      firstName: 'Essai',
      lastName: `Parité ${person.caseCode}`,
      birthDate: null,
      address: null,
      phone: null,
      protectionMeasure: ProtectionMeasure.NONE,
      representativeName: null,
      representativeContact: null,
      duplicateKey: null,
    });
    const referral = await dataSource.getRepository(Referral).save({
      territoryId: territory.id,
      personId: person.id,
      referrerUserId: author,
      referrerOrganisationId: referrer.id,
      status,
      difficultyAreas: [],
      servicesInvolved: [],
      requests: [],
    });
    return { person, referral };
  }

  function consent(person: Person, scope: Partial<Consent>) {
    return dataSource.getRepository(Consent).insert({
      territoryId: person.territoryId,
      personId: person.id,
      referralId: null,
      status: ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: randomUUID(),
      collectedByOrganisationId: org.bailleur.id,
      collectedOn: '2026-11-01',
      recordedAt: TODAY,
      informationGiven: Object.values(InformationItem),
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [],
      organisationKinds: [],
      includesCell: true,
      dataCategories: Object.values(DataCategory),
      expiresOn: '2027-11-01',
      supersededAt: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
      ...scope,
    });
  }

  function derogationOf(
    person: Person,
    status: DerogationStatus,
    organisationIds: string[],
    requestedBy: string,
  ) {
    return dataSource.getRepository(ConsentException).insert({
      territoryId: person.territoryId,
      personId: person.id,
      referralId: null,
      ground: DerogationGround.PERIL,
      justification: 'Justification d’essai suffisamment longue pour la règle.',
      organisationIds,
      dataCategories: [DataCategory.IDENTITY],
      status,
      requestedByUserId: requestedBy,
      requestedByOrganisationId: org.cmp.id,
      requestedAt: TODAY,
      decidedByUserId: null,
      decidedAt: null,
      decisionNote: null,
      informPersonBy: '2026-12-01',
    });
  }

  const territories = () => [a.id, b.id];

  async function inSql(principal: Principal, action: string, subject: string): Promise<string[]> {
    const query = dataSource
      .getRepository(SUBJECTS[subject].entity)
      .createQueryBuilder('row')
      .where('row.territoryId IN (:...territories)', { territories: territories() });
    access.accessibleBy(query, principal, action, subject);
    return (await query.getMany()).map((row) => row.id as string).sort();
  }

  async function inMemory(principal: Principal, action: string, subject: string): Promise<string[]> {
    const rows = await dataSource.getRepository(SUBJECTS[subject].entity).find({
      where: { territoryId: In(territories()) },
      relations: SUBJECTS[subject].relations,
    });
    return rows
      .filter((row) => access.can(principal, action, row))
      .map((row) => row.id as string)
      .sort();
  }

  it('returns the same rows in SQL as in memory, for every principal, subject and action', async () => {
    const mismatches: string[] = [];
    let compared = 0;
    let nonEmpty = 0;
    for (const [name, principal] of Object.entries(principals)) {
      for (const [subject, { actions }] of Object.entries(SUBJECTS)) {
        for (const action of actions) {
          const [sql, memory] = await Promise.all([
            inSql(principal, action, subject),
            inMemory(principal, action, subject),
          ]);
          compared += 1;
          if (memory.length) nonEmpty += 1;
          if (JSON.stringify(sql) !== JSON.stringify(memory)) {
            mismatches.push(`${name} ${action} ${subject}: SQL ${sql.length} / mémoire ${memory.length}`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(Object.keys(principals).length * 17);
    // Guards against agreeing only on empty sets.
    expect(nonEmpty).toBeGreaterThan(compared / 3);
  });

  /** Each readable row's relations and visible categories, as the SQL columns give them. */
  async function visibilityInSql(principal: Principal, subject: string): Promise<Map<string, string>> {
    const query = dataSource
      .getRepository(SUBJECTS[subject].entity)
      .createQueryBuilder('row')
      .where('row.territoryId IN (:...territories)', { territories: territories() });
    const readAccess = access.selectRowAccess(query, principal, 'read', subject);
    const { entities, raw } = await query.getRawAndEntities();
    const accesses = readAccess(raw);
    return new Map(
      entities.map((row) => [
        row.id as string,
        describeVisibility(principal, row.territoryId as string, accesses.get(row.id as string)!),
      ]),
    );
  }

  /** The same, evaluated in memory on the loaded rows. */
  async function visibilityInMemory(principal: Principal, subject: string): Promise<Map<string, string>> {
    const rows = await dataSource.getRepository(SUBJECTS[subject].entity).find({
      where: { territoryId: In(territories()) },
      relations: SUBJECTS[subject].relations,
    });
    const visible = new Map<string, string>();
    for (const row of rows) {
      const rowAccess = access.rowAccessOn(principal, 'read', row);
      if (rowAccess)
        visible.set(row.id as string, describeVisibility(principal, row.territoryId as string, rowAccess));
    }
    return visible;
  }

  function describeVisibility(principal: Principal, territoryId: string, rowAccess: RowAccess): string {
    const view = rowView(principal, territoryId, rowAccess);
    return JSON.stringify({
      relations: [...rowAccess.relations.keys()].sort(),
      categories: [...view.categories].sort(),
      restrictedTo: [...(view.restrictedTo ?? new Map<string, Set<string>>())]
        .map(([category, fields]) => [category, [...fields].sort()])
        .sort(),
    });
  }

  it('masks alike from the SQL relations and from the memory evaluation, for every principal and subject', async () => {
    const mismatches: string[] = [];
    const categoriesSeen = new Set<string>();
    for (const [name, principal] of Object.entries(principals)) {
      for (const subject of Object.keys(SUBJECTS)) {
        if (!SUBJECTS[subject].actions.includes('read')) continue;
        const [sql, memory] = await Promise.all([
          visibilityInSql(principal, subject),
          visibilityInMemory(principal, subject),
        ]);
        for (const id of new Set([...sql.keys(), ...memory.keys()])) {
          if (sql.get(id) !== memory.get(id)) {
            mismatches.push(`${name} ${subject} ${id}: SQL ${sql.get(id)} / mémoire ${memory.get(id)}`);
          }
          for (const category of JSON.parse(sql.get(id) ?? '{"categories":[]}').categories as string[])
            categoriesSeen.add(`${subject}:${category}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // Guards against agreeing only on logistics.
    expect([...categoriesSeen].filter((entry) => !entry.endsWith(':LOGISTIC')).length).toBeGreaterThan(5);
  });

  it('opens identity as the consent and the derogation say, and never to a bailleur through them', async () => {
    const identities = async (name: string) => inSql(principals[name], 'read', 'PersonIdentity');
    expect(await identities('infirmier CMP (cellule, accompagnement)')).toEqual([seeded.identityInForce]);
    // Named by kind (any social service), the CCAS reads it too; and those it referred itself.
    expect((await identities('CCAS (cellule, référent)')).sort()).toEqual(
      [seeded.identityInForce, seeded.identityWithdrawn, seeded.identityDerogation].sort(),
    );
    expect(await identities('SAVS (cellule)')).toEqual([seeded.identityDerogation]);
    expect(await identities('CCAS, charte non acceptée')).toEqual([]);
    expect(await identities('coordination de B')).not.toContain(seeded.identityInForce);
    // The bailleur reads only the identities it gave, through its own referrals.
    const bailleur = await identities('bailleur (référent)');
    expect(bailleur).toContain(seeded.identityInForce);
    expect(bailleur).not.toContain(seeded.identityWithdrawn);
    expect(bailleur).not.toContain(seeded.identityDerogation);
  });

  it('keeps health lines of the timeline to health professionals of the circle', async () => {
    expect(
      await inSql(principals['infirmier CMP (cellule, accompagnement)'], 'read', 'SituationEvent'),
    ).toContain(seeded.eventHealth);
    for (const name of [
      'bailleur (référent)',
      'CCAS (cellule, référent)',
      'SAVS (cellule)',
      'coordination',
    ]) {
      expect({
        name,
        sees: (await inSql(principals[name], 'read', 'SituationEvent')).includes(seeded.eventHealth),
      }).toEqual({
        name,
        sees: false,
      });
    }
  });

  it('lets no one approve a derogation they asked for', async () => {
    const approvable = await inSql(
      principals['infirmier CMP (cellule, accompagnement)'],
      'approve',
      'ConsentException',
    );
    expect(approvable).toEqual([]);
    expect(await inSql(principals['CCAS (cellule, référent)'], 'approve', 'ConsentException')).toHaveLength(
      1,
    );
    expect(await inSql(principals.coordination, 'approve', 'ConsentException')).toEqual([]);
    // A social professional of the cell, unrelated to the person, neither reads nor decides it.
    expect(await inSql(principals['SAVS (cellule)'], 'approve', 'ConsentException')).toEqual([]);
  });

  it('reads a coordinator who is also a partner by the coordinator’s rule alone, showing what every rule shows', async () => {
    // The CCAS coordinating A: its partner rules (cell, referrer, circle, invitations) match rows
    // the coordinator's rule already grants, and read through the matrix what the role reads whole.
    const ccasMembership: ActiveMembership = {
      id: randomUUID(),
      territoryId: a.id,
      roles: [Role.COORDINATOR, Role.CELL_MEMBER, Role.REFERRER],
      cellId: null,
      charterAccepted: true,
    };
    const both = new Principal(
      user.ccas,
      user.ccas,
      org.ccas.id,
      SharingCategory.SOCIAL_MEDICOSOCIAL,
      [ccasMembership],
      '',
      org.ccas.kind,
      TODAY,
    );
    const ruleColumns = (principal: Principal) => {
      const query = dataSource.getRepository(Situation).createQueryBuilder('row');
      access.selectRowAccess(query, principal, 'read', 'Situation');
      return query.getQuery().match(/AS "access_rule_\d+"/g)?.length ?? 0;
    };
    const granting = access
      .abilityFor(both)
      .rulesFor('read', 'Situation')
      .filter((rule) => !rule.inverted);
    expect(granting.length).toBeGreaterThan(ruleColumns(both));
    expect(ruleColumns(both)).toBe(ruleColumns(principals.coordination));

    const rows = await dataSource.getRepository(Situation).find({
      where: { territoryId: a.id },
      relations: SUBJECTS.Situation.relations,
    });
    const described = (rowAccess: RowAccess) =>
      describeVisibility(both, a.id, { ...rowAccess, relations: new Map() });
    const inSqlNow = await visibilityInSql(both, 'Situation');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const everyRule = rowAccessFrom(
        granting
          .filter((rule) => rule.matchesConditions(row))
          .map((rule) => ({ grant: (rule.origin as RelaisRawRule).grant, fields: rule.fields })),
      );
      const kept = access.rowAccessOn(both, 'read', row)!;
      expect(described(kept)).toBe(described(everyRule));
      // The same answer from the statement.
      expect(JSON.parse(inSqlNow.get(row.id)!).categories).toEqual(
        JSON.parse(described(everyRule)).categories,
      );
    }
  });
});
