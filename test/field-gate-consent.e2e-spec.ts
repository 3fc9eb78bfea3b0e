import { LegalBasis, Role } from '@relais/access';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { Situation, SituationCircleMember, SituationStatus } from '@relais/situations';
import { GraphqlClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import { APPROVE_DEROGATION, REQUEST_DEROGATION } from './support/referral-documents';
import { memberOf, referPerson } from './support/referral-journey';

const PERSON = {
  firstName: 'Noé',
  lastName: 'Vasseur',
  birthDate: '1980-06-02',
  district: 'Quartier Sud',
  protectionMeasure: 'NONE',
};
const FORM = {
  difficultyAreas: ['HOUSING_DEBT'],
  servicesInvolved: ['CCAS'],
  questionToCell: 'Comment éviter la rupture ?',
  urgency: 'HIGH',
  requests: ['CELL_EXAMINATION'],
};
const JUSTIFICATION = 'Péril imminent : la personne refuse tout contact et son logement est insalubre.';

const DEROGATIONS = /* GraphQL */ `
  query ($t: ID!) {
    derogations(territoryId: $t, first: 100) {
      edges {
        node {
          id
          status
          justification
          redactedFields
        }
      }
    }
  }
`;

interface DerogationView {
  id: string;
  status: string;
  justification: string | null;
  redactedFields: string[];
}

/**
 * A derogation awaiting approval carries its justification (confidential): only the coordinator,
 * its author and the health or social professionals related to the person (referring
 * organisation, circle of the person's situation) read it or may decide; a professional of the
 * territory unrelated to the person learns nothing of it, before or after the decision.
 */
describe('field gate: derogations and who reads them', () => {
  let api: RunningApi;
  let territory: Territory;
  const org = {} as Record<'ccas' | 'savs' | 'cmp' | 'clsm', Organisation>;
  const as = {} as Record<'coordinator' | 'requester' | 'colleague' | 'circle' | 'outsider', GraphqlClient>;
  let derogationId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory({ name: 'CLSM des dérogations' });
    org.ccas = await api.factory.organisation(territory, OrganisationKind.SOCIAL, 'CCAS Sud');
    org.savs = await api.factory.organisation(territory, OrganisationKind.MEDICO_SOCIAL, 'SAVS Sud');
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP sans lien');
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'Coordination Sud');
    const member = async (organisation: Organisation, profession: Profession, roles: Role[]) =>
      (await memberOf(api, territory, organisation, profession, roles)).client;
    as.coordinator = await member(org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    as.requester = await member(org.ccas, Profession.SOCIAL_WORKER, [Role.REFERRER]);
    as.colleague = await member(org.ccas, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER]);
    as.circle = await member(org.savs, Profession.SPECIALISED_EDUCATOR, [Role.CELL_MEMBER]);
    as.outsider = await member(org.cmp, Profession.PSYCHIATRIC_NURSE, [
      Role.CELL_MEMBER,
      Role.FOLLOWUP_PRACTITIONER,
    ]);

    // The CCAS refers the person and asks at once to share without consent.
    const referral = await referPerson(as.requester, {
      territoryId: territory.id,
      person: PERSON,
      form: FORM,
    });
    const requested = await as.requester.expectData<{ requestDerogation: { id: string } }>(
      REQUEST_DEROGATION,
      {
        id: referral.id,
        input: {
          ground: 'PERIL',
          justification: JUSTIFICATION,
          organisationIds: [org.savs.id],
          dataCategories: ['IDENTITY', 'SOCIAL_CONFIDENTIAL'],
        },
      },
    );
    derogationId = requested.requestDerogation.id;

    // A situation of the person (an earlier one, say) whose circle holds the SAVS.
    const situations = api.dataSource.getRepository(Situation);
    const situation = await situations.save(
      situations.create({
        territoryId: territory.id,
        personId: referral.person.id,
        status: SituationStatus.CLOSED,
        openedAt: new Date('2025-01-06T09:00:00Z'),
        closedAt: new Date('2025-06-06T09:00:00Z'),
        closureReason: null,
        nextReviewOn: null,
      }),
    );
    await api.dataSource.getRepository(SituationCircleMember).insert({
      territoryId: territory.id,
      situationId: situation.id,
      organisationId: org.savs.id,
      basis: LegalBasis.CONSENT,
      addedAt: new Date('2025-01-06T09:00:00Z'),
    });
  });
  afterAll(() => api.close());

  async function derogationAs(client: GraphqlClient): Promise<DerogationView | undefined> {
    const { derogations } = await client.expectData<{ derogations: { edges: { node: DerogationView }[] } }>(
      DEROGATIONS,
      { t: territory.id },
    );
    return derogations.edges.map((edge) => edge.node).find((derogation) => derogation.id === derogationId);
  }

  it('shows the pending derogation and its justification to the coordinator, its author and the related professionals', async () => {
    for (const client of [as.coordinator, as.requester, as.colleague, as.circle]) {
      expect(await derogationAs(client)).toEqual({
        id: derogationId,
        status: 'PENDING',
        justification: JUSTIFICATION,
        redactedFields: [],
      });
    }
  });

  it('hides it from a health professional of the territory unrelated to the person, who may not decide it', async () => {
    expect(await derogationAs(as.outsider)).toBeUndefined();
    const approval = await as.outsider.request(APPROVE_DEROGATION, { id: derogationId });
    expect(approval.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const rejection = await as.outsider.request(
      'mutation ($d: ID!, $n: String!) { rejectDerogation(derogationId: $d, note: $n) { id } }',
      { d: derogationId, n: 'Le consentement peut être recueilli.' },
    );
    expect(rejection.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await derogationAs(as.requester)).toMatchObject({ status: 'PENDING' });
  });

  it('lets a professional of the circle approve it, and keeps the outsider out afterwards', async () => {
    const approved = await as.circle.expectData<{ approveDerogation: { status: string } }>(
      APPROVE_DEROGATION,
      { id: derogationId },
    );
    expect(approved.approveDerogation.status).toBe('APPROVED');

    for (const client of [as.coordinator, as.requester, as.circle]) {
      expect(await derogationAs(client)).toMatchObject({ status: 'APPROVED', justification: JUSTIFICATION });
    }
    expect(await derogationAs(as.outsider)).toBeUndefined();
    const again = await as.outsider.request(APPROVE_DEROGATION, { id: derogationId });
    expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
