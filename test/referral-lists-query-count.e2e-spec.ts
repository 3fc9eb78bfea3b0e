import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient, logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ALL_INFORMATION,
  CREATE_REFERRAL,
  RECORD_CONSENT,
  SUBMIT_REFERRAL,
} from './support/referral-documents';
import { StatementCounter } from './support/statement-counter';

const MY_REFERRALS = /* GraphQL */ `
  query ($t: ID!) {
    myOrganisationReferrals(territoryId: $t, first: 100) {
      edges {
        node {
          id
          caseCode
          status
          statusLabel
          fhirTaskStatus
          situationStatus
          actionsForMyOrganisation {
            id
            description
            dueOn
          }
        }
      }
    }
  }
`;
const INBOX = /* GraphQL */ `
  query ($t: ID!) {
    referrals(territoryId: $t, first: 100) {
      edges {
        node {
          id
          status
          person {
            caseCode
            pseudonym
          }
          identity {
            lastName
          }
          difficultyAreas
          consentStatus
          redactedFields
        }
      }
    }
  }
`;

interface Edges<Node> {
  edges: { node: Node }[];
}

/** Lists cost the same few statements with 50 rows as with 5: no query per referral. */
describe('referral lists: constant SQL whatever their length', () => {
  let api: RunningApi;
  let territory: Territory;
  let bailleur: GraphqlClient;
  let coordinator: GraphqlClient;
  let ccasId: string;
  let counter: StatementCounter;
  let written = 0;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    ccasId = (await api.factory.organisation(territory, OrganisationKind.SOCIAL)).id;
    const logIn = async (kind: OrganisationKind, profession: Profession, role: Role) => {
      const organisation = await api.factory.organisation(territory, kind);
      const user = await api.factory.user({ territory, organisation, profession, roles: [role] });
      return (await logInClient(api.anonymous, user.email, user.password)).client;
    };
    bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, Role.REFERRER);
    coordinator = await logIn(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, Role.COORDINATOR);
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  /** Submitted referrals, every other one with a consent in force, so both paths are measured. */
  async function refer(count: number): Promise<void> {
    for (let index = 0; index < count; index += 1, written += 1) {
      const { createReferral } = await bailleur.expectData<{ createReferral: { id: string } }>(
        CREATE_REFERRAL,
        {
          input: {
            territoryId: territory.id,
            person: { firstName: 'Liste', lastName: `Essai ${written}`, protectionMeasure: 'NONE' },
            form: {
              difficultyAreas: ['ISOLATION'],
              servicesInvolved: [],
              questionToCell: 'Quel relais proposer ?',
              urgency: 'LOW',
              requests: ['CELL_EXAMINATION'],
            },
          },
        },
      );
      if (written % 2 === 0) {
        await bailleur.expectData(RECORD_CONSENT, {
          id: createReferral.id,
          input: {
            status: 'GIVEN',
            method: 'WRITTEN',
            collectedOn: api.clock.now().toISOString().slice(0, 10),
            informationGiven: ALL_INFORMATION,
            wishesToAttend: false,
            purposes: ['CELL_EXAMINATION'],
            organisationIds: [ccasId],
            organisationKinds: [],
            includesCell: true,
            dataCategories: ['LOGISTIC', 'IDENTITY'],
          },
        });
      }
      await bailleur.expectData(SUBMIT_REFERRAL, {
        input: {
          referralId: createReferral.id,
          commonLawRoutesTried: true,
          notAnEmergency: true,
          imminentDanger: false,
        },
      });
    }
  }

  it('answers the bailleur’s and the coordinator’s lists in the same statements for 5 and for 50', async () => {
    await refer(5);
    const fewMine = await counter.counted(() =>
      bailleur.expectData<{ myOrganisationReferrals: Edges<unknown> }>(MY_REFERRALS, { t: territory.id }),
    );
    const fewInbox = await counter.counted(() =>
      coordinator.expectData<{ referrals: Edges<{ identity: unknown }> }>(INBOX, { t: territory.id }),
    );
    await refer(45);
    const manyMine = await counter.counted(() =>
      bailleur.expectData<{ myOrganisationReferrals: Edges<unknown> }>(MY_REFERRALS, { t: territory.id }),
    );
    const manyInbox = await counter.counted(() =>
      coordinator.expectData<{ referrals: Edges<{ identity: unknown }> }>(INBOX, { t: territory.id }),
    );

    expect(fewMine.result.myOrganisationReferrals.edges).toHaveLength(5);
    expect(manyMine.result.myOrganisationReferrals.edges).toHaveLength(50);
    expect(manyInbox.result.referrals.edges).toHaveLength(50);
    expect(manyInbox.result.referrals.edges.every(({ node }) => node.identity !== null)).toBe(true);

    expect(manyMine.count.data.length).toBe(fewMine.count.data.length);
    expect(manyInbox.count.data.length).toBe(fewInbox.count.data.length);
    // Bailleur: authentication (1), its referrals with people and situations (1), how many there
    // are (1), the actions addressed to it (1).
    expect(manyMine.count.data).toHaveLength(4);
    // Coordinator: authentication (1), referrals with people (1), how many there are (1),
    // identities (1), consents and derogations (2), the read audit's events (1).
    expect(manyInbox.count.data).toHaveLength(7);
    // 125 mutations one after the other: a few seconds alone, over 30 s beside a full run's others.
  }, 120_000);
});
