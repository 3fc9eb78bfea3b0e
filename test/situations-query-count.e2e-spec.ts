import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import {
  ActionOrigin,
  ActionStatus,
  AgeBand,
  newCaseCode,
  Person,
  Situation,
  SituationAction,
  SituationStatus,
} from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { randomUUID } from 'node:crypto';
import { RunningApi, startApi } from './support/api-harness';
import { StatementCounter } from './support/statement-counter';

const SITUATIONS = /* GraphQL */ `
  query ($t: ID!, $first: Int!, $after: String, $filter: SituationFilterInput) {
    situations(territoryId: $t, first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id
          person {
            caseCode
            pseudonym
          }
          status
          referrerKinds
          openActionCount
          nextActionDueOn
          nextStep
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
  edges: { node: { person: { caseCode: string }; openActionCount: number } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** « Situations » costs the same statements for a page of 5 as for a page of 50. */
describe('the list of situations: constant SQL whatever the page size', () => {
  let api: RunningApi;
  let territory: Territory;
  let coordinator: GraphqlClient;
  let counter: StatementCounter;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    const clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
    const user = await api.factory.user({
      territory,
      organisation: clsm,
      profession: Profession.CLSM_COORDINATOR,
      roles: [Role.COORDINATOR],
    });
    coordinator = (await logInClient(api.anonymous, user.email, user.password)).client;
    // Sixty situations about sixty people, each with two open actions, so that a query per
    // situation, per person or per action would show.
    const people = await api.dataSource.getRepository(Person).save(
      Array.from({ length: 60 }, (_, index) => ({
        territoryId: territory.id,
        caseCode: newCaseCode(),
        initials: 'A. B.',
        ageBand: AgeBand.AGE_40_49,
        district: index % 2 ? 'Nord' : 'Sud',
      })),
    );
    const situations = await api.dataSource.getRepository(Situation).save(
      people.map((person, index) => ({
        territoryId: territory.id,
        personId: person.id,
        status: index % 3 ? SituationStatus.ACTIONS_IN_PROGRESS : SituationStatus.REVIEW_DUE,
        openedAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
        closedAt: null,
        closureReason: null,
        nextReviewOn: `2027-01-${String((index % 28) + 1).padStart(2, '0')}`,
      })),
    );
    await api.dataSource.getRepository(SituationAction).save(
      situations.flatMap((situation) =>
        [0, 1].map((index) => ({
          territoryId: territory.id,
          personId: situation.personId,
          situationId: situation.id,
          description: `Action ${index}`,
          ownerOrganisationId: clsm.id,
          ownerUserId: null,
          dueOn: `2027-02-0${index + 1}`,
          status: ActionStatus.TODO,
          origin: ActionOrigin.DECISION,
          originId: randomUUID(),
          outcome: null,
          createdAt: new Date(),
        })),
      ),
    );
    counter = new StatementCounter(api.appDataSource);
  });
  afterAll(async () => {
    counter.restore();
    await api.close();
  });

  const read = (variables: Record<string, unknown>) =>
    counter.counted(() =>
      coordinator.expectData<{ situations: Page }>(SITUATIONS, { t: territory.id, ...variables }),
    );

  it('reads a page of 5 and a page of 50, first or next, filtered or not, in the same statements', async () => {
    const few = await read({ first: 5 });
    const many = await read({ first: 50 });
    const next = await read({ first: 50, after: few.result.situations.pageInfo.endCursor });
    const filtered = await read({
      first: 50,
      filter: { district: 'Nord', statuses: ['ACTIONS_IN_PROGRESS'] },
    });

    expect(few.result.situations.edges).toHaveLength(5);
    expect(many.result.situations.edges).toHaveLength(50);
    expect(next.result.situations.edges).toHaveLength(50);
    expect(filtered.result.situations.edges).toHaveLength(20);
    const codes = new Set(many.result.situations.edges.map((edge) => edge.node.person.caseCode));
    expect(codes.size).toBe(50);
    expect(many.result.situations.edges.every((edge) => edge.node.openActionCount === 2)).toBe(true);

    for (const counted of [many, next, filtered])
      expect(counted.count.data.length).toBe(few.count.data.length);
    // Authentication (1), the page with its people and who referred (1), its open actions (1);
    // nothing is audited for logistics.
    expect(many.count.data).toHaveLength(3);
    expect(many.count.data[1]).toMatch(/FROM "situations"/);
    expect(many.count.data[2]).toMatch(/FROM "situation_actions"/);
  });
});
