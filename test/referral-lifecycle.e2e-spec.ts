import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { OutboxEvent } from '@relais/outbox';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  CREATE_REFERRAL,
  GET_REFERRAL,
  myReferralsOf,
  RECORD_CONSENT,
  REDIRECT_REFERRAL,
  REQUEST_CONSENT,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
  WITHDRAW_REFERRAL,
} from './support/referral-documents';

interface Transition {
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
}
interface View {
  id: string;
  status: string;
  fhirTaskStatus: string;
  person: { id: string; caseCode: string };
  consentStatus: string | null;
  transitions: Transition[] | null;
}

const SURNAME = 'Lenoir-Essai';

describe('referral lifecycle: every move recorded, illegal ones refused', () => {
  let api: RunningApi;
  let territory: Territory;
  let ccas: Organisation;
  let bailleur: GraphqlClient;
  let coordinator: GraphqlClient;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
    const logIn = async (kind: OrganisationKind, profession: Profession, role: Role) => {
      const organisation = await api.factory.organisation(territory, kind);
      const user = await api.factory.user({ territory, organisation, profession, roles: [role] });
      return (await logInClient(api.anonymous, user.email, user.password)).client;
    };
    bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, Role.REFERRER);
    coordinator = await logIn(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, Role.COORDINATOR);
  });
  afterAll(() => api.close());

  async function submitted(): Promise<View> {
    const created = await bailleur.expectData<{ createReferral: View }>(CREATE_REFERRAL, {
      input: {
        territoryId: territory.id,
        person: {
          firstName: 'Jean',
          lastName: SURNAME,
          ageBand: 'AGE_60_74',
          protectionMeasure: 'CURATORSHIP',
        },
        form: {
          difficultyAreas: ['HYGIENE_HOARDING'],
          servicesInvolved: ['Service social départemental'],
          questionToCell: 'Quel accompagnement proposer ?',
          urgency: 'HIGH',
          requests: ['CELL_EXAMINATION'],
        },
      },
    });
    const result = await bailleur.expectData<{ submitReferral: View }>(SUBMIT_REFERRAL, {
      input: {
        referralId: created.createReferral.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    return result.submitReferral;
  }

  function consent(status: 'GIVEN' | 'REFUSED') {
    return {
      status,
      method: 'LEGAL_REPRESENTATIVE',
      witnessOrRepresentative: 'Curatrice (association tutélaire)',
      collectedOn: api.clock.now().toISOString().slice(0, 10),
      informationGiven: ALL_INFORMATION,
      wishesToAttend: true,
      purposes: status === 'GIVEN' ? ['CELL_EXAMINATION'] : [],
      organisationIds: status === 'GIVEN' ? [ccas.id] : [],
      organisationKinds: [],
      includesCell: status === 'GIVEN',
      dataCategories: status === 'GIVEN' ? ['LOGISTIC', 'IDENTITY'] : [],
    };
  }

  it('redirects with a message the referrer reads in its list', async () => {
    const referral = await submitted();
    const redirected = await coordinator.expectData<{ redirectReferral: View }>(REDIRECT_REFERRAL, {
      input: {
        referralId: referral.id,
        target: 'CCAPEX',
        message: 'La procédure d’expulsion relève de la CCAPEX.',
      },
    });
    expect(redirected.redirectReferral).toMatchObject({ status: 'REDIRECTED', fhirTaskStatus: 'rejected' });
    const mine = await myReferralsOf<Record<string, unknown>>(bailleur, territory.id);
    expect(mine.myOrganisationReferrals.find((row) => row.id === referral.id)).toMatchObject({
      status: 'REDIRECTED',
      statusLabel: 'Réorientée',
      redirectTarget: 'CCAPEX',
      redirectMessage: 'La procédure d’expulsion relève de la CCAPEX.',
    });
    // A decided referral can neither be withdrawn nor accepted.
    const late = await bailleur.request(WITHDRAW_REFERRAL, {
      input: { referralId: referral.id, reason: 'Trop tard' },
    });
    expect(late.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('asks the referrer for consent, refuses to accept without it, then accepts once collected', async () => {
    const referral = await submitted();
    await coordinator.expectData(START_PRE_REVIEW, { id: referral.id });
    const refused = await coordinator.request(ACCEPT_REFERRAL, { input: { referralId: referral.id } });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('consentement');

    const asked = await coordinator.expectData<{ requestReferralConsent: View }>(REQUEST_CONSENT, {
      input: { referralId: referral.id, reason: 'Recueillir l’accord de la personne' },
    });
    expect(asked.requestReferralConsent).toMatchObject({
      status: 'NEEDS_CONSENT',
      fhirTaskStatus: 'on-hold',
    });
    const task = await api.dataSource
      .getRepository(OutboxEvent)
      .findOneByOrFail({ subjectId: referral.id, type: 'referral.consent_needed' });
    expect(task.payload).toMatchObject({ status: 'NEEDS_CONSENT' });

    await bailleur.expectData(RECORD_CONSENT, { id: referral.id, input: consent('GIVEN') });
    await bailleur.expectData(SUBMIT_REFERRAL, {
      input: {
        referralId: referral.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
    await coordinator.expectData(START_PRE_REVIEW, { id: referral.id });
    const accepted = await coordinator.expectData<{ acceptReferral: View }>(ACCEPT_REFERRAL, {
      input: { referralId: referral.id },
    });
    expect(accepted.acceptReferral.transitions).toEqual([
      { fromStatus: null, toStatus: 'DRAFT', reason: 'Brouillon créé' },
      { fromStatus: 'DRAFT', toStatus: 'SUBMITTED', reason: null },
      { fromStatus: 'SUBMITTED', toStatus: 'PRE_REVIEW', reason: null },
      { fromStatus: 'PRE_REVIEW', toStatus: 'NEEDS_CONSENT', reason: 'Recueillir l’accord de la personne' },
      { fromStatus: 'NEEDS_CONSENT', toStatus: 'SUBMITTED', reason: null },
      { fromStatus: 'SUBMITTED', toStatus: 'PRE_REVIEW', reason: null },
      { fromStatus: 'PRE_REVIEW', toStatus: 'ACCEPTED', reason: null },
    ]);
  });

  it('keeps a refusal: the situation cannot be examined by name', async () => {
    const referral = await submitted();
    await bailleur.expectData(RECORD_CONSENT, { id: referral.id, input: consent('REFUSED') });
    await coordinator.expectData(START_PRE_REVIEW, { id: referral.id });
    const view = await coordinator.expectData<{ referral: View }>(GET_REFERRAL, { id: referral.id });
    expect(view.referral.consentStatus).toBe('REFUSED');
    const refused = await coordinator.request(ACCEPT_REFERRAL, { input: { referralId: referral.id } });
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    const announced = await api.dataSource
      .getRepository(OutboxEvent)
      .countBy({ subjectId: referral.person.id, type: 'consent.refused' });
    expect(announced).toBe(1);
  });

  it('lets the referrer withdraw before the cell decides', async () => {
    const referral = await submitted();
    const withdrawn = await bailleur.expectData<{ withdrawReferral: View }>(WITHDRAW_REFERRAL, {
      input: { referralId: referral.id, reason: 'La situation s’est dénouée' },
    });
    expect(withdrawn.withdrawReferral).toMatchObject({ status: 'WITHDRAWN', fhirTaskStatus: 'cancelled' });
    const review = await coordinator.request(START_PRE_REVIEW, { id: referral.id });
    expect(review.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('answers who saw the file, and no event or outbox row carries the person’s data', async () => {
    const referral = await submitted();
    await coordinator.expectData(GET_REFERRAL, { id: referral.id });
    const log = await coordinator.expectData<{
      accessLog: { edges: { node: { action: string; dataCategories: string[] } }[] };
    }>(
      'query ($t: ID!, $s: ID!) { accessLog(territoryId: $t, subjectId: $s) { edges { node { action dataCategories } } } }',
      { t: territory.id, s: referral.person.id },
    );
    expect(log.accessLog.edges.map((edge) => edge.node)).toEqual(
      expect.arrayContaining([
        { action: 'PERSON_DATA_READ', dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'] },
        { action: 'REFERRAL_SUBMITTED', dataCategories: [] },
      ]),
    );
    const written = JSON.stringify([
      await api.dataSource.getRepository(AuditEvent).findBy({ territoryId: territory.id }),
      await api.dataSource.getRepository(OutboxEvent).findBy({ territoryId: territory.id }),
    ]);
    for (const value of [SURNAME, 'Jean', 'Quel accompagnement', 'Curatrice'])
      expect(written).not.toContain(value);
  });
});
