import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  CREATE_REFERRAL,
  GET_REFERRAL,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
} from './support/referral-documents';

const NARROW = /* GraphQL */ `
  mutation ($input: NarrowSharingMatrixInput!) {
    narrowSharingMatrix(input: $input) {
      reader
      categories
    }
  }
`;

describe('a territory narrows its sharing matrix, never widens it', () => {
  let api: RunningApi;
  let territory: Territory;
  const as = {} as Record<'admin' | 'bailleur' | 'coordinator' | 'ccas', GraphqlClient>;
  let referralId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const logIn = async (kind: OrganisationKind, profession: Profession, roles: Role[]) => {
      const organisation = await api.factory.organisation(territory, kind);
      const user = await api.factory.user({ territory, organisation, profession, roles });
      return (await logInClient(api.anonymous, user.email, user.password)).client;
    };
    as.admin = await logIn(OrganisationKind.MUNICIPAL, Profession.ADMINISTRATIVE_STAFF, [
      Role.TERRITORY_ADMIN,
    ]);
    as.bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    as.coordinator = await logIn(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);
    as.ccas = await logIn(OrganisationKind.SOCIAL, Profession.SOCIAL_WORKER, [Role.CELL_MEMBER]);
    const { createReferral } = await as.bailleur.expectData<{ createReferral: { id: string } }>(
      CREATE_REFERRAL,
      {
        input: {
          territoryId: territory.id,
          person: { firstName: 'Nina', lastName: 'Matrice', protectionMeasure: 'NONE' },
          form: {
            difficultyAreas: ['ISOLATION'],
            servicesInvolved: ['CCAS'],
            questionToCell: 'Quel relais ?',
            urgency: 'LOW',
            requests: ['CELL_EXAMINATION'],
          },
        },
      },
    );
    referralId = createReferral.id;
    await as.bailleur.expectData(SUBMIT_REFERRAL, {
      input: { referralId, commonLawRoutesTried: true, notAnEmergency: true, imminentDanger: false },
    });
    await as.coordinator.expectData(START_PRE_REVIEW, { id: referralId });
  });
  afterAll(() => api.close());

  const readAsCcas = async () =>
    (
      await as.ccas.expectData<{ referral: { difficultyAreas: string[] | null; redactedFields: string[] } }>(
        GET_REFERRAL,
        { id: referralId },
      )
    ).referral;

  it('withholds a category from social professionals from their next request on', async () => {
    expect((await readAsCcas()).difficultyAreas).toEqual(['ISOLATION']);
    const { narrowSharingMatrix } = await as.admin.expectData<{
      narrowSharingMatrix: { reader: string; categories: string[] }[];
    }>(NARROW, {
      input: {
        territoryId: territory.id,
        entries: [{ reader: 'SOCIAL_MEDICOSOCIAL', categories: ['LOGISTIC', 'IDENTITY', 'HOUSING'] }],
      },
    });
    expect(narrowSharingMatrix).toContainEqual({
      reader: 'SOCIAL_MEDICOSOCIAL',
      categories: ['LOGISTIC', 'IDENTITY', 'HOUSING'],
    });
    const narrowed = await readAsCcas();
    expect(narrowed.difficultyAreas).toBeNull();
    expect(narrowed.redactedFields).toContain('difficultyAreas');
  });

  it('refuses a widening, naming it, and lets only the administrator narrow', async () => {
    const widened = await as.admin.request(NARROW, {
      input: {
        territoryId: territory.id,
        entries: [{ reader: 'NOT_LISTED', categories: ['LOGISTIC', 'HOUSING', 'IDENTITY'] }],
      },
    });
    expect(widened.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(widened.errors?.[0].extensions?.fields).toEqual([
      { field: 'entries', message: 'Élargissement refusé : NOT_LISTED → IDENTITY.' },
    ]);
    const byCoordinator = await as.coordinator.request(NARROW, {
      input: { territoryId: territory.id, entries: [] },
    });
    expect(byCoordinator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The narrowing stands.
    expect((await readAsCcas()).difficultyAreas).toBeNull();
  });
});
