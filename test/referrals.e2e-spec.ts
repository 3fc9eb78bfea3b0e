import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Consent } from '@relais/consent';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { Referral } from '@relais/referrals';
import { Person } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  APPROVE_DEROGATION,
  CREATE_REFERRAL,
  GET_REFERRAL,
  myReferralsOf,
  RECORD_CONSENT,
  REQUEST_DEROGATION,
  SITUATION,
  SituationPages,
  withHistoryLists,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
  WITHDRAW_CONSENT,
} from './support/referral-documents';

interface ReferralView {
  id: string;
  status: string;
  statusLabel: string;
  fhirTaskStatus: string;
  person: { id: string; caseCode: string; pseudonym: string };
  identity: { firstName: string; lastName: string } | null;
  difficultyAreas: string[] | null;
  servicesInvolved: string[] | null;
  questionToCell: string | null;
  description: string | null;
  housingContext: string | null;
  healthInformation: string | null;
  consentStatus: string | null;
  situationId: string | null;
  possibleDuplicate: { caseCode: string } | null;
  transitions: { fromStatus: string | null; toStatus: string; reason: string | null }[] | null;
  redactedFields: string[];
}

interface SituationView {
  id: string;
  identity: { firstName: string; lastName: string } | null;
  circle: { organisationId: string; basis: string }[] | null;
  timeline: { kind: string; category: string }[];
  actions: { description: string; ownerOrganisationId: string; origin: string }[];
  redactedFields: string[];
}

const PERSON = {
  firstName: 'Élise',
  lastName: 'Dupont-Lefèvre',
  birthDate: '1971-03-14',
  district: 'Quartier Nord',
  address: '12 rue des Essais, 59000 Lille',
  phone: '06 12 34 56 78',
  protectionMeasure: 'NONE',
};

const FORM = {
  difficultyAreas: ['HOUSING_DEBT', 'NEIGHBOUR_DISTURBANCE', 'CARE_INTERRUPTION'],
  servicesInvolved: ['CCAS', 'Médecin traitant'],
  actionsTried: 'Plan d’apurement proposé, deux visites sans réponse.',
  blockages: 'La locataire n’ouvre plus sa porte.',
  questionToCell: 'Comment renouer le contact et éviter la procédure ?',
  urgency: 'MEDIUM',
  requests: ['CELL_EXAMINATION'],
  description: 'Dette locative de 2 400 €, plaintes de voisinage répétées depuis l’été.',
  housingContext: 'Bail social depuis 2009, commandement de payer délivré.',
};

describe('referral journey: a bailleur refers a tenant with her consent and sees what became of it', () => {
  let api: RunningApi;
  let territory: Territory;
  const org = {} as Record<'bailleur' | 'ccas' | 'cmp' | 'savs' | 'clsm', Organisation>;
  const as = {} as Record<
    'bailleur' | 'coordinator' | 'ccas' | 'nurse' | 'savs' | 'otherBailleur',
    GraphqlClient
  >;
  const ids = {} as Record<'bailleur' | 'coordinator' | 'ccas' | 'nurse', string>;
  let referral: ReferralView;
  let consentId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory({ name: 'CLSM du parcours' });
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Essai');
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Essai');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Essai');
    org.savs = await api.factory.organisation(territory, OrganisationKind.MEDICO_SOCIAL, 'SAVS Essai');
    org.clsm = await api.factory.organisation(
      territory,
      OrganisationKind.MUNICIPAL,
      'Coordination CLSM Essai',
    );
    const member = async (
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
    ): Promise<{ client: GraphqlClient; id: string }> => {
      const user = await api.factory.user({ territory, organisation, profession, roles });
      return { client: (await logInClient(api.anonymous, user.email, user.password)).client, id: user.id };
    };
    const bailleur = await member(org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    const coordinator = await member(org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    const ccas = await member(org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER, Role.REFERRER]);
    const nurse = await member(org.cmp, Profession.PSYCHIATRIC_NURSE, [
      Role.CELL_MEMBER,
      Role.FOLLOWUP_PRACTITIONER,
    ]);
    const savs = await member(org.savs, Profession.SPECIALISED_EDUCATOR, [Role.CELL_MEMBER]);
    const otherBailleur = await member(
      await api.factory.organisation(territory, OrganisationKind.HOUSING),
      Profession.HOUSING_OFFICER,
      [Role.REFERRER],
    );
    Object.assign(as, {
      bailleur: bailleur.client,
      coordinator: coordinator.client,
      ccas: ccas.client,
      nurse: nurse.client,
      savs: savs.client,
      otherBailleur: otherBailleur.client,
    });
    Object.assign(ids, {
      bailleur: bailleur.id,
      coordinator: coordinator.id,
      ccas: ccas.id,
      nurse: nurse.id,
    });
  });
  afterAll(() => api.close());

  async function read(client: GraphqlClient, id = referral.id): Promise<ReferralView> {
    return (await client.expectData<{ referral: ReferralView }>(GET_REFERRAL, { id })).referral;
  }
  async function situation(client: GraphqlClient): Promise<SituationView> {
    const { situation } = await client.expectData<{ situation: SituationPages<SituationView> }>(SITUATION, {
      id: referral.situationId,
    });
    return withHistoryLists(situation);
  }

  it('creates the draft, which only the bailleur sees, with the identity it gave', async () => {
    const created = await as.bailleur.expectData<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: { territoryId: territory.id, person: PERSON, form: FORM },
    });
    referral = created.createReferral;
    expect(referral).toMatchObject({ status: 'DRAFT', statusLabel: 'Brouillon', fhirTaskStatus: 'draft' });
    expect(referral.person.caseCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    expect(referral.person.pseudonym).toBe('E. D., 50–59 ans, Quartier Nord');
    expect(referral.identity).toMatchObject({ firstName: 'Élise', lastName: 'Dupont-Lefèvre' });

    const byCoordinator = await as.coordinator.request(GET_REFERRAL, { id: referral.id });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const byOtherBailleur = await as.otherBailleur.request(GET_REFERRAL, { id: referral.id });
    expect(byOtherBailleur.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('records the oral consent naming the CCAS, the CMP and the cell, and gives the person a receipt', async () => {
    const recorded = await as.bailleur.expectData<{
      recordConsent: { id: string; status: string; inForce: boolean };
    }>(RECORD_CONSENT, {
      id: referral.id,
      input: {
        status: 'GIVEN',
        method: 'ORAL_BEFORE_WITNESS',
        witnessOrRepresentative: 'Gardienne de la résidence',
        collectedOn: isoDay(api.clock.now()),
        informationGiven: ALL_INFORMATION,
        wishesToAttend: false,
        purposes: ['CELL_EXAMINATION'],
        organisationIds: [org.ccas.id, org.cmp.id],
        organisationKinds: [],
        includesCell: true,
        dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'],
      },
    });
    consentId = recorded.recordConsent.id;
    expect(recorded.recordConsent).toMatchObject({ status: 'GIVEN', inForce: true });

    const receipt = await as.bailleur.expectData<{ consentReceipt: string }>(
      'query ($id: ID!) { consentReceipt(consentId: $id) }',
      { id: consentId },
    );
    expect(receipt.consentReceipt).toContain('oralement, devant témoin, par Habitat Essai');
    expect(receipt.consentReceipt).toContain('avec : CCAS Essai');
    expect(receipt.consentReceipt).toContain('avec : CMP Essai');
    expect(receipt.consentReceipt).toContain('la cellule de situations complexes');
    expect(receipt.consentReceipt).toContain('Personne : Élise Dupont-Lefèvre');
  });

  it('refuses an emergency with whom to call, and keeps the draft a draft', async () => {
    const response = await as.bailleur.request(SUBMIT_REFERRAL, {
      input: {
        referralId: referral.id,
        commonLawRoutesTried: true,
        notAnEmergency: false,
        imminentDanger: true,
      },
    });
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('EMERGENCY');
    for (const number of ['15', '17', '112', 'urgences psychiatriques', 'procureur']) {
      expect(error?.message).toContain(number);
    }
    expect((await read(as.bailleur)).status).toBe('DRAFT');
  });

  it('refuses a submission that does not confirm admissibility', async () => {
    const response = await as.bailleur.request(SUBMIT_REFERRAL, {
      input: {
        referralId: referral.id,
        commonLawRoutesTried: false,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fields).toEqual([
      { field: 'commonLawRoutesTried', message: 'Les voies de droit commun doivent avoir été tentées.' },
    ]);
  });

  it('submits, and the coordinator opens the anonymous pre-review', async () => {
    const submitted = await as.bailleur.expectData<{ submitReferral: ReferralView }>(SUBMIT_REFERRAL, {
      input: {
        referralId: referral.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    expect(submitted.submitReferral).toMatchObject({ status: 'SUBMITTED', fhirTaskStatus: 'requested' });

    // Accepting before the pre-review is not a move the lifecycle allows.
    const early = await as.coordinator.request(ACCEPT_REFERRAL, { input: { referralId: referral.id } });
    expect(early.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    const reviewed = await as.coordinator.expectData<{ startReferralPreReview: ReferralView }>(
      START_PRE_REVIEW,
      {
        id: referral.id,
      },
    );
    expect(reviewed.startReferralPreReview).toMatchObject({
      status: 'PRE_REVIEW',
      fhirTaskStatus: 'received',
    });
    expect(reviewed.startReferralPreReview.identity).toMatchObject({ lastName: 'Dupont-Lefèvre' });
    expect(reviewed.startReferralPreReview.description).toContain('Dette locative');
    // The coordinator is not a health professional: health stays hidden, even empty.
    expect(reviewed.startReferralPreReview.redactedFields).toContain('healthInformation');
  });

  it('shows a cell member outside the consent the case code, difficulties, services and question — no identity', async () => {
    const seen = await read(as.savs);
    expect(seen.person.caseCode).toBe(referral.person.caseCode);
    expect(seen.difficultyAreas).toEqual(FORM.difficultyAreas);
    expect(seen.servicesInvolved).toEqual(FORM.servicesInvolved);
    expect(seen.questionToCell).toBe(FORM.questionToCell);
    expect(seen.identity).toBeNull();
    expect(seen.description).toBeNull();
    expect(seen.housingContext).toBeNull();
    expect(seen.transitions).toBeNull();
    expect(seen.redactedFields).toEqual(
      expect.arrayContaining([
        'identity',
        'description',
        'housingContext',
        'healthInformation',
        'transitions',
      ]),
    );
  });

  it('shows the CMP nurse, named in the consent, the identity during the pre-review', async () => {
    const seen = await read(as.nurse);
    expect(seen.identity).toMatchObject({ firstName: 'Élise' });
    expect(seen.description).toBeNull();
  });

  it('accepts: the situation opens with the circle the consent names', async () => {
    const accepted = await as.coordinator.expectData<{ acceptReferral: ReferralView }>(ACCEPT_REFERRAL, {
      input: { referralId: referral.id, reason: 'Situation relevant de la cellule' },
    });
    referral = accepted.acceptReferral;
    expect(referral).toMatchObject({
      status: 'ACCEPTED',
      fhirTaskStatus: 'accepted',
      consentStatus: 'GIVEN',
    });
    expect(referral.situationId).toEqual(expect.any(String));
    expect(referral.transitions?.map((transition) => transition.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'PRE_REVIEW',
      'ACCEPTED',
    ]);

    const seen = await situation(as.coordinator);
    expect(seen.circle).toEqual(
      expect.arrayContaining([
        { organisationId: org.bailleur.id, basis: 'REFERRAL' },
        { organisationId: org.ccas.id, basis: 'CONSENT' },
        { organisationId: org.cmp.id, basis: 'CONSENT' },
      ]),
    );
    expect(seen.timeline.map((line) => line.kind)).toEqual(
      expect.arrayContaining(['SITUATION_OPENED', 'REFERRAL_ACCEPTED']),
    );
  });

  it('gives the bailleur its referral’s status and what concerns it, never confidential or health data', async () => {
    const mine = await myReferralsOf<Record<string, unknown>>(as.bailleur, territory.id);
    expect(mine.myOrganisationReferrals).toEqual([
      {
        id: referral.id,
        caseCode: referral.person.caseCode,
        pseudonym: 'E. D., 50–59 ans, Quartier Nord',
        status: 'ACCEPTED',
        statusLabel: 'Acceptée',
        fhirTaskStatus: 'accepted',
        situationStatus: 'ACCEPTED',
        nextMeetingAt: null,
        redirectTarget: null,
        redirectMessage: null,
        actionsForMyOrganisation: [],
      },
    ]);
    const seen = await situation(as.bailleur);
    expect(new Set(seen.timeline.map((line) => line.category))).toEqual(new Set(['LOGISTIC']));
    // A CMP in the circle would tell of psychiatric care: its composition is confidential.
    expect(seen.circle).toBeNull();
    expect(seen.redactedFields).toEqual(expect.arrayContaining(['circle']));
    const other = await myReferralsOf(as.otherBailleur, territory.id);
    expect(other.myOrganisationReferrals).toEqual([]);
  });

  it('cuts the CMP nurse’s identity access in the very next request when the person withdraws', async () => {
    expect((await situation(as.nurse)).identity).toMatchObject({ lastName: 'Dupont-Lefèvre' });

    const withdrawn = await as.bailleur.expectData<{ withdrawConsent: { status: string; inForce: boolean } }>(
      WITHDRAW_CONSENT,
      { id: consentId },
    );
    expect(withdrawn.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', inForce: false });

    const nurseView = await situation(as.nurse);
    expect(nurseView.identity).toBeNull();
    expect(nurseView.redactedFields).toContain('identity');
    expect((await read(as.nurse)).identity).toBeNull();
    // The coordinator and the collecting referrer keep it.
    expect((await situation(as.coordinator)).identity).toMatchObject({ lastName: 'Dupont-Lefèvre' });
    expect((await read(as.bailleur)).identity).toMatchObject({ lastName: 'Dupont-Lefèvre' });

    const announced = await api.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ territoryId: territory.id, type: 'consent.withdrawn' });
    expect(announced.payload).toMatchObject({ consentId, keepOrganisationId: org.bailleur.id });
    const audited = await api.dataSource
      .getRepository(AuditEvent)
      .countBy({ territoryId: territory.id, action: 'CONSENT_WITHDRAWN', subjectId: consentId });
    expect(audited).toBe(1);
  });

  it('refuses a derogation approved by its own author, and opens sharing once a second professional approves', async () => {
    const requested = await as.nurse.expectData<{ requestDerogation: { id: string; status: string } }>(
      REQUEST_DEROGATION,
      {
        id: referral.id,
        input: {
          ground: 'PERIL',
          justification: 'Risque vital : refus de soins et logement insalubre constatés lors de la visite.',
          organisationIds: [org.cmp.id],
          dataCategories: ['IDENTITY', 'HEALTH_SECRET'],
        },
      },
    );
    const derogationId = requested.requestDerogation.id;
    expect(requested.requestDerogation.status).toBe('PENDING');
    expect((await situation(as.nurse)).identity).toBeNull();

    const byAuthor = await as.nurse.request(APPROVE_DEROGATION, { id: derogationId });
    expect(byAuthor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(byAuthor.errors?.[0].message).toContain('second professionnel');
    const byBailleur = await as.bailleur.request(APPROVE_DEROGATION, { id: derogationId });
    expect(byBailleur.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The coordinator is not a health or social professional.
    const byCoordinator = await as.coordinator.request(APPROVE_DEROGATION, { id: derogationId });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await situation(as.nurse)).identity).toBeNull();

    const approved = await as.ccas.expectData<{
      approveDerogation: { status: string; decidedByUserId: string };
    }>(APPROVE_DEROGATION, { id: derogationId });
    expect(approved.approveDerogation).toEqual({
      id: derogationId,
      status: 'APPROVED',
      decidedByUserId: ids.ccas,
    });

    const nurseView = await situation(as.nurse);
    expect(nurseView.identity).toMatchObject({ lastName: 'Dupont-Lefèvre' });
    expect(nurseView.actions).toEqual([
      expect.objectContaining({
        description: 'Informer la personne du partage de sa situation sans son consentement',
        ownerOrganisationId: org.cmp.id,
        origin: 'DEROGATION',
      }),
    ]);
    const why = await as.nurse.expectData<{ accessBasis: { basis: string }[] }>(
      'query ($id: ID!) { accessBasis(subjectType: "PersonIdentity", subjectId: $id) { basis } }',
      { id: await identityIdOf(referral.person.id) },
    );
    expect(why.accessBasis.map((grant) => grant.basis)).toEqual(['DEROGATION']);
  });

  it('warns the coordinator alone of a possible duplicate', async () => {
    const again = await as.ccas.expectData<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
      input: {
        territoryId: territory.id,
        person: { ...PERSON, firstName: 'elise', lastName: 'DUPONT LEFEVRE', address: null, phone: null },
        form: FORM,
      },
    });
    const draft = again.createReferral;
    expect(draft.possibleDuplicate).toBeNull();
    expect(draft.redactedFields).toContain('possibleDuplicate');
    await as.ccas.expectData(SUBMIT_REFERRAL, {
      input: {
        referralId: draft.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    const seen = await read(as.coordinator, draft.id);
    expect(seen.possibleDuplicate).toEqual({ caseCode: referral.person.caseCode });
    expect(seen.person.caseCode).not.toBe(referral.person.caseCode);

    // Confirmed, the new referral joins the person already followed and her open situation.
    await as.coordinator.expectData(START_PRE_REVIEW, { id: draft.id });
    const wrong = await as.coordinator.request(ACCEPT_REFERRAL, {
      input: { referralId: draft.id, samePersonAsPersonId: draft.person.id },
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const joined = await as.coordinator.expectData<{ acceptReferral: ReferralView }>(ACCEPT_REFERRAL, {
      input: { referralId: draft.id, samePersonAsPersonId: referral.person.id },
    });
    expect(joined.acceptReferral).toMatchObject({
      status: 'ACCEPTED',
      situationId: referral.situationId,
      person: expect.objectContaining({ caseCode: referral.person.caseCode }),
    });
    expect(await api.dataSource.getRepository(Person).countBy({ id: draft.person.id })).toBe(0);
    expect((await situation(as.coordinator)).timeline.map((line) => line.kind)).toContain(
      'REFERRAL_ATTACHED',
    );
  });

  it('keeps health information to health professionals, in writing and in reading', async () => {
    const refused = await as.bailleur.request(CREATE_REFERRAL, {
      input: {
        territoryId: territory.id,
        person: PERSON,
        form: { ...FORM, healthInformation: 'Traitement arrêté.' },
      },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('writes nothing and answers in French for each malformed input', async () => {
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ person: { ...PERSON, birthDate: '14/03/1971' } }, 'person.birthDate'],
      [{ person: { ...PERSON, birthDate: '2071-03-14' } }, 'person.birthDate'],
      [{ person: { ...PERSON, phone: '12345' } }, 'person.phone'],
      [{ person: { ...PERSON, lastName: '' } }, 'person.lastName'],
      [{ form: { ...FORM, requests: [] } }, 'form.requests'],
      [{ form: { ...FORM, description: 'x'.repeat(2001) } }, 'form.description'],
      [{ territoryId: 'pas-un-identifiant' }, 'territoryId'],
    ];
    for (const [change, field] of cases) {
      const response = await as.bailleur.request(CREATE_REFERRAL, {
        input: { territoryId: territory.id, person: PERSON, form: FORM, ...change },
      });
      const error = response.errors?.[0];
      expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
      const problem = error?.extensions?.fields?.find((candidate) => candidate.field === field);
      expect(problem?.message).toMatch(/[a-zé]/);
      expect(problem?.message).not.toMatch(/must|should|invalid/i);
    }
    const draft = (
      await as.bailleur.expectData<{ createReferral: ReferralView }>(CREATE_REFERRAL, {
        input: { territoryId: territory.id, person: { ...PERSON, firstName: 'Autre' }, form: FORM },
      })
    ).createReferral;
    const consentCases: [Record<string, unknown>, string][] = [
      [{ collectedOn: '2031-01-01' }, 'collectedOn'],
      [{ collectedOn: '2026-02-30' }, 'collectedOn'],
      [{ expiresOn: '2040-01-01' }, 'expiresOn'],
      [{ organisationIds: ['5f0c6a4e-8d8b-4a51-9f3e-2f6f4c1d2a10'] }, 'organisationIds'],
      [{ purposes: ['CELL_EXAMINATION', 'FOLLOW_UP'] }, 'purposes'],
      [{ informationGiven: ['PURPOSES'] }, 'informationGiven'],
      [{ method: 'ORAL_BEFORE_WITNESS', witnessOrRepresentative: null }, 'witnessOrRepresentative'],
    ];
    const consentsBefore = await api.dataSource.getRepository(Consent).countBy({ territoryId: territory.id });
    for (const [change, field] of consentCases) {
      const response = await as.bailleur.request(RECORD_CONSENT, {
        id: draft.id,
        input: {
          status: 'GIVEN',
          method: 'WRITTEN',
          collectedOn: isoDay(api.clock.now()),
          informationGiven: ALL_INFORMATION,
          wishesToAttend: true,
          purposes: ['CELL_EXAMINATION'],
          organisationIds: [org.ccas.id],
          organisationKinds: [],
          includesCell: true,
          dataCategories: ['LOGISTIC'],
          ...change,
        },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.fields?.map((problem) => problem.field)).toContain(field);
    }
    expect(await api.dataSource.getRepository(Consent).countBy({ territoryId: territory.id })).toBe(
      consentsBefore,
    );
    expect(await counts()).toEqual({ referrals: before.referrals + 1, persons: before.persons + 1 });
  });

  async function counts() {
    return {
      referrals: await api.dataSource.getRepository(Referral).countBy({ territoryId: territory.id }),
      persons: await api.dataSource.getRepository(Person).countBy({ territoryId: territory.id }),
    };
  }

  async function identityIdOf(personId: string): Promise<string> {
    const [row] = (await api.dataSource.query('SELECT id FROM person_identities WHERE person_id = $1', [
      personId,
    ])) as { id: string }[];
    return row.id;
  }
});

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
