import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  SituationAction,
} from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const MY_ACTIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $status: [ActionStatus!]) {
    myOrganisationActions(territoryId: $t, first: $first, after: $after, status: $status) {
      edges {
        cursor
        node {
          id
          caseCode
          description
          dueOn
          status
          outcome
          redactedFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

interface Page {
  edges: { node: { caseCode: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** « Mes actions » costs the same statements for a page of 5 as for a page of 50. */
describe('the actions entrusted to my organisation: constant SQL whatever the page size', () => {
  let api: RunningApi;
  let territory: Territory;
  let bailleur: GraphqlClient;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const organisation = await api.factory.organisation(territory, OrganisationKind.HOUSING);
    const user = await api.factory.user({
      territory,
      organisation,
      profession: Profession.HOUSING_OFFICER,
      roles: [Role.REFERRER],
    });
    bailleur = (await logInClient(api.anonymous, user.email, user.password)).client;
    // Sixty actions about sixty people, so that a query per action or per person would show.
    const people = await api.dataSource.getRepository(Person).save(
      Array.from({ length: 60 }, () => ({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'A. B.',
        ageBand: AgeBand.AGE_40_49,
        district: null,
      })),
    );
    await api.dataSource.getRepository(SituationAction).save(
      people.map((person, index) => ({
        territoryId: territory.id,
        personId: person.id,
        situationId: null,
        description: `Action ${index}`,
        ownerOrganisationId: organisation.id,
        ownerUserId: null,
        dueOn: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`,
        status: index % 3 ? ActionStatus.TODO : ActionStatus.DONE,
        origin: ActionOrigin.DECISION,
        originId: randomUUID(),
        outcome: index % 2 ? 'Fait en partie.' : null,
        createdAt: new Date(),
      })),
    );
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  const read = (variables: Record<string, unknown>) =>
    counter.counted(() =>
      bailleur.expectData<{ myOrganisationActions: Page }>(MY_ACTIONS, { t: territory.id, ...variables }),
    );

  it('reads a page of 5 and a page of 50, first or next, filtered or not, in the same statements', async () => {
    const few = await read({ first: 5 });
    const many = await read({ first: 50 });
    const next = await read({ first: 50, after: few.result.myOrganisationActions.pageInfo.endCursor });
    const filtered = await read({ first: 50, status: ['TODO', 'IN_PROGRESS', 'BLOCKED'] });

    expect(few.result.myOrganisationActions.edges).toHaveLength(5);
    expect(many.result.myOrganisationActions.edges).toHaveLength(50);
    expect(next.result.myOrganisationActions.edges).toHaveLength(50);
    expect(filtered.result.myOrganisationActions.edges).toHaveLength(40);
    // Each action came with its person's case code, joined in the same statement.
    const codes = new Set(many.result.myOrganisationActions.edges.map((edge) => edge.node.caseCode));
    expect(codes.size).toBe(50);

    for (const counted of [many, next, filtered])
      expect(counted.count.data.length).toBe(few.count.data.length);
    // Authentication (1), then the page with its case codes (1); nothing is audited for logistics.
    expect(many.count.data).toHaveLength(2);
    expect(many.count.data[1]).toMatch(/FROM "situation_actions"/);
  });
});
